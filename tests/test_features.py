"""The page classifier's inputs, computed for a whole document, equal the per-paragraph ones.

data/classifier.json was trained on `own_features`, `content_words` and the second stage's
rows; `document_features`, `contents` and `second_probabilities` compute them for a whole
document at once, and must give the same values to the last bit, whatever the text.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from artclean import Options
from artclean.classify import model, probabilities, second_probabilities, second_rows
from artclean.features import (
    NAMES,
    cohesion,
    content_words,
    contents,
    document_features,
    headline_start,
    own_features,
    words_of,
)
from artclean.normalize import fold
from artclean.pipeline import analyse
from artclean.segment import segment

# Letters of both cases, digits, sentence ends (also the wide ones), bullets, clock and link
# punctuation, white space, a capital that is no letter (Ⅷ), Japanese, and controls.
CHARACTERS = st.sampled_from(
    "aeiouAEIOUxyzXYZ 0123456789.!?。！？:/-•·»>*\"'”),\n\t\u00a0Ⅷの日本\x0b"
)
# Raw strings, and runs of words (headline_start needs twelve of them).
TEXTS = st.one_of(
    st.text(CHARACTERS, max_size=300),
    st.lists(st.text(CHARACTERS, min_size=1, max_size=8), max_size=30).map(" ".join),
)
STOP = frozenset({"a", "the", "of", "aa", "の"})


def bits(rows: list[list[float]]) -> list[list[str]]:
    return [[float(v).hex() for v in row] for row in rows]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, max_size=20))
def test_a_document_s_content_words_are_each_paragraph_s(texts: list[str]) -> None:
    tokens = [words_of(fold(text)) for text in texts]
    assert contents(tokens, STOP) == [content_words(t, STOP) for t in tokens]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS.filter(lambda text: not re.search("[a-z]{3}[A-Z]", text)))
def test_headline_start_reads_a_paragraph_without_glued_words_as_the_model_does(
    text: str,
) -> None:
    feature = own_features(text, words_of(fold(text)), STOP)[NAMES.index("headline_start")]
    assert headline_start(text) == feature


def test_headline_start_counts_glued_words_apart() -> None:
    words = "Harbour Festival Returns With Fireworks{}The three-day festival is back after a year"
    assert headline_start(words.format(" ")) == headline_start(words.format("")) == 5 / 6


def test_headline_start_splits_a_word_only_after_three_lower_case_letters() -> None:
    name = "The Riverside Rovers sponsor {} Miller scored twice in the second half of the game"
    for one_word in ("DeShawn", "MacKenzie", "McGee"):
        assert headline_start(name.format(one_word)) == 4 / 6
    assert headline_start(name.format("DreamWorks")) == 5 / 6


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister sagte: „Wir beginnen im Frühjahr.“",  # German quotes close with “
        "Sie fragte: ‚Warum erst jetzt?‘",
        "Er nannte es »einen guten Tag für die Stadt.«",  # and »…« with «
        "The mayor said: “We start in spring.”",
        "Le maire a dit : « Nous commençons au printemps. »",
        "Er sagte: „Ich sage nur: ‚Nein.‘“",  # a quotation inside one closes first
        "Sie fragte: »Wir fragen: ›Warum?‹«",
        "Er nannte es ›ein gutes Zeichen.‹",
        "Er sagte: «Wir beginnen im Frühjahr.»",  # Swiss German closes with »
        "Le maire a dit\u202f: «\u202fNous commençons.\u202f»",  # narrow spaces inside
        "Le maire a dit : «\u00a0Nous commençons.\u00a0»",  # no-break spaces
        "Le maire a dit : «\u2009Nous commençons.\u2009»",  # thin spaces
        "Et le maire conclut : nous verrons bien au printemps »",  # a quotation going on
    ],
)
def test_a_sentence_ends_however_its_language_closes_a_quotation(text: str) -> None:
    terminal = own_features(text, words_of(fold(text)), STOP)[NAMES.index("terminal")]
    assert terminal == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Minister im Interview: „Wir schaffen das“",
        "Die Serie »Tatort«",
        "Stichwort ‚Wende‘",
        "Die Serie ›Dark‹",
        "Minister im Interview: «Wir schaffen das»",
        "« Le tram arrive enfin au port »",
    ],
)
def test_a_quotation_without_its_own_punctuation_is_no_sentence_end(text: str) -> None:
    """A headline that quotes someone ends in a closing mark but is no finished sentence."""
    terminal = own_features(text, words_of(fold(text)), STOP)[NAMES.index("terminal")]
    assert terminal == 0.0


def test_a_page_s_rows_are_the_paragraphs_own_features_and_its_context() -> None:
    text = (
        "Home\nNews\nSport\n"
        "The council approved the plan on Tuesday after a debate of 12:30 hours. It starts soon!\n"
        "日本の記事はここにありますが、スペースがありません。これは長い段落です。さらに続きます。\n"
        "Read The Full Story At Www.Example.Com Today Now Please Thank You Very Much Indeed Ok\n"
        "- a bullet of the list\n"
    )
    paragraphs = segment(text)
    tokens = [words_of(fold(p.text)) for p in paragraphs]
    flags = [i % 2 == 0 for i in range(len(paragraphs))]
    rows = document_features(paragraphs, tokens, STOP, flags, flags[::-1])
    own = [own_features(p.text, t, STOP) for p, t in zip(paragraphs, tokens, strict=True)]
    assert bits([row[: len(own[0])] for row in rows]) == bits(own)
    # short_neighbours: the share of short paragraphs among up to three on each side.
    short = [row[0] <= own_features("a b c d", ["a"], STOP)[0] for row in own]
    for i, row in enumerate(rows):
        around = short[max(0, i - 3) : i] + short[i + 1 : i + 4]
        assert row[len(own[0]) + 3] == sum(around) / len(around)


def test_the_second_stage_s_probabilities_without_copied_rows_are_the_same() -> None:
    page = "\n".join(
        ["Home", "News", "Sport", "Weather", "Contact us", "Sign in"] * 3
        + [
            f"The council met on day {i} and voted on the budget for the harbour, the roads "
            "and the schools of the town, after a long debate."
            for i in range(8)
        ]
        + ["Share on Facebook", "Follow us", "Privacy policy", "Terms of use"] * 3
    )
    inputs = analyse(page, Options(profile="page")).page_inputs()
    fitted = model()
    first = probabilities(inputs.rows, fitted.first)
    expected = probabilities(second_rows(inputs, first), fitted.second)
    assert len(expected) == len(inputs.rows) > 30
    assert [p.hex() for p in second_probabilities(inputs, first, fitted.second)] == [
        p.hex() for p in expected
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.frozensets(st.sampled_from("abcdefgh")), st.booleans(), st.booleans()),
        max_size=12,
    )
)
def test_cohesion_is_the_share_of_a_paragraph_s_words_other_prose_uses(
    rows: list[tuple[frozenset[str], bool, bool]],
) -> None:
    content = [words for words, _, _ in rows]
    prose = [p for _, p, _ in rows]
    repeated = [r for _, _, r in rows]
    members = [p and not r for p, r in zip(prose, repeated, strict=True)]
    expected = []
    for i, words in enumerate(content):
        # Each word counted in the other member paragraphs that use it.
        others = Counter(w for k, ws in enumerate(content) if members[k] and k != i for w in ws)
        expected.append(sum(others[w] > 0 for w in words) / len(words) if words else 0.0)
    assert [v.hex() for v in cohesion(content, prose, repeated)] == [v.hex() for v in expected]


@pytest.mark.parametrize("paragraphs", [3, 400])
def test_the_tokens_language_detection_read_are_the_page_classifier_s(paragraphs: int) -> None:
    """Language detection tokenises the first 2,000 words and leaves them for the classifier:
    the tokens are each paragraph's words all the same, and the language is that of the
    document's first 2,000 words."""
    line = "Der Rat hat den Plan am Dienstag nach einer langen Debatte beschlossen, und die Stadt"
    text = "\n".join(f"{line} {i}." for i in range(paragraphs)) + "\n"
    analysis = analyse(text, Options(profile="page"))
    assert analysis.tokens == [words_of(t) for t in analysis.texts]
    assert len(analysis.tokens) == paragraphs
    assert analysis.languages == ("de",)
