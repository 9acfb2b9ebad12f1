"""Near-duplicate paragraphs: what counts as a copy, what never does, and where the text stays."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from artclean import Options, clean
from artclean.fingerprint import CandidateIndex

QUOTED = (
    "The company’s chief executive said the plant would reopen “as soon as it is safe to do so”, "
    "but gave no date — and workers remain on half pay."
)
OTHER = "Inspectors from the regional safety board are due to visit the site next week."
FULL = (
    "The regional government announced on Friday that all schools in the northern districts "
    "would remain closed until the flood water has receded and the buildings have been inspected."
)
BETWEEN = "Parents were told to check the council website each morning for updates."


def doc(*paragraphs: str) -> str:
    return "".join(p + "\n" for p in paragraphs)


def removals(text: str, **options: object) -> list[tuple[int, str, str, int | None]]:
    """(index, kind, rule, duplicate_of) of every removal."""
    result = clean(text, Options(**options))  # type: ignore[arg-type]
    return [(r.index, r.kind, r.rule, r.duplicate_of) for r in result.removed]


COPIES = {
    "straight-quotes": QUOTED.replace("’", "'").replace("“", '"').replace("”", '"'),
    "hyphen-for-dash": QUOTED.replace("—", "-"),
    "double-hyphen-for-dash": QUOTED.replace("—", "--"),
    "doubled-spaces": QUOTED.replace(" would ", "  would  ").replace(", but", ",  but"),
    "tab-and-trailing-space": QUOTED.replace(" said ", "\tsaid ") + "  ",
    "one-typo": QUOTED.replace("reopen", "reopan"),
    "two-typos": QUOTED.replace("reopen", "reopan").replace("half", "hulf"),
    "one-missing-letter": QUOTED.replace("workers", "wokers"),
    "capitals": QUOTED.upper(),
    "non-breaking-spaces": QUOTED.replace(" no date", "\u00a0no\u00a0date"),
}


@pytest.mark.parametrize("copy", COPIES.values(), ids=COPIES.keys())
def test_a_copy_that_differs_only_in_typography_or_a_typo_is_a_duplicate(copy: str) -> None:
    result = clean(doc(QUOTED, OTHER, copy))
    assert [(r.index, r.kind, r.duplicate_of) for r in result.removed] == [(2, "duplicate", 0)]
    assert result.removed[0].rule in {"exact", "near"}
    assert result.text == doc(QUOTED, OTHER)  # the first copy, as written, is what stays


def test_a_straight_quoted_first_copy_is_kept_as_written() -> None:
    straight = COPIES["straight-quotes"]
    assert clean(doc(straight, OTHER, QUOTED)).text == doc(straight, OTHER)


def test_similarity_is_reported_and_exact_copies_score_100() -> None:
    result = clean(doc(QUOTED, COPIES["doubled-spaces"], COPIES["two-typos"]))
    assert [(r.rule, r.similarity) for r in result.removed] == [
        ("exact", 100.0),
        ("near", pytest.approx(98.6, abs=0.5)),
    ]
    assert "similarity 100" in result.removed[0].reason


def test_similarity_option_sets_the_threshold() -> None:
    typo = COPIES["two-typos"]
    assert removals(doc(QUOTED, typo), similarity=100) == []
    assert removals(doc(QUOTED, QUOTED), similarity=100) == [(1, "duplicate", "exact", 0)]
    reworded = QUOTED.replace("as soon as it is safe to do so", "within weeks rather than months")
    assert removals(doc(QUOTED, reworded)) == []
    assert removals(doc(QUOTED, reworded), similarity=80) == [(1, "duplicate", "near", 0)]


TEASERS = {
    "ellipsis-character": FULL[:80] + "…",
    "three-dots": FULL[:80] + "...",
    "read-more": FULL[:95] + " Read more",
    "dots-and-read-more": FULL[:95] + "... Read more »",
    "bracketed-ellipsis": FULL[:100] + " […]",
    "continue-reading": FULL[:100] + "… Continue reading",
    "cut-mid-word": FULL[:83] + "…",
}


@pytest.mark.parametrize("teaser", TEASERS.values(), ids=TEASERS.keys())
def test_a_truncated_teaser_after_the_full_paragraph_is_a_duplicate(teaser: str) -> None:
    result = clean(doc(FULL, BETWEEN, teaser))
    assert [(r.index, r.kind, r.rule, r.duplicate_of) for r in result.removed] == [
        (2, "duplicate", "teaser", 0)
    ]
    assert result.removed[0].reason.startswith("a truncated teaser of the paragraph at line 1")
    assert result.text == doc(FULL, BETWEEN)


@pytest.mark.parametrize("teaser", TEASERS.values(), ids=TEASERS.keys())
def test_a_teaser_before_its_full_paragraph_gets_the_full_text_in_its_place(teaser: str) -> None:
    result = clean(doc(teaser, BETWEEN, FULL))
    assert result.text == doc(FULL, BETWEEN)
    assert [(k.index, k.line) for k in result.kept] == [(2, 3), (1, 2)]
    (removal,) = result.removed
    assert (removal.index, removal.kind, removal.rule, removal.duplicate_of) == (
        0,
        "duplicate",
        "teaser",
        2,
    )
    assert removal.text == teaser
    assert removal.reason == "truncated copy of the fuller paragraph at line 3, which is kept here"


def test_a_teaser_whose_reason_says_the_full_text_is_kept_here_is_replaced_there() -> None:
    after = "Teachers will set work online, and exams due next week have been postponed."
    page = doc(
        "Skip to main content", "Menu", FULL[:80] + "…", BETWEEN, FULL, after,
        "Share on Facebook", "Share on X",
    )  # fmt: skip
    result = clean(page)
    kept = [k.index for k in result.kept]
    replaced = [r for r in result.removed if r.reason.endswith("which is kept here")]
    assert replaced
    for teaser in replaced:
        assert teaser.duplicate_of in kept
        assert kept[sum(k < teaser.index for k in kept)] == teaser.duplicate_of


def test_a_shorter_first_copy_is_replaced_by_the_fuller_later_one() -> None:
    shorter = FULL.replace(" and the buildings have been inspected", " and inspected")
    result = clean(doc(shorter, BETWEEN, FULL))
    assert result.text == doc(FULL, BETWEEN)
    assert [(r.index, r.duplicate_of) for r in result.removed] == [(0, 2)]


def test_a_second_teaser_after_the_full_paragraph_is_removed_too() -> None:
    first, second = FULL[:70] + "…", FULL[:90] + "..."
    assert clean(doc(first, FULL, second)).text == doc(FULL)


def test_two_teasers_before_the_full_paragraph_leave_only_the_full_text() -> None:
    first, second = FULL[:70] + "…", FULL[:90] + "... Read more"
    assert clean(doc(first, second, BETWEEN, FULL)).text == doc(FULL, BETWEEN)


def test_a_near_copy_of_a_paragraph_that_replaced_its_teaser_is_removed() -> None:
    teaser, typo = FULL[:70] + "…", FULL.replace("inspected", "inspectid")
    assert clean(doc(teaser, FULL, typo)).text == doc(FULL)


def test_every_later_copy_goes_when_the_first_copy_has_a_typo() -> None:
    with_typo = FULL.replace("receded", "receeded")
    assert clean(doc(with_typo, BETWEEN, FULL, FULL)).text == doc(with_typo, BETWEEN)


STIR = "Stir the sauce and taste it for seasoning before you add any more salt."


def test_a_repeated_label_after_a_recurring_paragraph_stays() -> None:
    assert removals(doc(STIR, "Step 1", STIR, STIR, STIR, "Step 1")) == []


def test_cleaning_twice_changes_nothing_when_a_recurring_text_is_in_a_repeated_block() -> None:
    longer = f"{STIR} Keep the heat low so that it does not catch on the bottom of the pan."
    once = clean(doc(STIR, longer, "Step 1", STIR, STIR, STIR, longer, "Step 1")).text
    assert clean(once).text == once


def test_a_whole_repeated_block_is_one_group() -> None:
    body = [
        "Rescue teams reached the village on Sunday morning, two days after the landslide.",
        "Most of the 300 residents had been evacuated before the hillside gave way.",
        "Officials said the main road would stay closed for at least a week.",
    ]
    shelters = "Emergency shelters have been set up in the school and the sports hall."
    result = clean(doc(*body, shelters, *body))
    assert result.text == doc(*body, shelters)
    assert [(r.index, r.rule, r.duplicate_of, r.group) for r in result.removed] == [
        (4, "repeated-block", 0, 4),
        (5, "repeated-block", 1, 4),
        (6, "repeated-block", 2, 4),
    ]
    assert result.removed[0].reason == "lines 5-7 repeat lines 1-3 as one block"


def test_a_block_of_short_lines_repeated_with_a_long_one_goes_as_a_block() -> None:
    block = ["Key facts", "Population: 12,400", "Founded in 1761 by settlers from the coast."]
    intro = "The town sits at the mouth of the river, an hour's drive from the capital."
    result = clean(doc(intro, *block, *block))
    assert result.text == doc(intro, *block)
    assert [r.rule for r in result.removed] == ["repeated-block"] * 3


def test_separators_of_a_body_scraped_twice_go_with_the_second_copy() -> None:
    """Recurring "___" lines are structure, but the copies inside a repeated body go with it."""
    sections = [
        ("WHO IS AHEAD?", "Polls in the early states show four candidates within a few points."),
        ("WHAT ABOUT MONEY?", "Two candidates have raised more than the rest of the field."),
        ("WHO IS MISSING?", "Three candidates who qualified last time did not make the stage."),
    ]
    body = [line for heading, text in sections for line in (heading, text, "___")]
    text = "\n\n".join([*body, *body]) + "\n"
    result = clean(text)
    assert result.text == "\n\n".join(body) + "\n"
    assert [(r.rule, r.group) for r in result.removed] == [("repeated-block", 9)] * len(body)
    assert result.removed[0].reason == "lines 19-35 repeat lines 1-17 as one block"
    assert clean(result.text).text == result.text


def test_a_separator_after_a_repeated_paragraph_still_divides_what_follows() -> None:
    intro = "The council voted on Tuesday to approve the plan for a new bridge over the river."
    two = "Section two explains how the money will be raised."
    three = "Section three covers the timeline."
    result = clean("\n\n".join([intro, "___", two, intro, "___", three]) + "\n")
    assert result.text == "\n\n".join([intro, "___", two, "___", three]) + "\n"
    assert [r.text for r in result.removed] == [intro]


def test_a_teaser_is_found_after_many_near_copies_of_a_text_with_its_opening() -> None:
    """Copies do not crowd out the paragraphs a teaser's opening words look for."""
    vote = "The council approved the plan for a new bridge after a debate of four hours on Tuesday."
    copies = [vote.replace(*typo) for typo in [("four", "fuor"), ("day", "dya"), ("new", "nwe")]]
    budget = (
        "The council approved the budget for next year, which raises spending on libraries, "
        "parks and road repairs by a tenth and pays for it with a small rise in parking fees, "
        "a change the finance committee had resisted for three years."
    )
    teaser = "The council approved the budget for next…"
    result = clean(doc(vote, *copies, OTHER, teaser, budget))
    assert (teaser, "teaser", 6) in [(r.text, r.rule, r.duplicate_of) for r in result.removed]
    assert result.text.endswith(doc(OTHER, budget))


