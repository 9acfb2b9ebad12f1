"""records.maker builds the same frozen records as their classes, only faster."""

from __future__ import annotations

import dataclasses
from dataclasses import FrozenInstanceError

import pytest

from artclean.boilerplate import Finding
from artclean.duplicates import Duplicate, Match
from artclean.markdown import Layout
from artclean.records import maker
from artclean.result import Kept, Removal
from artclean.segment import Paragraph

EXAMPLES = [
    Paragraph(3, 7, 9, 2, 40, 95, "The council approved the plan."),
    Removal(3, 7, "duplicate", "near", "repeats line 2", "text", 1, 96.5, ("related",), 1, "D002"),
    Kept(0, 1, "Hello"),
    Finding(4, "navigation", "outside-article", "reason", None, False, "", None),
    Duplicate(5, 2, 100.0, "exact", True),
    Match(5, 2),
]


@pytest.mark.parametrize("record", EXAMPLES, ids=lambda r: type(r).__name__)
def test_a_made_record_equals_the_class_s_own(record: object) -> None:
    values = [getattr(record, f.name) for f in dataclasses.fields(record)]  # type: ignore[arg-type]
    made = maker(type(record))(*values)
    assert type(made) is type(record)
    assert made == record and hash(made) == hash(record) and repr(made) == repr(record)
    with pytest.raises(FrozenInstanceError):
        setattr(made, dataclasses.fields(record)[0].name, 0)  # type: ignore[arg-type]


def test_a_class_whose_init_does_more_has_no_maker() -> None:
    with pytest.raises(TypeError, match="does more"):
        maker(Layout)
