"""The content profile: what written content repeats on purpose stays; pasted leftovers go."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from artclean import Options, clean
from artclean.check import syntax_for
from artclean.content import parallel, substantial

CONTENT = Path(__file__).resolve().parents[1] / "fixtures" / "content"
MARKDOWN = Options(profile="content", syntax="markdown")
SENTENCE = (
    "Each application process holds its own pool, so the number of connections is the pool "
    "size times the number of processes."
)


def removed(markdown: str, options: Options = MARKDOWN) -> list[tuple[int, str]]:
    result = clean(textwrap.dedent(markdown), options)
    return [(r.line, r.kind) for r in result.removed]


# --- repeats that are written on purpose ---------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Output:",
        "For example:",
        "**Note:**",
        "{% raw %}",
        "## Configure the pool",
        "Run the following command to install the dependencies for your platform:",
    ],
)
def test_labels_headings_and_template_tags_repeat_freely(label):
    assert removed(f"{label}\n\nFirst section.\n\n{label}\n\nSecond section.\n") == []


def test_list_items_of_substance_repeat_freely():
    # A backported fix listed under two releases.
    assert removed(f"## 2.3.0\n\n- {SENTENCE}\n\n## 2.2.3\n\n- {SENTENCE}\n") == []


def test_a_labelled_notice_may_repeat():
    notice = "Disclaimer: this is not financial advice, so do your own research before investing."
    assert removed(f"{notice}\n\nThe post.\n\n{notice}\n") == []


def test_a_quotation_may_come_back_at_the_end():
    quote = "> The river had been low for so long that people gave directions by it, we all did."
    assert removed(f"{quote}\n\nThe review.\n\n{quote}\n") == []


def test_parallel_content_in_tabs_may_repeat():
    assert (
        removed(f"""\
        <Tabs>
        <TabItem value="deb">

        {SENTENCE}

        </TabItem>
        <TabItem value="rpm">

        {SENTENCE}

        </TabItem>
        </Tabs>
        """)
        == []
    )


def test_a_text_that_recurs_four_times_is_structure():
    text = "Let the dough rest for thirty minutes under a damp cloth before you fold it again."
    assert removed("\n\n".join([text] * 4) + "\n") == []


def test_posts_that_discuss_newsletters_cookies_and_related_work_are_not_boilerplate():
    assert (
        removed("""\
        ## Related work

        We use cookies only to remember whether you chose the dark or the light theme.

        Subscribe to my newsletter

        You may also like

        - [An older post](/old/)
        - [Another one](/other/)

        Copyright (c) 2024 Ana Lima. All rights reserved.
        """)
        == []
    )


def test_front_matter_is_never_counted_as_an_original():
    title = (
        "The Iranian foreign minister said on Sunday that he was heading to Russia to meet Putin."
    )
    assert removed(f"---\ntitle: {title}\n---\n\n{title}\n") == []


def test_code_blocks_are_never_compared():
    code = "```\n" + SENTENCE + "\n```\n"
    assert removed(f"{code}\n{code}\n{SENTENCE}\n") == []


# --- what a paste leaves behind ------------------------------------------------------------------


def test_a_repeated_paragraph_of_substance_is_a_duplicate():
    assert removed(f"{SENTENCE}\n\nSomething else.\n\n{SENTENCE}\n") == [(5, "duplicate")]


def test_a_repeated_passage_takes_its_short_paragraphs_along():
    passage = f"A short line.\n\n{SENTENCE}\n\nAnother short line."
    assert removed(f"{passage}\n\nMiddle.\n\n{passage}\n") == [
        (9, "duplicate"),
        (11, "duplicate"),
        (13, "duplicate"),
    ]


def test_a_syndication_note_goes_when_it_sits_in_a_paste_but_not_alone():
    note = "This story was originally published by the Island Gazette."
    alone = f"{SENTENCE}\n\n{note}\n"
    assert removed(alone) == []
    pasted = f"{SENTENCE}\n\n{note}\n\n{SENTENCE}\n"
    assert removed(pasted) == [(3, "syndication"), (5, "duplicate")]


def test_a_related_list_needs_the_shape_of_a_paste():
    pasted = """\
        The article.

        You may also like
        Ferry company orders two electric boats for the short crossing
        Island school wins national robotics prize
        """
    assert removed(pasted) == [(3, "related"), (4, "related"), (5, "related")]
    one_item = "The article.\n\nYou may also like\nFerry company orders two electric boats\n"
    assert removed(one_item) == []


def test_the_later_copy_is_the_one_reported_even_when_a_little_longer():
    longer = SENTENCE.replace("its own pool", "its very own pool")
    assert removed(f"{SENTENCE}\n\nMiddle.\n\n{longer}\n") == [(5, "duplicate")]


def test_a_truncated_teaser_goes_and_the_full_paragraph_stays_where_it_is():
    teaser = SENTENCE[:70] + "... Read more"
    assert removed(f"{teaser}\n\nMiddle.\n\n{SENTENCE}\n") == [(1, "duplicate")]


def test_a_keep_comment_accepts_one_finding():
    text = f"{SENTENCE}\n\n<!-- artclean: keep -->\n{SENTENCE}\n\n{SENTENCE}\n"
    assert removed(text) == [(6, "duplicate")]


def test_skip_file_leaves_the_file_alone():
    text = f"<!-- artclean: skip-file -->\n\n{SENTENCE}\n\n{SENTENCE}\n"
    assert removed(text) == []


def test_configured_phrases_apply_in_any_kind_and_ignore_case():
    options = MARKDOWN.but(phrases=(("subscribe", "^join our discord"),))
    assert removed("The post.\n\nJoin our Discord!\n", options) == [(3, "subscribe")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SENTENCE, True),
        ("Restart your shell afterwards.", False),
        ("Run the following command to install all the dependencies for your platform:", False),
        ("A long quotation without a full stop " + "and more words " * 6, True),
    ],
)
def test_substance_is_a_sentence_or_more(text, expected):
    assert substantial(text) is expected


# --- the negative set ----------------------------------------------------------------------------

NEGATIVE = sorted((CONTENT / "clean").iterdir())


def test_the_negative_set_is_large_and_varied():
    assert len(NEGATIVE) >= 30
    assert {path.suffix for path in NEGATIVE} == {".md", ".mdx", ".txt"}


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda path: path.name)
def test_nothing_is_found_in_written_content(path: Path):
    options = Options(profile="content", syntax=syntax_for(path.name))
    result = clean(path.read_text(encoding="utf-8"), options)
    assert [(r.line, r.kind, r.text) for r in result.removed] == []


# --- parallel sentences are not pastes ---------------------------------------------------------

JEKYLL = (
    "You can also auto-generate your posts feed by adding a gem called "
    "[`jekyll-feed`](https://github.com/jekyll/jekyll-feed) to your Gemfile."
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the same sentence about another thing: a code span and a link target
        (JEKYLL, JEKYLL.replace("jekyll-feed", "jekyll-sitemap").replace("posts feed", "sitemap")),
        # another name ("vote for Olga" / "vote for Kristina")
        (
            "The committee asked every member to vote for Olga before the end of the month.",
            "The committee asked every member to vote for Kristina before the end of the month.",
        ),
        # other words in place of some (a writer's option docs)
        (
            "Turn on logging to help debug why certain keys or values are not being set as "
            "you expect.",
            "Turn on logging to help debug why certain keys or values are not being populated "
            "as you expect.",
        ),
    ],
)
def test_parallel_sentences_are_different_texts(first, second):
    assert parallel(first, second)
    assert removed(f"{first}\n\nMiddle.\n\n{second}\n") == []


def test_a_copy_with_typos_or_words_added_is_no_parallel_sentence():
    assert not parallel(SENTENCE, SENTENCE.replace("its own pool", "its very own pool"))
    assert not parallel(SENTENCE, SENTENCE.replace("connections", "conections"))
    assert not parallel(SENTENCE, SENTENCE.replace(", so", " so"))


def test_a_paragraph_mostly_of_inline_code_is_compared_exactly():
    files = ", ".join(f"`src/module_{name}.py`" for name in "abcdefghijklmn")
    assert parallel(f"{files}.", f"{files}, `src/module_z.py`.")
    assert removed(f"{files}.\n\nMiddle.\n\n{files}, `src/extra.py`.\n") == []
    assert removed(f"{files}.\n\nMiddle.\n\n{files}.\n") == []  # written here: it has markup


def test_a_note_before_each_example_is_written_on_purpose():
    note = (
        "This example will not work in browsers or other platforms that don't allow passing "
        "an object."
    )
    code = "```js\nconst ws = new WebSocket(url, options)\n```"
    assert removed(f"# Example\n\n{note}\n\n{code}\n\n# Another\n\n{note}\n\n{code}\n") == []
    assert removed(f"{note}\n\n{code}\n\nMiddle.\n\n{note}\n\nThe end.\n") == [(9, "duplicate")]


def test_release_notes_carried_to_the_next_release_are_a_revision():
    notes = (
        "It also means we've had to remove our UDS support, since maintaining that would have "
        "meant having to push back our work towards a release."
    )
    item = (
        "We no longer have a `urllib3` dependency for our sync client, although there is still "
        "an optional `URLLib3Dispatcher` class."
    )
    old = f"## 0.13.0.dev1\n\n* One change.\n* {item}\n\n{notes}\n"
    new = old.replace("0.13.0.dev1", "0.13.0").replace("Dispatcher", "Transport")
    assert removed(f"{new}\n{old}") == []
    assert removed(f"{old}\n## Later\n\nOther text.\n\n{notes}\n") == [(12, "duplicate")]