def test_recurring_labels_at_the_edge_of_a_repeated_pair_stay() -> None:
    """Only a paragraph that does not recur by itself makes a repeated block."""
    text = doc("Note", STIR, "Note", OTHER, "Note", STIR, "Note", BETWEEN)
    assert removals(text) == [(5, "duplicate", "exact", 1)]


def test_a_recurring_attribution_inside_a_body_scraped_twice_goes_with_the_copy() -> None:
    """The copy of an article comes out as the article does: its embeds' repeated credit too."""
    credit = "— The City Council (@CityCouncil) October 9, 2018"
    body = [
        "The council met on Tuesday for the first time since the summer recess.",
        "Members observed a minute of silence for two former councillors who died in August.",
        "The meeting was shared on the council's account. See the posts:",
        "Council resolves to adjourn until next week in honour of the departed.",
        credit,
        "The leader moves that all business be suspended until the next sitting day.",
        credit,
    ]
    article = clean(doc(*body)).text
    result = clean(doc(*body, *body[1:]))
    assert result.text == article
    assert clean(result.text).text == result.text


def test_the_recurring_lines_of_a_plan_written_day_by_day_stay() -> None:
    """A passage made mostly of recurring lines is the writer's structure, not a scraped copy."""
    meal = "Oats with berries, a spoon of honey and a glass of milk before you set out."
    days = []
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday"):
        days += [day, "Breakfast", "Eat before eight", meal, "Lunch", "Eat at noon"]
    days[-3] = "Two eggs on toast with spinach, and black coffee, at half past seven."
    result = clean(doc(*days))
    assert [r.text for r in result.removed] == [meal, meal]
    assert result.text.count("Breakfast") == 4 and result.text.count("Eat at noon") == 4


