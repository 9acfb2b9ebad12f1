"""Paragraphs: blank-line blocks or single lines, hard-wrapped prose vs lists, line ends, layout.

Paragraphs are observed the way a user sees them: as the kept and removed records of a result.
"""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner

from artclean import clean
from artclean.cli import cli

LIBRARY = (
    "The council voted on Tuesday to approve a new budget for the city library, which will "
    "extend its opening hours and add a mobile branch for outlying villages. The library "
    "director said the change was overdue and that demand had grown every year since the "
    "pandemic, when many residents discovered the e-book service for the first time."
)
ROADS = (
    "Opponents said the money would be better spent on road repairs, and several residents "
    "spoke against the plan at the meeting, which ran until nearly midnight."
)
HEADLINES = [
    "Library opens new wing after two-year delay",
    "Villages ask for better bus links to the city",
    "Council approves road repair programme",
]


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, text) of every paragraph, kept or removed, in input order."""
    result = clean(text)
    found = [(k.line, k.index, k.text) for k in result.kept]
    found += [(r.line, r.index, r.text) for r in result.removed]
    return [(line, text) for line, _, text in sorted(found, key=lambda p: p[1])]


def test_without_blank_lines_every_line_is_a_paragraph() -> None:
    text = "First line of the page.\nSecond line of the page.\nThird line.\n"
    assert paragraphs(text) == [
        (1, "First line of the page."),
        (2, "Second line of the page."),
        (3, "Third line."),
    ]


def test_with_blank_lines_a_block_of_prose_is_one_paragraph() -> None:
    text = (
        "Opponents said the money would be better spent on road repairs, and\n"
        "several residents spoke against the plan at the meeting, which ran until\n"
        "nearly midnight.\n"
        "\n"
        "The second paragraph.\n"
    )
    assert paragraphs(text) == [(1, textwrap.fill(ROADS, 72)), (5, "The second paragraph.")]


def test_leading_and_repeated_blank_lines_are_not_paragraphs() -> None:
    text = "\n\n" + "First paragraph here.\n\n\n\nSecond paragraph here.\n\n"
    assert paragraphs(text) == [(3, "First paragraph here."), (7, "Second paragraph here.")]


def test_lines_of_spaces_and_invisible_characters_separate_blocks() -> None:
    text = "First paragraph here.\n \t \nSecond paragraph here.\n\u200b\nThird paragraph here.\n"
    assert [line for line, _ in paragraphs(text)] == [1, 3, 5]


@pytest.mark.parametrize("width", [60, 66, 72, 76, 80])
@pytest.mark.parametrize("indent", ["", "   "], ids=["flush", "indented"])
def test_hard_wrapped_prose_stays_one_paragraph(width: int, indent: str) -> None:
    wrapped = [
        textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent)
        for p in (LIBRARY, ROADS)
    ]
    text = "\n\n".join(wrapped) + "\n"
    assert wrapped[0].count("\n") >= 3
    assert paragraphs(text) == [(1, wrapped[0]), (wrapped[0].count("\n") + 3, wrapped[1])]
    assert clean(text).text == text


def test_a_block_of_headlines_is_split_into_lines() -> None:
    text = f"{LIBRARY}\n\n" + "\n".join(HEADLINES) + "\n"
    assert paragraphs(text) == [
        (1, LIBRARY),
        (3, HEADLINES[0]),
        (4, HEADLINES[1]),
        (5, HEADLINES[2]),
    ]


def test_a_block_of_menu_items_is_split_into_lines() -> None:
    text = f"{LIBRARY}\n\nNews\nSport\nBusiness\nCulture\n"
    assert [line for line, _ in paragraphs(text)] == [1, 3, 4, 5, 6]


def test_a_bulleted_list_is_split_into_items() -> None:
    items = [
        "- The library will open until 9pm on weekdays, with longer hours during exams.",
        "- A mobile branch will visit eleven villages every fortnight from the spring.",
        "- Fines for overdue books will be abolished for children under sixteen.",
    ]
    text = "The main changes are:\n\n" + "\n".join(items) + "\n"
    assert paragraphs(text) == [
        (1, "The main changes are:"),
        *[(3 + i, t) for i, t in enumerate(items)],
    ]


def test_a_list_item_under_a_wrapped_paragraph_does_not_split_the_paragraph() -> None:
    """The item's bullet is a word short enough to fit on the paragraph's last line; it still
    starts a list, and the paragraph stays one (read alone, as in the output, it is one)."""
    paragraph = (
        "The council voted on Tuesday to approve the plan after a debate that\n"
        "lasted four hours, with residents divided over the cost of the new bridge."
    )
    text = f"{paragraph}\n  * 19:29 Jane Smith\n"
    assert paragraphs(text) == [(1, paragraph), (3, "  * 19:29 Jane Smith")]


def test_a_wrapped_paragraph_and_a_related_list_in_one_block_are_told_apart() -> None:
    wrapped = textwrap.fill(ROADS, 72)
    text = f"{LIBRARY}\n\n{wrapped}\nRelated stories\n" + "\n".join(HEADLINES) + "\n"
    result = clean(text)
    assert [r.rule for r in result.removed] == ["related-header"] + ["related-item"] * 3
    assert result.text == f"{LIBRARY}\n\n{wrapped}\n"


def test_two_headlines_of_wrapping_width_are_still_two_lines() -> None:
    headlines = (
        "Council approves a new budget for the city library after a long debate\n"
        "Villages ask for better bus links to the city and a tram to the airport"
    )
    assert [t for _, t in paragraphs(f"{LIBRARY}\n\n{headlines}\n")] == [
        LIBRARY,
        *headlines.split("\n"),
    ]


def test_a_note_under_a_headline_of_wrapping_width_is_still_split_off() -> None:
    """A headline as wide as a wrapped line, run into a syndication note in one block: the
    note's capital is no continuation, and the note goes."""
    block = (
        "Blocking the strait would be economic suicide for the region, the minister says\n"
        "This article originally appeared in The New York Times."
    )
    result = clean(f"{LIBRARY}\n\n{block}\n")
    assert [r.rule for r in result.removed] == ["originally-appeared"]


