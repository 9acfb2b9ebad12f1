"""MinHash fingerprints of paragraphs and an LSH index to find near-duplicate candidates.

A fingerprint is a bottom-k MinHash sketch: the k smallest hashes of a paragraph's word
shingles. Two paragraphs with Jaccard similarity J share on average about J*k of their k
smallest hashes, so indexing every sketch value (LSH bands of one value) finds near-duplicates
and truncated teasers (whose shingles are a subset of the full text's) without comparing all
pairs. CRC-32 is the shingle hash: stable across runs and processes, and fast in C.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

SKETCH_SIZE = 16
SHINGLE_WORDS = 3
SHINGLE_CHARS = 4
# Words this long on average mean a script written without spaces (Chinese, Japanese, Thai).
_UNSPACED_WORD_LENGTH = 12
# Members kept per bucket: enough to find the first copies of a text, bounded so that a
# document of 100,000 near-identical paragraphs stays linear.
_BUCKET_CAP = 4


def shingles(text: str) -> set[str]:
    """Word 3-grams of a normalised paragraph, or character 4-grams where words have no spaces."""
    words = text.split()
    if words and len(text) > _UNSPACED_WORD_LENGTH * len(words):
        joined = "".join(words)
        n = SHINGLE_CHARS
        return {joined[i : i + n] for i in range(max(1, len(joined) - n + 1))}
    n = SHINGLE_WORDS
    if len(words) <= n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def sketch(
    text: str, size: int = SKETCH_SIZE, words: Sequence[str] | None = None
) -> tuple[int, ...]:
    """The bottom-k MinHash sketch of a normalised paragraph (empty for empty text).

    `words` are text.split(), if the caller has them already.
    """
    if words is None:
        words = text.split()
    if len(words) > SHINGLE_WORDS and len(text) <= _UNSPACED_WORD_LENGTH * len(words):
        # The word 3-grams of `shingles`, hashed and sorted in C.
        grams = map(" ".join, zip(words, words[1:], words[2:], strict=False))
        hashes = set(map(zlib.crc32, map(str.encode, grams)))
    else:
        hashes = set(map(zlib.crc32, map(str.encode, shingles(text))))
    return tuple(sorted(hashes)[:size])


class CandidateIndex:
    """Sketch values mapped to the first paragraphs that had them."""

    def __init__(self) -> None:
        # A value's first paragraph is stored as itself, later ones as a tuple of ints: most
        # values belong to one paragraph, and a long document's 1.6 million buckets as
        # 1-tuples cost an allocation each and memory that every later lookup misses in the
        # cache. Neither ints nor tuples of ints are tracked by the garbage collector.
        self._buckets: dict[int, int | tuple[int, ...]] = {}

    def candidates(self, fingerprint: Sequence[int], limit: int = 4) -> list[tuple[int, int]]:
        """Earlier paragraphs sharing sketch values, as (paragraph, shared values), best first."""
        shared: dict[int, int] = {}
        get = self._buckets.get
        for value in fingerprint:
            bucket = get(value)
            if bucket is None:
                continue
            if isinstance(bucket, int):
                shared[bucket] = shared.get(bucket, 0) + 1
            else:
                for paragraph in bucket:
                    shared[paragraph] = shared.get(paragraph, 0) + 1
        if len(shared) < 2:
            return list(shared.items())
        ranked = sorted(shared.items(), key=_rank)
        return ranked[:limit]

    def add(self, paragraph: int, fingerprint: Sequence[int]) -> None:
        buckets = self._buckets
        for value in fingerprint:
            # One lookup for a value not seen before, the most common case; `paragraph` is
            # added once, so only a new value's bucket is `paragraph` itself.
            bucket = buckets.setdefault(value, paragraph)
            if bucket is paragraph:
                continue
            if isinstance(bucket, int):
                buckets[value] = (bucket, paragraph)
            elif len(bucket) < _BUCKET_CAP:
                buckets[value] = (*bucket, paragraph)


def _rank(item: tuple[int, int]) -> tuple[int, int]:
    """Most shared values first, then the earliest paragraph."""
    return -item[1], item[0]