@pytest.mark.parametrize(
    "heading, copy",
    [("CLOSEOUT SEQUENCE", "CLOESOUT  SEQUECNE"), ("Key findings", "Key findngs")],
)
def test_a_short_line_repeated_right_after_itself_with_a_typo_goes(heading: str, copy: str) -> None:
    result = clean(doc(OTHER, heading, copy, BETWEEN))
    assert result.text == doc(OTHER, heading, BETWEEN)
    assert [(r.text, r.rule, r.duplicate_of) for r in result.removed] == [(copy, "near", 1)]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Part A", "Part B"),
        ("Round 1", "Round 2"),
        ("Step one", "Step two"),
        ("Gold", "Bold"),
        ("Grant", "Grand"),
    ],
)
def test_short_lines_that_differ_in_a_letter_number_or_short_word_both_stay(
    first: str, second: str
) -> None:
    assert removals(doc(OTHER, first, second, BETWEEN)) == []


def test_separators_of_different_lengths_are_different_lines() -> None:
    """A line of 71 stars is no truncated copy of one of 78: neither moves to the other's place."""
    stars = ["*" * 71, "*" * 78, "*" * 93]
    text = doc(OTHER, stars[0], BETWEEN, stars[1], FULL, stars[2], QUOTED)
    result = clean(text)
    assert result.removed == ()
    assert clean(result.text).text == result.text