def test_a_wrapped_paragraph_with_a_long_link_address_stays_one_paragraph() -> None:
    """html2text wraps a paragraph's words but never breaks a link's address: the line that
    ends the link runs past the width and says nothing of it."""
    address = "https://www.example.com/news/2024/03/05/library-budget-report-and-mobile-branch.html"
    text = textwrap.fill(
        f"{LIBRARY} The figures are in [the committee's report]({address}), out on Monday.",
        78,
        break_long_words=False,
        break_on_hyphens=False,
    )
    assert max(map(len, text.split("\n"))) > 78
    assert paragraphs(f"{LIBRARY}\n\n{text}\n") == [(1, LIBRARY), (3, text)]


CHINESE = (
    "议会周二批准了这项计划，辩论持续了四个小时，居民们对新桥的费用意见不一。"
    "图书馆馆长说，这一变化早就应该发生，自从疫情以来需求每年都在增长，许多居民第一次发现了电子书服务。"
)


def test_a_centred_line_neither_widens_its_block_nor_joins_the_paragraph_under_it() -> None:
    """Counted with its 30 spaces, the prompt would be the block's widest line, and the first
    lines of the paragraph would go with it."""
    wrapped = textwrap.fill(
        "The council approved the plan on Tuesday after a debate that lasted four hours, and "
        "residents were divided over the cost of the new bridge, which will carry the tram "
        "line across the river to the airport and the new housing estates in the north.",
        72,
    )
    prompt = " " * 30 + "Subscribe to our newsletter for the latest news\n"
    assert clean(prompt + wrapped + "\n").text == wrapped + "\n"
    hurt = "3 people were hurt when a tram left the rails near the bridge on Tuesday\nnight.\n"
    assert clean(wrapped + "\n" + prompt + hurt).text == wrapped + "\n" + hurt


def test_indented_short_lines_are_not_read_as_wrapped() -> None:
    """The text, not its indentation, must be as wide as wrapped prose."""
    item = "              12) Roger Waters - The Wall (DVD)\n              http://amzn.to/2i2e7b7"
    assert [t for _, t in paragraphs(f"{LIBRARY}\n\n{item}\n")] == [LIBRARY, *item.split("\n")]


def test_chinese_wrapped_at_a_fixed_width_stays_one_paragraph() -> None:
    lines = [CHINESE[i : i + 40] for i in range(0, len(CHINESE), 40)]
    text = f"{LIBRARY}\n\n" + "\n".join(lines) + "\n"
    assert paragraphs(text) == [(1, LIBRARY), (3, "\n".join(lines))]


