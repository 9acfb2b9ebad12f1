"""Patterns compiled on first use (artclean.lazy) behave as the compiled pattern does."""

from __future__ import annotations

import re

import pytest

from artclean.lazy import pattern


def test_a_deferred_pattern_compiles_on_first_use_and_answers_as_re_does() -> None:
    source = r"(?P<word>[^\W\d_]+)-(\d+)"
    deferred = pattern(source, re.IGNORECASE)
    compiled = re.compile(source, re.IGNORECASE)
    assert "search" not in vars(deferred)  # nothing compiled at definition
    text = "Ab-12 cd-3 x-y"
    found = deferred.search(text)
    assert found is not None and found.group("word") == "Ab"
    assert "search" in vars(deferred)  # bound once, then called directly
    assert deferred.findall(text) == compiled.findall(text)
    assert deferred.sub(r"\2", text) == compiled.sub(r"\2", text)
    assert [m.span() for m in deferred.finditer(text)] == [
        m.span() for m in compiled.finditer(text)
    ]
    assert deferred.fullmatch("AB-1") is not None and deferred.match(" AB-1") is None
    assert (deferred.pattern, deferred.flags, deferred.groups) == (
        compiled.pattern,
        compiled.flags,
        compiled.groups,
    )


def test_a_bad_deferred_pattern_fails_where_it_is_used() -> None:
    deferred = pattern("(unclosed")  # no error where it is defined
    with pytest.raises(re.error):
        deferred.search("x")
