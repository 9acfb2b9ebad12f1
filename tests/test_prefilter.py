"""Phrase rules are tried only on paragraphs that pass their cheap tests, and that never
changes which rule fires (issue 12).

`prefilter.needs` reads from a pattern's text the prefixes and literals every text it matches
has. Those tests must be sound: a text the pattern matches always passes them. Here every
shipped rule is checked on texts hypothesis draws from the rule's own pattern, and a
phrasebook's verdicts on real paragraphs are compared with trying every rule in file order.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from artclean.boilerplate import (
    Phrasebook,
    Rule,
    available_languages,
    compile_rules,
    language_rules,
    phrasebook,
)
from artclean.options import Options
from artclean.pipeline import comparable_texts
from artclean.prefilter import Needs, needs, shipped
from conftest import FIXTURES


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?:a )?(?:b|c)d", Needs(("a ", "bd", "cd"), ("d",))),
        (r"comments?$", Needs(("comment", "comments"), ("comment",))),
        (r"(?:ab)?c", Needs(("ab", "c"), ("c",))),
        (r"a\.b\b c", Needs(("a.b c",), ("a.b c",))),
        (r"[^ ].{1,60}? is (?:a|an) x", Needs(None, (" is ",))),
        (r"(?=ab)abc", Needs(("abc",), ("abc",))),
        (r"(?!no)yes|ok", Needs(("ok", "yes"), ("ok", "yes"))),
        (r"[ap]\.?m", Needs(("a.", "am", "p.", "pm"), ("m",))),
        (r"\d+ comments", Needs((), (" comments",), digit=True)),
        (r"(?:\d+|one) repl(?:y|ies)", Needs(("one replies", "one reply"), (" repl",), digit=True)),
        (r"x?\d", Needs(("x",), None, digit=True)),
        (r"(?:x|y){0,2}z", Needs(("x", "y", "z"), ("z",))),
        (r"ab{x", Needs(("ab{x",), ("ab{x",))),
        # What it does not follow, it does not claim: flags, back-references, an empty branch.
        (r"(?i)abc", Needs(None, None)),
        (r"(?i:abc)", Needs(None, None)),
        (r"(a)\1", Needs(None, None)),
        (r"ab|", Needs(None, None)),
        (r"a{,}", Needs(None, None)),
        (r"(?P<x>a)b", Needs(None, None)),
        (r"\wabc", Needs(None, ("abc",))),
    ],
)
def test_needs_reads_prefixes_and_literals(pattern: str, expected: Needs) -> None:
    assert needs(pattern) == expected


def _passes(found: Needs, text: str, *, anchored: bool) -> bool:
    if found.literals is not None and not any(s in text for s in found.literals):
        return False
    if not anchored or found.prefixes is None:
        return True
    return text.startswith(found.prefixes) or (found.digit and text[:1].isdecimal())


SHIPPED = sorted(
    {(rule.pattern, bool(rule.contains)) for lang in available_languages() for rule in
     phrasebook((lang,)).rules}
)  # fmt: skip


@pytest.mark.slow  # every rule of every language, drawn from: CI's -m slow step
@pytest.mark.parametrize(("pattern", "searching"), SHIPPED, ids=lambda v: str(v)[:30])
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_text_a_shipped_rule_matches_passes_its_tests(
    pattern: str, searching: bool, data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(re.compile(pattern), fullmatch=not searching))
    assert re.match(pattern, text) or searching
    assert _passes(needs(pattern), text, anchored=not searching), (pattern, text)


def _first_rule(book: Phrasebook, text: str, words: int, articles: bool) -> Rule | None:
    """What a phrasebook must answer: the first rule in file order that fires."""
    if words > book.max_words:
        return None
    for rule in book.rules:
        if articles and rule.pages:
            continue
        if words <= rule.max_words and rule.fires(text):
            return rule
    return None


def _fixture_paragraphs() -> list[str]:
    texts: set[str] = set()
    for path in sorted(FIXTURES.rglob("*.txt")) + sorted(FIXTURES.rglob("*.md")):
        texts.update(
            comparable_texts(path.read_text(encoding="utf-8", errors="replace"), Options())
        )
    texts.discard("")
    return sorted(texts)


PARAGRAPHS = _fixture_paragraphs()


@pytest.mark.parametrize(
    "language",
    [
        pytest.param(language, marks=[] if language in ("en", "de") else [pytest.mark.slow])
        for language in available_languages()
    ],
)
def test_a_phrasebook_answers_as_trying_every_rule_in_order(language: str) -> None:
    book = phrasebook(tuple(dict.fromkeys((language, "en"))))
    extra = [f"{rule.name.replace('-', ' ')}" for rule in book.rules]
    for text in [*PARAGRAPHS, *extra, "1 comment", "12 photos", "share", "© 2020"]:
        words = len(text.split())
        for articles in (False, True):
            expected = _first_rule(book, text, words, articles)
            assert book.match(text, words, articles=articles) is expected, text
            # Again, as remembered for a short paragraph.
            assert book.match(text, words, articles=articles) is expected, text


def test_rules_compile_only_when_a_paragraph_could_match_them() -> None:
    shipped = phrasebook(("en",))
    book = compile_rules(shipped.languages, shipped.rules, shipped.related_header)
    assert book.match("hello", 1) is None
    compiled = [run for run in book._matcher().compiled if run is not None]
    assert len(compiled) <= 3
    assert book.match("share this", 2) is not None
    assert book.match("hello", 1) is None


def test_the_prefix_trie_grows_only_for_the_first_characters_paragraphs_start_with() -> None:
    shipped = phrasebook(("en",))
    book = compile_rules(shipped.languages, shipped.rules, shipped.related_header)
    assert book.match("hello", 1) is None
    assert set(book._matcher().trie) <= {"h"}
    assert book.match("share this", 2) is not None
    assert set(book._matcher().trie) <= {"h", "s"}


def test_a_line_in_a_pipe_compiles_no_whole_language() -> None:
    probe = (
        "import re, sys\n"
        "from artclean import clean\n"
        "calls = []\n"
        "original = re.compile\n"
        "re.compile = lambda p, f=0: calls.append(p) or original(p, f)\n"
        "clean('hello\\n')\n"
        "print(max(map(len, calls), default=0))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    longest = int(done.stdout)
    en = phrasebook(("en",))
    assert longest < len(en.anchored.pattern) / 4


@pytest.mark.parametrize("language", available_languages())
def test_the_shipped_readings_are_those_of_the_phrase_files_patterns(language: str) -> None:
    """data/prefilter/ saves a one-line pipe reading every pattern; rewrite it with
    `python -m artclean.boilerplate` after editing a phrase file."""
    patterns = {r.pattern for r in language_rules(language) if not r.contains}
    assert shipped(language) == {p: needs(p) for p in patterns}


def test_a_pattern_missing_from_the_shipped_readings_is_read_as_usual() -> None:
    rule = Rule("share", "edited", "S999", 6, r"(?:share|tweet) this\b")
    book = Phrasebook(("en",), (rule,), re.compile("(?!)"), 6)
    assert book.match("share this", 2) is rule
    assert book.match("print this", 2) is None


def test_a_tuple_of_languages_gets_one_phrasebook_read_once() -> None:
    """Every document of a language shares its phrasebook: reading the phrase files and
    building the matcher per document made cleaning seventy times slower."""
    assert phrasebook(("de", "en")) is phrasebook(("de", "en"))
