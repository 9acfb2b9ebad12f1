"""Template learning: paragraphs that recur across many documents of one site.

Pages of one site share furniture that no phrase list knows: the site's own footer, its
"Follow us" row, the note it puts under every article. Within one document such a paragraph
is unremarkable; across a batch it stands out, because it is in almost every document.

Pass 1 counts, per site (a directory, or a JSONL record's domain), in how many documents each
normalised paragraph occurs (`TemplateCounter`). Pass 2 hands the paragraphs seen in at least
`min_docs` documents to `clean` as `Options.templates`, and `template_findings` splits them off
as kind `template`. A text quoted by two articles stays: it is common, not furniture.

Memory is bounded: the counter holds at most `capacity` fingerprints, by the Misra-Gries
frequent-items algorithm. When the table is full, a new fingerprint lowers every count by one
instead of taking a slot, so a count is never more than the true number of documents and at
most (documents' paragraphs counted) / (capacity + 1) less. A capped table can therefore miss
a rare template in a huge batch, but it can never invent one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from .boilerplate import Finding

# A paragraph must be in at least this many documents of its site to be a template: a footer
# is on every page, while a quotation or a stock phrase is shared by a few articles.
DEFAULT_MIN_DOCS = 5
# 2**18 fingerprints: a dict of that many int keys and counts takes about 30 MB.
DEFAULT_CAPACITY = 1 << 18
# A document whose recurring paragraphs hold more than this share of its text is a copy of
# another page (a crawl fetches the same article under several addresses), not a page with a
# template: removing them would empty it, so they stay.
MAX_TEMPLATE_SHARE = 0.5


def fingerprint(site: str, text: str) -> int:
    """A stable 64-bit fingerprint of a comparable paragraph within one site.

    blake2b rather than Python's hash(), which is salted per process: pass 1 runs in worker
    processes and its counts must mean the same in every process and every run.
    """
    data = f"{site}\x00{text}".encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def document_fingerprints(texts: Iterable[str], site: str) -> frozenset[int]:
    """The fingerprints of a document's paragraphs, given their comparable forms (from
    `pipeline.comparable_texts`), each once: counts are of documents."""
    return frozenset(fingerprint(site, text) for text in texts if text)


@dataclass(frozen=True, slots=True, eq=False)
class TemplateTable:
    """Paragraphs learned as templates: fingerprint -> number of documents it was seen in.

    `site` names the site the document being cleaned belongs to; fingerprints of other sites
    never match it. Compared by identity, so that Options holding a table stays hashable.
    """

    counts: Mapping[int, int]
    min_docs: int = DEFAULT_MIN_DOCS
    site: str = ""

    def for_site(self, site: str) -> TemplateTable:
        """The same table, applied to a document of `site`."""
        return replace(self, site=site)


class TemplateCounter:
    """Pass 1: in how many documents of its site each paragraph occurs, in bounded memory."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity}")
        self.capacity = capacity
        self.documents = 0
        self._counts: dict[int, int] = {}

    def add(self, fingerprints: Iterable[int]) -> None:
        """Count one document's paragraph fingerprints (from `document_fingerprints`)."""
        self.documents += 1
        counts = self._counts
        for key in fingerprints:
            if key in counts:
                counts[key] += 1
            elif len(counts) < self.capacity:
                counts[key] = 1
            else:
                self._counts = counts = {k: n - 1 for k, n in counts.items() if n > 1}

    def __len__(self) -> int:
        return len(self._counts)

    def table(self, min_docs: int = DEFAULT_MIN_DOCS) -> TemplateTable:
        """The paragraphs seen in at least `min_docs` documents: small enough to send anywhere."""
        if min_docs < 2:
            raise ValueError(f"min_docs must be at least 2, not {min_docs}")
        counts = {key: n for key, n in self._counts.items() if n >= min_docs}
        return TemplateTable(counts, min_docs)


def template_findings(texts: Sequence[str], table: TemplateTable) -> list[Finding]:
    """Paragraphs, given their comparable forms, that the table knows as the site's template."""
    matches: list[tuple[int, int]] = []
    for index, text in enumerate(texts):
        if text:
            count = table.counts.get(fingerprint(table.site, text), 0)
            if count >= table.min_docs:
                matches.append((index, count))
    recurring = sum(len(texts[index]) for index, _ in matches)
    if recurring > MAX_TEMPLATE_SHARE * sum(len(text) for text in texts):
        return []
    where = f" of {table.site}" if table.site else ""
    return [
        Finding(index, "template", "learned-template", f"recurs in {count} documents{where}")
        for index, count in matches
    ]