def test_wrapped_paragraphs_without_blank_lines_between_them_are_told_apart() -> None:
    """A heading, then two paragraphs wrapped at 72 columns, in one block: each paragraph ends
    at a line the next word would have fitted on."""
    first, second = textwrap.fill(LIBRARY, 72), textwrap.fill(ROADS, 72)
    text = f"Library plans\n{first}\n{second}\n"
    assert [t for _, t in paragraphs(text)] == ["Library plans", first, second]
    assert [t for _, t in paragraphs(f"{LIBRARY}\n\n{text}")][1:] == [
        "Library plans",
        first,
        second,
    ]


def test_a_narrow_list_is_not_read_as_wrapped_paragraphs() -> None:
    items = ["The plan includes:", "three new bus lines to the east;", "a tram to the airport;"]
    text = f"{LIBRARY}\n\n" + "\n".join(items) + "\n"
    assert [t for _, t in paragraphs(text)] == [LIBRARY, *items]


@pytest.mark.parametrize("line", ["\ufeff\x0b\xad \u200b", "\u200b \u00ad\t\u2060"])
def test_a_line_of_spaces_and_invisible_characters_in_any_order_is_blank(line: str) -> None:
    assert paragraphs(f"{line}\n{line}\n") == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_crlf_and_cr_are_line_ends_like_lf(newline: str) -> None:
    wrapped = textwrap.fill(LIBRARY, 72)
    lf = (
        f"{wrapped}\n\n{ROADS}\n\nAdvertisement\n\nYou may also like\n"
        + "\n".join(HEADLINES)
        + "\n"
    )
    text = lf.replace("\n", newline)
    lines = lf.split("\n")
    advert, header = lines.index("Advertisement") + 1, lines.index("You may also like") + 1
    result = clean(text)
    assert [(r.line, r.kind) for r in result.removed] == [
        (advert, "advertisement"),
        *[(line, "related") for line in range(header, header + 4)],
    ]
    assert [k.line for k in result.kept] == [1, lines.index(ROADS) + 1]
    assert result.text == f"{wrapped}\n\n{ROADS}\n".replace("\n", newline)
    assert result.kept[0].text == wrapped.replace("\n", newline)


def test_mixed_line_ends_are_each_kept() -> None:
    text = "First line here.\r\nSecond line here.\nThird line here.\rAdvertisement\r\n"
    assert clean(text).text == "First line here.\r\nSecond line here.\nThird line here.\r"


def test_a_lone_cr_is_not_doubled_by_crlf_logic() -> None:
    text = "The first paragraph of the page.\r\rAnd then a quite different one.\r"
    assert paragraphs(text) == [
        (1, "The first paragraph of the page."),
        (3, "And then a quite different one."),
    ]
    assert clean(text).text == text


def test_kept_paragraphs_keep_their_layout_byte_for_byte() -> None:
    text = (
        "  Indented first paragraph, with two spaces before it and three after.   \n"
        "\n\n\n"
        "\tA second paragraph after three blank lines, starting with a tab.\n"
        "\n"
        "Advertisement\n"
        "\n"
        "A third paragraph, separated from the advertisement by one blank line.\n"
    )
    assert clean(text).text == (
        "  Indented first paragraph, with two spaces before it and three after.   \n"
        "\n\n\n"
        "\tA second paragraph after three blank lines, starting with a tab.\n"
        "\n"
        "A third paragraph, separated from the advertisement by one blank line.\n"
    )


def test_a_line_removed_inside_a_block_leaves_a_blank_line_if_the_rest_would_read_otherwise():
    """Cut by the newsletter line, the second block is three separate lines, none a copy of
    the first block. Run together, they would read as one wrapped paragraph and a copy of it,
    so cleaning the output again would remove them: a blank line keeps them apart."""
    wrapped = (
        "On Thursday, investigators held the mayor and the city's\n"
        "port director Maria Lopez at the airport on charges of\n"
        "fraud and money laundering."
    )
    interrupted = (
        "On Thursday, investigators held the mayor and the city's\n"
        "Subscribe to our newsletter for the latest news.\n"
        "port director Maria Lopez at the airport on charges of fraud\n"
        "and money laundering."
    )
    result = clean(f"{wrapped}\n\n{interrupted}\n")
    assert [r.text for r in result.removed] == ["Subscribe to our newsletter for the latest news."]
    assert result.text == (
        f"{wrapped}\n\n"
        "On Thursday, investigators held the mayor and the city's\n\n"
        "port director Maria Lopez at the airport on charges of fraud\n"
        "and money laundering.\n"
    )
    assert clean(result.text).text == result.text


