"""Generated scraped pages for the batch benchmarks: sites with their own template.

Each page is an article of its own (paragraphs drawn from a large pool of generated prose)
with what scrapers bring along: the site's footer and share row on every page, and now and
then a syndication note, a repeated paragraph or a related-links list. Deterministic: the
same seed gives the same corpus, byte for byte.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vo",
    "di",
    "pa",
    "zu",
    "ba",
    "re",
    "to",
    "ma",
    "li",
    "gan",
    "der",
    "sul",
    "mor",
    "vek",
    "tin",
    "pol",
]
_SHORT = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "is",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "it",
    "was",
    "be",
    "are",
]


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


class Generator:
    """Pages of `sites` sites; `page(site, number)` is the same text on every call."""

    def __init__(self, seed: int = 1, pool: int = 20_000) -> None:
        rng = random.Random(seed)
        vocabulary = _vocabulary(rng)
        self.paragraphs = [self._prose(rng, vocabulary) for _ in range(pool)]
        self.headlines = [
            " ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 10))).title()
            for _ in range(2000)
        ]

    @staticmethod
    def _prose(rng: random.Random, vocabulary: list[str]) -> str:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = [
                rng.choice(_SHORT) if rng.random() < 0.35 else rng.choice(vocabulary)
                for _ in range(rng.randint(8, 24))
            ]
            sentences.append(" ".join(words).capitalize() + ".")
        return " ".join(sentences)

    def page(self, site: int, number: int) -> str:
        rng = random.Random(site * 1_000_003 + number)
        body = [rng.choice(self.paragraphs) for _ in range(rng.randint(5, 12))]
        parts = [rng.choice(self.headlines), *body]
        if rng.random() < 0.3:
            parts.insert(rng.randint(2, len(parts)), body[0])  # a repeated lead
        if rng.random() < 0.3:
            parts.append("This article originally appeared in The Site Herald.")
        if rng.random() < 0.3:
            parts.append("You may also like")
            parts.extend(rng.choice(self.headlines) for _ in range(4))
        parts.append(f"Follow Site {site} on Facebook, X and Instagram for more stories")
        parts.append(
            f"Site {site} is published by the staff of {site} Main Street, Springfield, "
            "and printed on recycled paper since the year of its founding."
        )
        return "\n\n".join(parts) + "\n"

    def write_tree(self, root: Path, files: int, sites: int = 50) -> int:
        """`files` pages as root/site-NN/page-NNNN.txt; returns the bytes written."""
        total = 0
        for n in range(files):
            site = n % sites
            folder = root / f"site-{site:02}"
            folder.mkdir(parents=True, exist_ok=True)
            data = self.page(site, n).encode()
            (folder / f"page-{n:05}.txt").write_bytes(data)
            total += len(data)
        return total

    def records(self, sites: int = 200) -> Iterator[bytes]:
        """An endless stream of JSONL records with id, url, text and a metadata field."""
        n = 0
        while True:
            site = n % sites
            record = {
                "id": n,
                "url": f"https://www.site{site}.example/articles/{n}",
                "text": self.page(site, n),
                "meta": {"lang": "en", "crawl": "2024-06"},
            }
            yield json.dumps(record).encode() + b"\n"
            n += 1

    def write_jsonl(self, path: Path, size: int) -> int:
        """At least `size` bytes of records into `path`; returns the bytes written."""
        total = 0
        with path.open("wb") as stream:
            for line in self.records():
                stream.write(line)
                total += len(line)
                if total >= size:
                    return total
        raise AssertionError("unreachable")


def near_copies(count: int) -> str:
    """`count` paragraphs, each one sentence with one letter changed: all near-duplicates of
    each other, the case that must not make duplicate detection quadratic."""
    base = "The council approved the plan on Tuesday after a debate that lasted four hours and"
    draw = random.Random(count)
    out = []
    for _ in range(count):
        at = draw.randrange(len(base))
        out.append(base[:at] + draw.choice("abcdefghij") + base[at + 1 :] + " residents spoke.")
    return "\n\n".join(out) + "\n"
