"""Refuse regular expressions whose matching time can explode.

Python's `re` backtracks: a pattern that can take the same text in many ways, with an end that
fails, tries every way. The classic shape is a repetition inside an unbounded repetition, as
in `(?:[a-z]+/)*` or `(?:\\w+ )*`: "afp/afp/afp/…1" then costs time exponential in its length.
Phrase rules are data that anyone may extend, and a pre-commit hook or a corpus worker that
hangs on one crafted paragraph is a denial of service, so such a pattern is refused when it is
loaded unless the outer repetition is possessive (`*+`, `++`, `{0,3}+`) or the inner one is
possessive or inside an atomic group (`(?>…)`): those never give back what they took.

This check is structural and cheap. It does not see ambiguity between alternatives inside a
repetition (`(?:ab|a)*`); the test suite probes every shipped rule with adversarial strings
built from its own pieces for that.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_BACKTRACKING = (sre.MAX_REPEAT, sre.MIN_REPEAT)

NESTED_REPETITION = (
    "a repetition inside an unbounded repetition can take minutes on a crafted line; "
    "make one of them possessive (*+, ++) or atomic ((?>...))"
)


# An unbounded repetition can hold another only if what it repeats is a group: a pattern with
# no group closed by `*`, `+` or `{n,}` has no nested repetition, and most rules are such, so
# they are not parsed here (parsing every rule cost a pipe or a hook half its start-up). In
# verbose mode space may stand between the group and its `*`: such a pattern is always parsed.
_GROUP_REPEATED = re.compile(r"\)(?:[*+]|\{\d*,\})|\(\?[aiLmsux-]*x")


def nested_repetition(pattern: str) -> bool:
    """Whether an unbounded repetition holds another that can give back what it took."""
    if _GROUP_REPEATED.search(pattern) is None:
        return False
    return _nested(sre_parse.parse(pattern))


def _nested(tree: Any) -> bool:
    for op, av in tree:
        if op in _BACKTRACKING and av[1] == sre.MAXREPEAT and _backtracks(av[2]):
            return True
        if any(_nested(child) for child in _children(op, av)):
            return True
    return False


def _backtracks(tree: Any) -> bool:
    """Whether a subtree holds a repetition of more than one that can give back what it took."""
    for op, av in tree:
        if op in _BACKTRACKING and av[1] > 1:
            return True
        if op in (sre.POSSESSIVE_REPEAT, sre.ATOMIC_GROUP):
            continue
        if any(_backtracks(child) for child in _children(op, av)):
            return True
    return False


def _children(op: Any, av: Any) -> list[Any]:
    if op in _BACKTRACKING or op == sre.POSSESSIVE_REPEAT:
        return [av[2]]
    if op == sre.SUBPATTERN:
        return [av[3]]
    if op == sre.ATOMIC_GROUP:
        return [av]
    if op == sre.BRANCH:
        return list(av[1])
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1]]
    if op == sre.GROUPREF_EXISTS:
        return [branch for branch in av[1:] if branch]
    return []