def test_a_wrapped_sentence_that_loses_a_line_inside_it_is_written_back_whole() -> None:
    """Read again, its lines are one paragraph, judged as the sentence it is: no blank line."""
    text = (
        "The city library will close for renovation in March, the council said.\n\n"
        "On Thursday, investigators held the mayor and the city's\n"
        "Subscribe to our newsletter for the latest news.\n"
        "port director Maria Lopez at the airport on charges of fraud\n"
        "and money laundering.\n"
    )
    once = clean(text).text
    assert once == text.replace("Subscribe to our newsletter for the latest news.\n", "")
    assert clean(once).text == once


def test_no_blank_line_where_a_second_cleaning_reads_the_block_as_the_first_did() -> None:
    """Without the newsletter line, the two lines after it would read as one wrapped paragraph
    (a copy of the first block) on their own; but the headline above them still sets the
    block's width, a second cleaning cuts it as the first did, and no blank line is needed."""
    text = (
        "port director Maria Lopez at the airport on charges of\n"
        "fraud and money laundering.\n\n"
        "Council approves a new budget for the city library after long debate\n"
        "Subscribe to our newsletter for the latest news.\n"
        "port director Maria Lopez at the airport on charges of\n"
        "fraud and money laundering.\n"
    )
    once = clean(text).text
    assert "debate\nport director" in once
    assert clean(once).text == once


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_a_removed_first_line_kept_apart_are_written_apart(newline: str) -> None:
    """The newsletter line set the block's width, so the two lines under it were read, and
    judged, one by one. Without it they would read as one wrapped paragraph (a cookie prompt,
    which a second cleaning would remove): a blank line, in the text's own line ends, keeps
    them as they were read, even inside the sentence."""
    text = (
        f"{LIBRARY}\n\n"
        "Subscribe to our newsletter for the latest news from the city council today.\n"
        "Cookies help us deliver our services. By using our services, you\n"
        "agree to our use of cookies and our updated privacy policy and\n"
    ).replace("\n", newline)
    result = clean(text)
    assert result.text == (
        f"{LIBRARY}\n\n"
        "Cookies help us deliver our services. By using our services, you\n\n"
        "agree to our use of cookies and our updated privacy policy and\n"
    ).replace("\n", newline)
    assert clean(result.text).text == result.text


def test_a_markdown_list_that_loses_an_item_stays_a_tight_list(tmp_path) -> None:
    page = (
        "# Notes on the new tram line\n\n"
        "The council approved the plan on Tuesday after a debate that lasted four hours.\n\n"
        "- The first stop opens in May, two months after the bridge,\n"
        "  and serves the airport terminal from the first day.\n"
        "- Share on Facebook\n"
        "- The second stop opens in June, when the works on the square\n"
        "  are over and the buses are back on their old route.\n"
    )
    path = tmp_path / "notes.md"
    path.write_text(page, encoding="utf-8")
    result = CliRunner().invoke(cli, [str(path), "--profile", "article"])
    assert result.exit_code == 0
    assert result.output == page.replace("- Share on Facebook\n", "")


def test_a_list_that_loses_an_item_stays_one_line_per_item() -> None:
    text = f"{LIBRARY}\n\n{HEADLINES[0]}\nShare on Facebook\n{HEADLINES[1]}\n{HEADLINES[2]}\n"
    result = clean(text)
    assert [r.text for r in result.removed] == ["Share on Facebook"]
    assert result.text == f"{LIBRARY}\n\n" + "\n".join(HEADLINES) + "\n"


def test_a_text_without_a_final_newline_gets_one_in_its_own_style() -> None:
    assert clean("One paragraph of text.").text == "One paragraph of text.\n"
    assert clean("First line.\r\nSecond line.").text == "First line.\r\nSecond line.\r\n"


@pytest.mark.parametrize("text", ["", "\n", "\n\n\n", "   \n\t\n", "\r\n"])
def test_empty_and_blank_documents_give_empty_text(text: str) -> None:
    result = clean(text)
    assert (result.text, result.kept, result.removed) == ("", (), ())


def test_the_cli_writes_crlf_input_back_unchanged() -> None:
    text = f"{LIBRARY}\r\n\r\n{ROADS}\r\n\r\nShare on Facebook\r\n"
    result = CliRunner().invoke(cli, ["-"], input=text.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == f"{LIBRARY}\r\n\r\n{ROADS}\r\n".encode()


def test_the_cli_reads_utf16_with_a_byte_order_mark() -> None:
    text = f"{LIBRARY}\n\nAdvertisement\n"
    result = CliRunner().invoke(cli, ["-"], input=text.encode("utf-16"))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{LIBRARY}\n"
