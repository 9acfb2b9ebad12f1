"""Adversarial strings for a regular expression, built from its own pieces.

Catastrophic backtracking needs a repetition that can take the same text in many ways and an
end that fails, so every way is tried. This module walks a pattern's parse tree and writes
strings that the pattern almost matches: each repetition taken many times (one at a time, the
others kept short), each alternative and character class sampled, then a failing end. A
pattern that backtracks shows it on these strings within a few hundred characters.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# A character of each category, and characters that end a near-match by failing it.
_CATEGORY = {
    sre.CATEGORY_DIGIT: "7",
    sre.CATEGORY_NOT_DIGIT: "a",
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_NOT_SPACE: "a",
    sre.CATEGORY_WORD: "a",
    sre.CATEGORY_NOT_WORD: " ",
    sre.CATEGORY_LINEBREAK: "\n",
    sre.CATEGORY_NOT_LINEBREAK: "a",
}
FAILING_ENDS = ("", "!", "1", " ", "\u00a7", "x/y", "/", ":", ".")

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


def _repeats(tree: Any) -> int:
    """How many repetition nodes the tree has (each is attacked in turn)."""
    count = 0
    for op, av in tree:
        if op in _REPEATS:
            count += 1 + _repeats(av[2])
        elif op == sre.SUBPATTERN:
            count += _repeats(av[3])
        elif op == sre.ATOMIC_GROUP:
            count += _repeats(av)
        elif op == sre.BRANCH:
            count += sum(_repeats(branch) for branch in av[1])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            count += _repeats(av[1])
    return count


class _Writer:
    """Writes one string the tree matches; repetition number `target` is taken `times` times."""

    def __init__(self, rng: random.Random, target: int, times: int) -> None:
        self.rng = rng
        self.target = target
        self.times = times
        self.seen = 0

    def write(self, tree: Any) -> str:
        return "".join(self._node(op, av) for op, av in tree)

    def _node(self, op: Any, av: Any) -> str:
        if op == sre.LITERAL:
            return chr(av)
        if op == sre.NOT_LITERAL:
            return "a" if av != ord("a") else "b"
        if op == sre.ANY:
            return self.rng.choice("a /")
        if op == sre.IN:
            return self._in(av)
        if op == sre.BRANCH:
            return self.write(self.rng.choice(av[1]))
        if op == sre.SUBPATTERN:
            return self.write(av[3])
        if op == sre.ATOMIC_GROUP:
            return self.write(av)
        if op in _REPEATS:
            low, high, body = av
            number = self.seen
            self.seen += 1
            if number == self.target:
                count = min(high, max(low, self.times))
            else:
                count = min(high, max(low, self.rng.choice((low, low, low + 1))))
            return "".join(self.write(body) for _ in range(count))
        return ""  # anchors, lookarounds, group references: nothing to write

    def _in(self, items: Any) -> str:
        choices: list[str] = []
        negate = False
        for op, av in items:
            if op == sre.NEGATE:
                negate = True
            elif op == sre.LITERAL:
                choices.append(chr(av))
            elif op == sre.RANGE:
                choices.append(chr(self.rng.randint(av[0], av[1])))
            elif op == sre.CATEGORY:
                choices.append(_CATEGORY.get(av, "a"))
        if negate:
            return next(c for c in "a /7\u00e9" if c not in choices)
        return self.rng.choice(choices) if choices else "a"


def adversarial(pattern: str, *, size: int = 4096, seed: int = 0) -> Iterator[str]:
    """Near-matches of `pattern` up to about `size` characters, each repetition attacked.

    For every repetition, strings of growing length (so a test can stop at the first slow
    one) with that repetition taken many times and each failing end.
    """
    tree = sre_parse.parse(pattern)
    rng = random.Random(seed)
    for target in range(_repeats(tree)):
        for times in (4, 8, 16, 32, 64, 128, 256, 512, 1024):
            for end in FAILING_ENDS:
                text = _Writer(rng, target, times).write(tree)
                text = text[:size] + end
                yield text
                if len(text) >= size:
                    break


def pieces_repeated(pattern: str, *, size: int = 4096) -> Iterator[str]:
    """The literal words of a pattern run together many times with a failing end.

    Catches ambiguity across alternatives that the tree walk samples only by chance, as in
    "dpa/afp/afp/…/afp1" against a list of agency names joined by slashes.
    """
    words = sorted(set(re.findall(r"[^\W\d_]{2,}", re.sub(r"\\.", " ", pattern))))
    for joiner in ("/", " ", " and ", ", ", "-", ""):
        for word in words[:60]:
            for count in (8, 32, 128, 512):
                body = joiner.join([word] * count)[: size - 4]
                for end in ("1", "x/y", "!"):
                    yield body + end
                if len(body) >= size - 4:
                    break


def probe(language: str, budget: float) -> Iterator[str]:
    """Run every phrase rule of a language, alone and combined, on adversarial strings.

    Yields a line as each rule starts ("rule NAME") and for each string slower than `budget`
    seconds ("slow NAME SECONDS TEXT"); the caller kills the run if a line is long in coming.
    """
    from artclean.boilerplate import phrasebook

    book = phrasebook((language,))
    for rule in book.rules:
        yield f"rule {rule.name}"
        pattern = re.compile(rule.pattern)
        run = pattern.search if rule.contains else pattern.match
        for text in (*adversarial(rule.pattern), *pieces_repeated(rule.pattern)):
            for call in (run, book.anchored.match, book.related_header.fullmatch):
                seconds = _seconds(call, text)
                if seconds > budget:
                    # A busy machine can stall one call; a backtracking rule is slow every time.
                    seconds = min(seconds, *(_seconds(call, text) for _ in range(3)))
                if seconds > budget:
                    yield f"slow {rule.name} {seconds:.2f} {text[:60]!r}"
                    break


def _seconds(call: Any, text: str) -> float:
    start = time.perf_counter()
    call(text)
    return time.perf_counter() - start


if __name__ == "__main__":
    import sys

    for line in probe(sys.argv[1], float(sys.argv[2])):
        print(line, flush=True)
