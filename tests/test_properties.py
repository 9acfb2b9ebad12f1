"""Invariants over generated scraped pages: cleaning is idempotent, invents and reorders nothing
(apart from the documented move of a fuller copy to its teaser's place), and loses nothing.

The generator builds pages the way scrapers leave them: article paragraphs, copies of them
(exact, re-typeset or with a typo), truncated teasers, short labels, boilerplate lines and
related-link headlines, with blank or single line breaks in LF, CRLF or CR.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from artclean import Result, clean

SENTENCES = [
    "The council approved the plan on Tuesday after a debate that lasted four hours.",
    "Residents who spoke at the meeting were divided over the cost of the new bridge.",
    "“We cannot keep patching the old one,” said the mayor, who has backed the project.",
    "Construction is due to start next spring and will take about two years.",
    "Opponents say the money would be better spent on repairing the town’s roads.",
    "The regional government will pay for a third of the work, officials said.",
    "A survey last year found that most commuters cross the river at least once a day.",
    "Traffic on the old bridge has doubled since it was last strengthened in 1987.",
    "Engineers warned in March that some of its supports were badly corroded.",
    "The ferry service that closed in 2015 could be restored while the work goes on.",
    "Shopkeepers on the high street fear that months of diversions will keep customers away.",
    "The chair of the planning committee said a final design would be chosen in June.",
    "Environmental groups have asked for a survey of the otters that nest under the arches.",
    "It is the largest public works project in the town for more than half a century.",
]
SHORT = ["Step 1", "Step 2", "Photo: Reuters", "Key points", "Analysis", "Update", "Q.", "A."]
BOILERPLATE = [
    "Advertisement",
    "Share on Facebook",
    "Share on X",
    "Sign up for our daily newsletter",
    "This article originally appeared in The Riverside Gazette.",
    "© 2024 Riverside Gazette Ltd. All rights reserved.",
    "We use cookies to improve your experience on our site.",
    "Leave a comment",
    "Skip to main content",
    "You may also like",
    "Related stories",
]
HEADLINES = [
    "Ferry service could return for first time in a decade",
    "Mayor defends bridge budget in heated session",
    "Otters found nesting under historic arches",
]
TEASER_MARKS = ["…", "...", " Read more", "... Read more »"]


def retypeset(text: str) -> str:
    return text.replace("“", '"').replace("”", '"').replace("’", "'")


def typo(text: str) -> str:
    return text.replace("e", "a", 1)


def doubled_spaces(text: str) -> str:
    return text.replace(" ", "  ", 3)


COPIES = {"exact": str, "retypeset": retypeset, "typo": typo, "spaces": doubled_spaces}

prose = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3, unique=True).map(" ".join)


@st.composite
def pages(draw: st.DrawFn, teasers: bool = True) -> str:
    article = draw(st.lists(prose, min_size=1, max_size=6, unique=True))
    which = st.integers(0, len(article) - 1)
    kinds = [
        st.tuples(st.just("prose"), which),
        st.tuples(st.just("copy"), which, st.sampled_from(sorted(COPIES))),
        st.tuples(st.just("line"), st.sampled_from(SHORT + BOILERPLATE + HEADLINES)),
    ]
    if teasers:
        kinds.append(
            st.tuples(st.just("teaser"), which, st.integers(4, 12), st.sampled_from(TEASER_MARKS))
        )
    parts = []
    for item in draw(st.lists(st.one_of(kinds), min_size=1, max_size=20)):
        if item[0] == "prose":
            parts.append(article[item[1]])
        elif item[0] == "copy":
            parts.append(COPIES[item[2]](article[item[1]]))
        elif item[0] == "line":
            parts.append(item[1])
        else:
            words = article[item[1]].split()
            parts.append(" ".join(words[: item[2]]) + item[3])
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    gaps = draw(st.lists(st.sampled_from([1, 1, 2, 3]), min_size=len(parts), max_size=len(parts)))
    gaps[-1] = draw(st.sampled_from([0, 1, 2]))
    return "".join(part + newline * gap for part, gap in zip(parts, gaps, strict=True))


def in_input_order(result: Result) -> bool:
    """Whether the kept paragraphs appear in input order, each at its own place or at the place
    of an earlier truncated copy of it (the one documented exception: the fuller text is shown
    where its teaser was)."""
    places: dict[int, set[int]] = {k.index: {k.index} for k in result.kept}
    for r in result.removed:
        if r.duplicate_of in places and r.index < r.duplicate_of:
            places[r.duplicate_of].add(r.index)
    previous = -1
    for kept in result.kept:
        later = [p for p in places[kept.index] if p > previous]
        if not later:
            return False
        previous = min(later)
    return True


def input_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@example(
    "Tha council approved the plan on Tuesday after a debate that lasted four hours.\n"
    "The council approved the plan on Tuesday after a debate that lasted four hours.\n"
    "The council approved the plan on Tuesday after a debate that lasted four hours.\n"
)
@given(pages(teasers=False))
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


@PROPERTY
@example(
    "Once upon a time there was a...\n"
    "Once upon a time there was a king in the north.\n"
    "Once upon a time there was a king...\n"
)
@given(pages(teasers=True))
def test_cleaning_is_idempotent_with_teasers(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


@PROPERTY
@given(pages(teasers=True))
def test_nothing_is_invented_and_the_order_is_kept(text: str) -> None:
    result = clean(text)
    lines = input_lines(text)
    rest = result.text
    for kept in result.kept:
        assert kept.text in text
        assert lines[kept.line - 1] == input_lines(kept.text)[0]
        before, found, rest = rest.partition(kept.text)
        assert found, f"paragraph {kept.index} is not in the output in its turn"
        assert before.strip("\r\n") == ""
    assert rest.strip("\r\n") == ""
    assert in_input_order(result), [k.index for k in result.kept]


@PROPERTY
@given(pages(teasers=True))
def test_nothing_is_lost(text: str) -> None:
    result = clean(text)
    parts = sorted(
        [(k.index, k.text) for k in result.kept] + [(r.index, r.text) for r in result.removed]
    )
    assert [i for i, _ in parts] == list(range(result.stats.paragraphs_in))
    assert "".join("".join(p.split()) for _, p in parts) == "".join(text.split())
    removed_again = clean(text, options=None).removed
    assert removed_again == result.removed  # the same decisions every time


@PROPERTY
@given(pages(teasers=True))
def test_stats_describe_the_result(text: str) -> None:
    result = clean(text)
    stats = result.stats
    assert stats.chars_in == len(text)
    assert stats.chars_out == len(result.text)
    assert stats.paragraphs_out == len(result.kept)
    assert sum(stats.removed.values()) == len(result.removed)
    assert result.text == "" or result.text.endswith(("\n", "\r"))


def test_the_order_check_can_fail() -> None:
    text = "Second paragraph of the story.\nFirst paragraph of the story, moved.\n"
    result = clean(text)
    assert in_input_order(result)
    reversed_result = Result(
        result.source, result.text, tuple(reversed(result.kept)), result.removed, result.stats
    )
    assert not in_input_order(reversed_result)
