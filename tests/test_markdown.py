"""The Markdown layout: which paragraphs are protected, and what role the others have."""

from __future__ import annotations

import textwrap

import pytest

from artclean.markdown import CALLOUT, HEADING, ITEM, LINE, PROSE, QUOTE, layout, visible


def roles(markdown: str) -> list[tuple[int, str]]:
    """(first line, role) of each paragraph."""
    found = layout(textwrap.dedent(markdown))
    return [(p.line, role) for p, role in zip(found.paragraphs, found.roles, strict=True)]


def test_yaml_front_matter_is_one_protected_unit():
    assert roles("""\
        ---
        title: A post
        tags: [a, b]
        ---

        Body.
        """) == [(1, "front-matter"), (6, PROSE)]


def test_toml_front_matter_is_one_protected_unit():
    assert roles("""\
        +++
        title = "A post"
        +++
        Body.
        """) == [(1, "front-matter"), (4, PROSE)]


def test_a_rule_later_in_the_file_is_not_front_matter():
    assert roles("""\
        Intro.

        ---

        More.
        """) == [(1, PROSE), (3, "break"), (5, PROSE)]


def test_fenced_code_with_blank_lines_is_one_unit():
    assert roles("""\
        Example:

        ```python
        print("a")

        print("a")
        ```

        ~~~~
        ```
        ~~~~
        """) == [(1, CALLOUT), (3, "code"), (9, "code")]


def test_indented_code_but_not_indented_list_continuation():
    assert roles("""\
        Run:

            make test

            make lint

        - an item

            a second paragraph of the item
        """) == [(1, CALLOUT), (3, "code"), (7, ITEM), (9, ITEM)]


def test_html_comments_tables_definitions_and_html_blocks_are_protected():
    assert roles("""\
        <!-- a comment
        over two lines -->

        | a | b |
        |---|---|
        | 1 | 2 |

        [docs]: https://example.com/docs "The docs"

        <div align="center">
          <img src="logo.png">
        </div>
        """) == [(1, "comment"), (4, "table"), (8, "definition"), (10, "html")]


def test_template_tags_and_container_markers_are_protected():
    assert roles("""\
        {% raw %}
        {{< figure src="a.png" >}}
        :::note
        Inside.
        :::
        """) == [(1, "template"), (2, "template"), (3, "directive"), (4, PROSE), (5, "directive")]


def test_headings_items_and_quotes_have_their_roles():
    assert roles("""\
        # Title

        Subtitle
        --------

        - one
          continued
        - two
        1. three

        > quoted
        > still quoted
        >
        > second quoted paragraph
        """) == [
        (1, HEADING),
        (3, HEADING),
        (6, ITEM),
        (8, ITEM),
        (9, ITEM),
        (11, QUOTE),
        (13, "break"),
        (14, QUOTE),
    ]


def test_a_block_of_separate_lines_is_cut_into_lines_but_wrapped_prose_is_not():
    assert roles("""\
        This paragraph is hard-wrapped at a fixed width, the way editors
        wrap text, so that every line break falls where the next word would
        not have fitted on the line.

        You may also like
        Ferry company orders two electric boats
        Island school wins national robotics prize
        """) == [(1, PROSE), (5, LINE), (6, LINE), (7, LINE)]


def test_labelled_notes_are_callouts():
    assert [role for _, role in roles("Note: this is deliberate.\n\n**Warning** Hot.\n")] == [
        CALLOUT,
        CALLOUT,
    ]


def test_paragraphs_in_tabs_and_details_are_contained():
    found = layout(
        textwrap.dedent("""\
        <Tabs>
        <TabItem value="mac">

        Restart your shell.

        </TabItem>
        </Tabs>

        <img src="a.png">

        After.
        """)
    )
    texts = {p.text: i in found.contained for i, p in enumerate(found.paragraphs)}
    assert texts["Restart your shell."] is True
    assert texts["After."] is False


def test_keep_directive_holds_the_next_paragraph_and_its_block():
    found = layout("<!-- artclean: keep -->\n\nA line\nAnother line\n\nLater.\n")
    held = sorted(found.paragraphs[i].text for i in found.held)
    assert held == ["A line", "Another line"]
    assert [(d.line, d.name) for d in found.directives] == [(1, "keep")]


def test_directives_inside_code_are_not_directives():
    found = layout("```html\n<!-- artclean: skip-file -->\n```\n")
    assert found.directives == ()
    assert not found.skip_file


def test_paragraphs_are_whole_lines_with_exact_offsets():
    text = "---\r\na: 1\r\n---\r\n\r\n# T\r\n\r\nBody  \r\n"
    found = layout(text)
    for paragraph in found.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
    assert found.paragraphs[-1].text == "Body  "


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("  * [Latest News](https://example.com/latest-news/)", "  * Latest News"),
        (
            'Read [the report](https://example.com/a_(b) "The report") today.',
            "Read the report today.",
        ),
        (
            "![A tram at night](tram.jpg) Trams run all night.",
            " Trams run all night.",
        ),
        ("[![Logo](logo.png) City Herald](https://example.com/)", " City Herald"),
        # Nothing left to read: as written, so that it is no "section break".
        ("[![Logo](logo.png)](https://example.com/)", "[![Logo](logo.png)](https://example.com/)"),
        ("  * ![A tram](tram.jpg)", "  * ![A tram](tram.jpg)"),
        (
            "[a label wrapped\nover three\nlines](https://example.com/x)",
            "a label wrapped\nover three\nlines",
        ),
        (
            "[a label wrapped\nover two lines](https://example.com/x)",
            "a label wrapped\nover two lines",
        ),
        ("[not a link] (https://example.com/)", "[not a link] (https://example.com/)"),
        ("[a space](in the target)", "[a space](in the target)"),
        ("no links at all", "no links at all"),
    ],
)
def test_a_link_reads_as_its_label_and_an_image_as_nothing(text: str, seen: str) -> None:
    assert visible(text) == seen