# --- what must never be merged ----------------------------------------------------------------

QUOTE = (
    "“We will not accept any agreement that leaves our farmers worse off than they were before "
    "the war began,” the minister told parliament."
)


def test_paragraphs_sharing_a_long_quotation_are_both_kept() -> None:
    text = doc(
        f"Opposition leaders seized on the remark. {QUOTE} They called it a reversal of his "
        "position last spring.",
        f"Farmers in the south welcomed the statement. {QUOTE} Several unions said they would "
        "suspend their protests.",
    )
    assert removals(text) == []


@pytest.mark.parametrize(
    "lines",
    [
        ["Step 1", "Mix the flour and the butter.", "Step 2", "Add the eggs one at a time."],
        ["Round 1", "Round 2", "Round 3"],
        ["Chapter One", "Chapter Two"],
        ["Update 10:42", "Update 10:57"],
        ["Q.", "A.", "Q.", "A."],
    ],
    ids=["steps", "rounds", "chapters", "updates", "interview-labels"],
)
def test_short_lines_that_differ_are_never_merged_and_repeated_labels_stay(
    lines: list[str],
) -> None:
    assert removals(doc(*lines)) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Shares of the company rose 12 percent in early trading on Monday after the report.",
            "Shares of the company rose 14 percent in early trading on Monday after the report.",
        ),
        (
            "The home side won the match 3-1 after a late goal from the substitute striker.",
            "The home side won the match 3-2 after a late goal from the substitute striker.",
        ),
        (
            "Tickets for the festival go on sale on 14 March at 9am from the official website.",
            "Tickets for the festival go on sale on 21 March at 9am from the official website.",
        ),
        (
            "The two-bedroom flat on the high street is offered at £245,000 by the agent.",
            "The two-bedroom flat on the high street is offered at £254,000 by the agent.",
        ),
    ],
    ids=["percent", "score", "date", "price"],
)
def test_paragraphs_that_differ_only_in_a_number_are_both_kept(first: str, second: str) -> None:
    assert removals(doc(first, second)) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Day one of the trial", "Day two of the trial"),
        ("Part one of the series", "Part two of the series"),
        (
            "The first round of voting ended without a winner.",
            "The second round of voting ended without a winner.",
        ),
        ("Letter from a client, September 2015", "Letter from a client, November 2015"),
        ("E-Mail eines Mandanten, September 2015", "E-Mail eines Mandanten, November 2015"),
        ("Open on Saturday from ten until six", "Open on Sunday from ten until six"),
    ],
    ids=["day-one-two", "part-one-two", "first-second-round", "month", "monat", "weekday"],
)
def test_lines_that_differ_only_in_a_number_word_are_both_kept(first: str, second: str) -> None:
    assert removals(doc(first, second)) == []


