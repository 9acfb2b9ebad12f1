"""What a regular expression needs of a text before it can match: cheap tests to run first.

A phrase rule fires on few paragraphs, and most paragraphs can be ruled out by one string
test: the rule's pattern must start with one of a few literal words ("share", "follow us"), or
contain a literal somewhere (" is a"). `needs` reads both from the pattern's text, without
compiling it, so that a phrasebook's rules are compiled only when a paragraph could match them
(a pipe of one line compiles a handful, not a whole language's alternation).

The reading is conservative: any construct it does not follow (a character class, `.`, `\\d`,
flags, back-references) ends what it learns there, so a test it returns never rules out a
text the pattern matches. Case matters: the patterns run on comparable (case-folded) forms.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

# Tokens of Python's regular-expression syntax, as far as the reading needs them: escapes,
# classes, group openings, quantifiers, runs of plain characters, and single characters.
_TOKEN = re.compile(
    r"\\(?:[0-7]{1,3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|.)"
    r"|\[\^?\]?(?:\\.|[^\]\\])*\]"
    r"|\((?:\?(?:[:>=!]|<[=!]|P<\w+>)?)?"
    r"|(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?"
    r"|[^\\\[\](){}|*+?.^$]+"
    r"|.",
    re.S,
)
_BOUNDED = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
# Escapes that match an empty string (word boundaries, the start or end of the text).
_ZERO_WIDTH = frozenset("bBAZ")
# Prefixes longer than this say no more; more alternatives than this are not spelled out.
_PREFIX_CHARS = 12
_PREFIX_LIMIT = 256
# A character class of up to this many plain characters is read as alternatives.
_CLASS_CHARS = 8

# What a part of a pattern may start with: (literal, complete) pairs, where `complete` says the
# part matches exactly that literal, so that what follows it continues the prefix.
_Starts = frozenset[tuple[str, bool]]
_ANY: _Starts = frozenset({("", False)})
_EMPTY: _Starts = frozenset({("", True)})


class Needs(NamedTuple):
    """Tests every text a pattern matches passes: it starts with one of `prefixes` or, if
    `digit`, with a decimal digit (`prefixes` None: any start), and contains one of `literals`
    (None: no literal is required)."""

    prefixes: tuple[str, ...] | None
    literals: tuple[str, ...] | None
    digit: bool = False

    def may_start(self, head: str) -> bool:
        """Whether a text starting with `head` (or shorter, being all of it) may match."""
        if self.prefixes is None:
            return True
        if self.digit and head[:1].isdecimal():
            return True
        return any(p.startswith(head) or head.startswith(p) for p in self.prefixes)


# Stands for "a decimal digit" (\d) in the starts being read; a pattern holding this
# character is not read at all.
_DIGIT = "\U0010ffff"


class _Unreadable(Exception):
    """A construct that changes what the rest means (flags, back-references, conditionals)."""


@lru_cache(maxsize=4096)
def needs(pattern: str) -> Needs:
    """The prefixes and literals any text matched by `re.match(pattern, text)` has.

    For `re.search` only `literals` holds. Never raises: a pattern it cannot read needs
    nothing.
    """
    try:
        if _DIGIT in pattern:
            raise _Unreadable
        tokens = _tokens(pattern)
        reader = _Reader(tokens)
        starts, required = reader.alternation()
        if reader.at < len(tokens):  # an unbalanced ")": leave it to re to complain
            raise _Unreadable
    except _Unreadable:
        return Needs(None, None)
    # A start that reaches a digit holds up to it: "\d" alone, or "page \d" as "page ".
    prefixes = {text.partition(_DIGIT)[0] for text, _ in starts if not text.startswith(_DIGIT)}
    digit = len(prefixes) < len(starts) and any(text.startswith(_DIGIT) for text, _ in starts)
    if "" in prefixes:
        return Needs(None, _literals(required))
    return Needs(tuple(sorted(prefixes)), _literals(required), digit)


@cache
def shipped(language: str) -> dict[str, Needs]:
    """`needs` of a shipped phrase file's patterns, as `python -m artclean.boilerplate` wrote
    them to data/prefilter/: reading a language's patterns costs a one-line pipe about 20 ms.
    A pattern not found there (edited since, or configured by a user) is read as usual, so
    the file only ever saves time."""
    import json  # here: most runs read one small file, once

    path = resources.files("artclean").joinpath("data", "prefilter", f"{language}.json")
    try:
        readings = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {
        pattern: Needs(
            None if prefixes is None else tuple(prefixes),
            None if literals is None else tuple(literals),
            bool(digit),
        )
        for pattern, (prefixes, literals, digit) in readings.items()
    }


def _literals(required: frozenset[str] | None) -> tuple[str, ...] | None:
    return None if required is None or "" in required else tuple(sorted(required))


def _tokens(pattern: str) -> list[tuple[str, str]]:
    """The pattern's tokens and their kinds; a quantifier after plain characters takes only
    the last one."""
    tokens: list[tuple[str, str]] = []
    for text in _TOKEN.findall(pattern):
        kind = _KINDS.get(text[0], "lit")
        if kind == "open":
            kind = _GROUPS.get(text, "odd")
        elif kind == "rep" and text[0] == "{" and len(text) == 1:
            kind = "lit"  # a brace that opens no quantifier is itself
        elif kind == "char" and len(text) > 1:
            kind = "lit"
        if kind == "rep" and tokens and tokens[-1][0] == "lit" and len(tokens[-1][1]) > 1:
            run = tokens.pop()[1]
            tokens += [("lit", run[:-1]), ("lit", run[-1])]
        tokens.append((kind, text))
    return tokens


_KINDS = {
    "\\": "esc",
    "[": "cls",
    "(": "open",
    ")": "close",
    "|": "bar",
    "*": "rep",
    "+": "rep",
    "?": "rep",
    "{": "rep",
    ".": "char",
    "^": "char",
    "$": "char",
}
_GROUPS = {"(": "open", "(?:": "open", "(?>": "open", "(?=": "look", "(?!": "look"}
_GROUPS |= {"(?<=": "look", "(?<!": "look"}


class _Reader:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.at = 0

    def alternation(self) -> tuple[_Starts, frozenset[str] | None]:
        """Alternatives up to a closing ")" or the end: any of their starts, and a literal of
        each when every one requires some."""
        starts: set[tuple[str, bool]] = set()
        required: set[str] | None = set()
        while True:
            branch_starts, branch_required = self.sequence()
            starts |= branch_starts
            if required is not None:
                required = None if branch_required is None else required | branch_required
            if self.at < len(self.tokens) and self.tokens[self.at][0] == "bar":
                self.at += 1
                continue
            break
        if len(starts) > _PREFIX_LIMIT:
            starts = {(text[:1], False) for text, _ in starts}
        return frozenset(starts), None if required is None else frozenset(required)

    def sequence(self) -> tuple[set[tuple[str, bool]], frozenset[str] | None]:
        """One alternative: what it starts with, and its most telling required literal."""
        starts: set[tuple[str, bool]] = {("", True)}
        growing = True  # whether some start is still complete, so that items extend it
        best: frozenset[str] | None = None
        run = ""  # plain characters matched one after another just now
        tokens = self.tokens
        while self.at < len(tokens):
            kind, text = tokens[self.at]
            if kind == "bar" or kind == "close":
                break
            self.at += 1
            if kind == "lit" and (self.at == len(tokens) or tokens[self.at][0] != "rep"):
                run += text
                if growing:
                    starts = _append(starts, text)
                continue
            item: _Starts
            item_required: frozenset[str] | None = None
            literal = ""
            if kind == "lit":
                item, literal = frozenset({(text, True)}), text
            elif kind == "char":
                item = _ANY if text == "." else _EMPTY
            elif kind == "esc":
                item, literal = self._escape(text)
            elif kind == "cls":
                item = self._class(text)
            elif kind == "open":
                item, item_required = self._group()
            elif kind == "look":
                self._group()  # matches nothing itself; what it asserts is not used
                item = _EMPTY
            else:  # "odd" (flags, comments, conditionals) or a quantifier with nothing before
                raise _Unreadable
            low, high = self._repeat()
            if (low, high) != (1, 1):
                if low >= 1 and literal:  # "x+" holds an "x", and ends a run of characters
                    best = _better(best, frozenset({run + literal}))
                item = frozenset(
                    {(t, False) for t, _ in item} | ({("", True)} if low == 0 else set())
                )
                literal, item_required = "", item_required if low >= 1 else None
            if literal:
                run += literal
            elif item is not _EMPTY or kind == "open":
                if run:
                    best = _better(best, frozenset({run}))
                run = ""
                best = _better(best, item_required)
            if growing:
                starts = _extend(starts, item)
                growing = any(complete for _, complete in starts)
        if run:
            best = _better(best, frozenset({run}))
        return starts, best

    def _group(self) -> tuple[_Starts, frozenset[str] | None]:
        found = self.alternation()
        if self.at >= len(self.tokens) or self.tokens[self.at][0] != "close":
            raise _Unreadable
        self.at += 1
        return found

    def _escape(self, text: str) -> tuple[_Starts, str]:
        letter = text[1:2]
        if letter in _ZERO_WIDTH:
            return _EMPTY, ""
        if letter.isdigit():
            raise _Unreadable  # a back-reference, or an octal escape: not worth reading
        if letter == "d":
            return frozenset({(_DIGIT, False)}), ""
        if letter.isalnum():
            return _ANY, ""  # \w, \s, \n, \x41...: read as any character
        return frozenset({(letter, True)}), letter

    def _class(self, text: str) -> _Starts:
        inside = text[1:-1]
        if inside.startswith("^") or "\\" in inside or "-" in inside[1:-1]:
            return _ANY
        chars = set(inside)
        if not chars or len(chars) > _CLASS_CHARS:
            return _ANY
        return frozenset((c, True) for c in chars)

    def _repeat(self) -> tuple[int, int]:
        """The bounds of a quantifier after an item (1, 1 without one); -1 for no upper one."""
        if self.at >= len(self.tokens) or self.tokens[self.at][0] != "rep":
            return 1, 1
        text = self.tokens[self.at][1].rstrip("?+") or self.tokens[self.at][1][:1]
        self.at += 1
        if text == "*":
            return 0, -1
        if text == "+":
            return 1, -1
        if text == "?":
            return 0, 1
        bounded = _BOUNDED.fullmatch(text)
        if bounded is None or not (bounded[1] or bounded[3]):
            raise _Unreadable  # "{}" or "{,}": a literal brace to re, not worth reading
        low = int(bounded[1] or 0)
        high = low if not bounded[2] else int(bounded[3]) if bounded[3] else -1
        return low, high


def _append(starts: set[tuple[str, bool]], text: str) -> set[tuple[str, bool]]:
    """The starts of a sequence once plain characters follow."""
    out = set()
    for start, complete in starts:
        if complete and len(start) < _PREFIX_CHARS:
            longer = start + text
            out.add((longer[:_PREFIX_CHARS], len(longer) <= _PREFIX_CHARS))
        else:
            out.add((start, False))
    return out


def _extend(starts: set[tuple[str, bool]], item: _Starts) -> set[tuple[str, bool]]:
    """The starts of a sequence once one more item follows."""
    out = {(text, False) for text, complete in starts if not complete or len(text) >= _PREFIX_CHARS}
    growing = [text for text, complete in starts if complete and len(text) < _PREFIX_CHARS]
    width = max(len(text) for text, _ in item)
    while width > 1 and len(growing) * len(item) > _PREFIX_LIMIT:
        # Too many combinations: shorter prefixes of the item say less, but still something.
        width -= 1
        item = frozenset((text[:width], complete and len(text) <= width) for text, complete in item)
    if len(growing) * len(item) > _PREFIX_LIMIT:
        # Still too many: only an empty start goes on, with the item's first characters.
        out.update((text, False) for text in growing if text)
        growing = [text for text in growing if not text]
    for text in growing:
        for more, more_complete in item:
            out.add((text + more, more_complete))
    return out


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more telling of two literal requirements: the longer shortest literal."""
    if b is None or "" in b:
        return a
    if a is None:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a
