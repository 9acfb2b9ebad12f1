"""Template learning: a site's furniture recurs in many of its documents, a quotation in few."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from artclean import Options, clean
from artclean.pipeline import comparable_texts
from artclean.templates import (
    TemplateCounter,
    document_fingerprints,
    fingerprint,
    template_findings,
)

FOOTER = "The Daily Bugle is produced by the staff at 5 Market Street in Springfield."
CREDIT = "The Daily Bugle thanks its readers in Springfield and across the valley."
QUOTE = '"We choose to go to the Moon in this decade and do the other things," Kennedy said.'
VOCABULARY = """
council harbour budget river school bridge market election storm museum railway hospital
festival library factory theatre airport farmers teachers engineers voters approved delayed
announced rejected opened closed expanded reviewed funded planned
"""


WORDS = VOCABULARY.split()


def article(number: int, *, quote: bool = False) -> str:
    """A page of the site: a body of its own, the quote if asked, then the shared footer."""
    rng = random.Random(number)
    body = [
        " ".join(rng.choice(WORDS) for _ in range(25)).capitalize() + f" (story {number})."
        for _ in range(4)
    ]
    if quote:
        body.insert(2, QUOTE)
    return "\n\n".join([*body, CREDIT, FOOTER]) + "\n"


def learned(pages: list[str], min_docs: int = 5) -> Options:
    counter = TemplateCounter()
    for page in pages:
        counter.add(document_fingerprints(comparable_texts(page, Options()), "bugle"))
    return Options(templates=counter.table(min_docs).for_site("bugle"))


def test_a_footer_shared_by_every_page_is_a_template() -> None:
    pages = [article(n) for n in range(8)]
    result = clean(pages[0], learned(pages))
    removed = {r.text: r for r in result.removed}
    assert set(removed) == {CREDIT, FOOTER}
    assert removed[FOOTER].kind == "template"
    assert removed[FOOTER].rule == "learned-template"
    assert removed[FOOTER].reason == "recurs in 8 documents of bugle"
    assert FOOTER not in result.text and "(story 0)" in result.text


def test_a_quote_in_two_articles_stays() -> None:
    pages = [article(n, quote=n in (2, 5)) for n in range(8)]
    result = clean(pages[2], learned(pages))
    assert QUOTE in result.text
    assert [r.text for r in result.removed] == [CREDIT, FOOTER]


def test_below_the_threshold_nothing_is_learned() -> None:
    pages = [article(n) for n in range(4)]
    assert clean(pages[0], learned(pages)).removed == ()


def test_another_sites_template_does_not_apply() -> None:
    pages = [article(n) for n in range(8)]
    options = learned(pages)
    assert options.templates is not None
    other_site = options.but(templates=options.templates.for_site("herald"))
    assert clean(pages[0], other_site).removed == ()


def test_a_phrase_rule_names_the_kind_before_the_template() -> None:
    legal = "Copyright 2024 The Daily Bugle. All rights reserved."
    pages = [article(n) + "\n" + legal + "\n" for n in range(6)]
    kinds = {r.text: r.kind for r in clean(pages[0], learned(pages)).removed}
    assert kinds[legal] == "legal"
    assert kinds[FOOTER] == "template"


def test_a_template_line_a_page_furniture_rule_knows_goes_from_a_document_that_is_no_page() -> None:
    """The rule applies only to page dumps; on an article the learned template still holds."""
    owner = "The Daily Bugle is published by Valley Media Group Ltd."
    pages = [article(n) + "\n" + owner + "\n" for n in range(6)]
    result = clean(pages[0], learned(pages))
    kinds = {r.text: (r.kind, r.rule) for r in result.removed}
    assert kinds[owner] == ("template", "learned-template")
    assert owner not in result.text


def test_a_copy_of_another_page_keeps_its_text() -> None:
    # A crawl fetched the same story under six addresses: its body recurs in six documents,
    # which makes it a duplicate page, not a template to remove from every copy.
    pages = [article(1)] * 6 + [article(n) for n in range(2, 8)]
    result = clean(pages[0], learned(pages))
    assert "(story 1)" in result.text


def test_keep_template_keeps_them() -> None:
    pages = [article(n) for n in range(8)]
    options = learned(pages).but(keep=frozenset({"template"}))
    assert clean(pages[0], options).text == pages[0]


def test_template_findings_report_the_count() -> None:
    pages = [article(n) for n in range(6)]
    options = learned(pages)
    assert options.templates is not None
    texts = ["some text of its own", FOOTER.casefold().rstrip(".")]
    [finding] = template_findings(texts + ["more of its own text"] * 3, options.templates)
    assert (finding.index, finding.kind) == (1, "template")
    assert "6 documents" in finding.reason


def test_fingerprints_are_stable_across_processes() -> None:
    # A fixed value: Python's hash() is salted per process, blake2b is not.
    assert fingerprint("bugle", "a footer") == 0xD2F60E5B96A78445


def test_counts_are_per_document() -> None:
    counter = TemplateCounter()
    for page in (f"{FOOTER}\n\n{FOOTER}\n", f"{FOOTER}\n"):
        counter.add(document_fingerprints(comparable_texts(page, Options()), "bugle"))
    assert counter.table(2).counts == {fingerprint("bugle", FOOTER.casefold().rstrip(".")): 2}


@given(st.lists(st.lists(st.integers(0, 40), max_size=6), max_size=200), st.integers(1, 12))
def test_a_capped_counter_never_overcounts(documents: list[list[int]], capacity: int) -> None:
    counter = TemplateCounter(capacity)
    true: Counter[int] = Counter()
    for document in documents:
        counter.add(set(document))
        true.update(set(document))
        assert len(counter) <= capacity
    counted = counter.table(2).counts
    assert all(count <= true[key] for key, count in counted.items())
    # Misra-Gries: an item in more than total/(capacity+1) documents is never lost.
    total = sum(true.values())
    for key, count in true.items():
        if count - total / (capacity + 1) >= 2:
            assert counted.get(key, 0) >= count - total / (capacity + 1)


def test_options_holding_a_table_stay_hashable() -> None:
    options = learned([article(n) for n in range(6)])
    assert hash(options) == hash(options)


def count_in_parts(parts: list[list[list[int]]], capacity: int) -> TemplateCounter:
    """Count each part on its own, then combine the counters, as Dask does per partition."""
    counters = []
    for part in parts:
        counter = TemplateCounter(capacity)
        for document in part:
            counter.add(set(document))
        counters.append(counter)
    combined = TemplateCounter(capacity)
    for counter in counters:
        combined.update(counter)
    return combined


documents_in_parts = st.lists(
    st.lists(st.lists(st.integers(0, 40), max_size=6), max_size=40), max_size=6
)


@given(documents_in_parts)
def test_counts_combined_from_parts_equal_one_count_over_all(parts: list[list[list[int]]]) -> None:
    whole = TemplateCounter()
    for document in (document for part in parts for document in part):
        whole.add(set(document))
    combined = count_in_parts(parts, TemplateCounter().capacity)
    assert combined.documents == whole.documents
    assert combined.table(2).counts == whole.table(2).counts


@given(documents_in_parts, st.integers(1, 12))
def test_combined_capped_counts_keep_the_bound(parts: list[list[list[int]]], capacity: int) -> None:
    combined = count_in_parts(parts, capacity)
    true: Counter[int] = Counter()
    for document in (document for part in parts for document in part):
        true.update(set(document))
    assert len(combined) <= capacity
    counted = combined.table(2).counts
    assert all(count <= true[key] for key, count in counted.items())
    total = sum(true.values())
    for key, count in true.items():
        if count - total / (capacity + 1) >= 2:
            assert counted.get(key, 0) >= count - total / (capacity + 1)