def test_a_short_heading_repeated_alone_stays() -> None:
    para_a = "The first half was scrappy, with neither side managing a shot on target."
    para_b = "The second half was a different game, with four goals in twenty minutes."
    text = doc("Match report", para_a, "Match report", para_b)
    assert removals(text) == []


def test_an_unrelated_paragraph_with_the_same_opening_is_not_a_teaser() -> None:
    other = (
        "The regional government announced on Friday that it would hire 200 more teachers "
        "for the northern districts next year."
    )
    assert removals(doc(FULL, other)) == []


# --- the same answer in every process ---------------------------------------------------------


def near_duplicate_heavy_document() -> str:
    """Many paragraphs sharing shingles, so candidate order could matter if hashing were salted."""
    subjects = ["council", "board", "committee", "panel", "assembly", "commission"]
    actions = ["approved", "rejected", "delayed", "amended", "debated"]
    objects = ["budget", "housing plan", "transport strategy", "school merger", "park upgrade"]
    paragraphs = []
    for i, subject in enumerate(subjects):
        for j, action in enumerate(actions):
            thing = objects[(i + j) % len(objects)]
            paragraphs.append(
                f"The {subject} {action} the {thing} after a long session in which residents "
                f"spoke for and against the proposal, and the chair called for calm."
            )
    paragraphs += [p.replace("calm", "calm…")[:90] + "…" for p in paragraphs[::4]]
    paragraphs += [p.replace(" the ", "  the ") for p in paragraphs[::3]]
    return doc(*paragraphs)


def test_results_are_identical_across_processes_with_different_hash_seeds(run_artclean) -> None:
    text = near_duplicate_heavy_document().encode()
    outputs = set()
    for seed in ["0", "1", "42", "4242", "random"]:
        done = run_artclean(["--format", "json"], stdin=text, env={"PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
    removed = json.loads(outputs.pop())["removed"]
    assert removed, "the document is meant to contain duplicates"


def blocks(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("mark", ["* * *", "___", "***"])
def test_the_break_before_a_body_scraped_twice_goes_with_the_copy(mark: str) -> None:
    body = [QUOTED, OTHER, FULL]
    result = clean(blocks(*body, mark, *body))
    assert [k.text for k in result.kept] == body
    last = result.removed[0]
    assert (last.text, last.kind, last.rule, last.group) == (mark, "duplicate", "repeated-block", 4)
    assert "section break" in last.reason
    assert clean(result.text).text == result.text


def test_of_two_breaks_around_a_removed_copy_one_stays_between_the_writers_sections() -> None:
    body = [QUOTED, OTHER, FULL]
    result = clean(blocks(*body, "* * *", *body, "* * *", BETWEEN))
    assert [k.text for k in result.kept] == [*body, "* * *", BETWEEN]
    assert clean(result.text).text == result.text


def test_a_break_between_kept_paragraphs_stays_beside_a_removed_copy() -> None:
    text = blocks(QUOTED, "* * *", OTHER, OTHER, BETWEEN)
    assert [k.text for k in clean(text).kept] == [QUOTED, "* * *", OTHER, BETWEEN]


def test_breaks_in_content_files_are_the_writers_even_beside_a_removed_copy() -> None:
    body = [QUOTED, OTHER, FULL]
    result = clean(blocks(*body, "* * *", *body), Options(profile="content"))
    assert "* * *" in [k.text for k in result.kept]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(0, 12), min_size=1, max_size=6, unique=True).map(sorted),
        max_size=30,
    )
)
def test_the_candidate_index_keeps_the_first_four_paragraphs_of_each_sketch_value(
    sketches: list[list[int]],
) -> None:
    """Each value remembers the first four paragraphs indexed with it; candidates are the
    earlier paragraphs sharing the most values (then the earliest), four at most."""
    index = CandidateIndex()
    buckets: dict[int, list[int]] = {}
    for paragraph, values in enumerate(sketches):
        shared: dict[int, int] = {}
        for value in values:
            for earlier in buckets.get(value, []):
                shared[earlier] = shared.get(earlier, 0) + 1
        expected = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:4]
        assert index.candidates(values) == expected
        if paragraph % 3:  # not every paragraph is indexed (copies of indexed texts are not)
            index.add(paragraph, values)
            for value in values:
                bucket = buckets.setdefault(value, [])
                if len(bucket) < 4:
                    bucket.append(paragraph)
