"""What plain text tells about a paragraph: is it prose, a menu line, a headline, a caption?

Every feature is computed from the paragraph's text and the document around it, with C-level
string operations where possible (the whole pipeline has a few microseconds a paragraph).
Features are language-aware through the stop-word share, and language-agnostic through
measures relative to the document's own longest paragraphs, so a page in a language without a
stop-word list still separates its article from its menus. Text written without spaces
(Japanese, Chinese) is measured in characters, with function characters as its stop words.
"""

from __future__ import annotations

import math
import string
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, compress

from .lazy import pattern
from .segment import Paragraph

OWN = (
    "log_words",
    "stop_share",
    "capitalised",
    "terminal",
    "sentences",
    "digits",
    "symbols",
    "bullet",
    "short",
    "unspaced",
    "link_like",
    "clock",
    "lowercase_start",
    "prose",
    "terminal_length",
    "headline_start",
)
DOCUMENT = (
    "stop_relative",
    "relative_length",
    "position",
    "short_neighbours",
    "boilerplate_phrase",
    "repeated",
)
NAMES = OWN + DOCUMENT

# What a sentence may end with: its punctuation, or the quotation mark after it, as each
# language closes one. After German closing marks ("„…“", "»…«") and French and Swiss ones
# ("« … »": a » in a paragraph that holds a «) a sentence's own punctuation must come first,
# as a quoted headline („Wir schaffen das“, « Le tram arrive ») has none; quotation marks
# and spaces may stand between (a quotation inside one closes first: „Ich sage: ‚Nein.‘“;
# French sets a space inside « »). A » with no « before it (a continued quotation) and
# English “…” close a sentence either way, as they always have here.
_TERMINAL = tuple(".!?。！？\"”'’»)")
_GERMAN_CLOSING = tuple("“‘«‹")
_PUNCTUATED = tuple(".!?…。！？")
_QUOTES = "“”‘’«»‹›\"'"
_SENTENCE_ENDS = (". ", "! ", "? ", "。", "！", "？")
_ASCII_SENTENCE_ENDS = (". ", "! ", "? ")
_SYMBOLS = "|•·»«›‹/:@#©>"
_BULLET = pattern(r"\s*(?:[-*+•·▪◦o]\s|\d{1,3}[.)]\s|[»›>]\s?)")
# What a bullet's first visible character is, when it is no digit.
_BULLET_STARTS = frozenset("-*+•·▪◦o»›>")
_CLOCK = pattern(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}")
# Punctuation that separates words (besides white space).
_SPLIT_CHARACTERS = string.punctuation + "“”‘’«»…–—·•|"
_WIDE_SPLIT = tuple(c for c in _SPLIT_CHARACTERS if not c.isascii())
_ASCII_SPLIT = bytes(ord(" ") if chr(c) in string.punctuation else c for c in range(256))
_ASCII_DIGITS = b"0123456789"
_ASCII_SYMBOLS = bytes(c for c in _SYMBOLS.encode("utf-8") if c < 128)
# Text written without spaces averages about two characters a word.
_CHARS_PER_WORD = 2.0
_SHORT_WORDS = 4


@lru_cache(maxsize=1)
def function_characters() -> frozenset[str]:
    path = resources.files("artclean").joinpath("data", "stopwords", "cjk-chars.txt")
    return frozenset(path.read_text(encoding="utf-8").split())


def words_of(folded: str) -> list[str]:
    """Lower-case word tokens of a folded paragraph, punctuation removed."""
    if folded.isascii():
        return folded.encode("ascii").translate(_ASCII_SPLIT).decode("ascii").split()
    # str.translate looks each character of a text that is not ASCII up in a dict (60 ns a
    # character: most of language detection's time). The few separators outside ASCII are
    # replaced first; then the ASCII ones go as bytes in UTF-8, where no byte of a character
    # outside ASCII is below 128, and str.split() splits on every kind of white space.
    for wide in _WIDE_SPLIT:
        if wide in folded:
            folded = folded.replace(wide, " ")
    raw = folded.encode("utf-8", "surrogatepass").translate(_ASCII_SPLIT)
    return raw.decode("utf-8", "surrogatepass").split()


def _digits_and_symbols(head: str) -> tuple[int, int]:
    """How many characters of a text are ASCII digits, and how many are _SYMBOLS."""
    if head.isascii():
        raw = head.encode("ascii")
        size = len(raw)
        return size - len(raw.translate(None, _ASCII_DIGITS)), size - len(
            raw.translate(None, _ASCII_SYMBOLS)
        )
    return sum(map(head.count, "0123456789")), sum(map(head.count, _SYMBOLS))


def is_unspaced(stripped: str, words: int) -> bool:
    """Whether a paragraph is written without spaces between words (over 12 characters a
    space-separated word)."""
    return words > 0 and len(stripped) > 12 * words


def word_count(text: str) -> float:
    """A paragraph's words; text written without spaces counts two characters a word."""
    stripped = text.strip()
    count = len(stripped.split())
    return len(stripped) / _CHARS_PER_WORD if is_unspaced(stripped, count) else float(count)


# A word's first character if it is a letter (or a letter-like \w), or a capital run on from
# three lower-case letters ("DessertsNeed"): two words that a layout joined, such as a linked
# headline and the teaser after it. Two letters are not enough: "LeBron", "McGee", "DeMar"
# are one name.
_INITIALS = pattern(r"(?<!\S)[^\W\d_]|(?<=[a-z]{3})[A-Z]")


def headline_start(text: str) -> float:
    """The share of capitals among the initials of a paragraph's second to seventh words (of
    twelve or more), as `own_features` counts it, but with glued words counted apart."""
    if len(text.split(None, 12)) < 12:
        return 0.0
    initials: list[str] = []
    for match in _INITIALS.finditer(text):
        if match[0].isalpha():
            initials.append(match[0])
            if len(initials) == 7:
                break
    opening = initials[1:7]
    return sum(map(str.isupper, opening)) / len(opening) if opening else 0.0


def _before_closing(text: str) -> str:
    """The text without the quotation marks and spaces that close it."""
    end = len(text)
    while end and (text[end - 1] in _QUOTES or text[end - 1].isspace()):
        end -= 1
    return text[:end]


def own_features(text: str, tokens: Sequence[str], stop: frozenset[str]) -> list[float]:
    """Features of one paragraph on its own, in OWN order."""
    stripped = text.strip()
    raw_words = stripped.split()
    count = len(raw_words)
    unspaced = count > 0 and len(stripped) > 12 * count  # is_unspaced, inlined
    if unspaced:
        words = len(stripped) / _CHARS_PER_WORD
        characters = "".join(raw_words)
        stop_share = sum(map(function_characters().__contains__, characters)) / len(characters)
    else:
        words = float(count)
        stop_share = sum(map(stop.__contains__, tokens)) / len(tokens) if tokens else 0.0
    initials = [w[0] for w in raw_words if w[0].isalpha()]
    capitalised = sum(map(str.isupper, initials)) / len(initials) if initials else 0.0
    opening = initials[1:7] if count >= 12 else ()
    headline_start = sum(map(str.isupper, opening)) / len(opening) if opening else 0.0
    head = stripped[:200]
    size = len(head) or 1
    ascii_head = head.isascii()
    digit_count, symbol_count = _digits_and_symbols(head)
    if stripped.endswith(_GERMAN_CLOSING) or (stripped.endswith("»") and "«" in stripped):
        # A quotation as German ("„…“") or French and Swiss ("«…»") close it: the
        # sentence's own punctuation must come before its closing marks (see _TERMINAL).
        ends = _before_closing(stripped).endswith(_PUNCTUATED)
    else:
        ends = stripped.endswith(_TERMINAL)
    # An ASCII text has none of the wide sentence ends (its head is its start: if the head is
    # not ASCII, neither is the text).
    sentences = (
        sum(map(stripped.count, _ASCII_SENTENCE_ENDS))
        if ascii_head and stripped.isascii()
        else sum(map(stripped.count, _SENTENCE_ENDS))
    ) + ends
    terminal = 1.0 if ends else 0.0
    log_words = math.log1p(words)
    first = stripped[:1]
    return [
        log_words,
        stop_share,
        capitalised,
        terminal,
        math.log1p(sentences),
        digit_count / size,
        symbol_count / size,
        1.0 if (first in _BULLET_STARTS or first.isdecimal()) and _BULLET.match(text) else 0.0,
        1.0 if words <= 3 else 0.0,
        1.0 if unspaced else 0.0,
        1.0 if ("http" in head or "www." in head or ".com" in head) else 0.0,
        # (\d is any decimal digit: only an ASCII head without one surely has no time; and
        # every time or date has a ":", "-" or "/")
        1.0
        if (digit_count or not ascii_head)
        and ("/" in head or ":" in head or "-" in head)
        and _CLOCK.search(head)
        else 0.0,
        1.0 if first.isalpha() and first.islower() else 0.0,
        stop_share * log_words,
        terminal * log_words,
        headline_start,
    ]


def content_words(tokens: Sequence[str], stop: frozenset[str]) -> frozenset[str]:
    """The words that carry a paragraph's topic: not stop words, not numbers, not tiny."""
    return frozenset(t for t in set(tokens) - stop if len(t) > 2 and not t.isdigit())


def contents(tokens: Sequence[Sequence[str]], stop: frozenset[str]) -> list[frozenset[str]]:
    """`content_words` of every paragraph of a document: the document's content words are
    chosen once, and each paragraph's are their intersection with its tokens (in C)."""
    distinct = set(chain.from_iterable(tokens)) - stop
    words = frozenset(t for t in distinct if len(t) > 2 and not t.isdigit())
    return [words.intersection(t) for t in tokens]


def cohesion(
    content: Sequence[frozenset[str]], prose: Sequence[bool], repeated: Sequence[bool]
) -> list[float]:
    """For each paragraph, the share of its content words that other prose paragraphs use.

    An article's paragraphs keep returning to its people, places and terms; the teasers of
    other stories, comments and promotions around it each talk about something else.
    """
    members = [prose[i] and not repeated[i] for i in range(len(content))]
    use = Counter(chain.from_iterable(compress(content, members)))
    # A member's own words are counted once in `use` (each paragraph's words are a set): its
    # words that others use are those counted twice or more; anyone else's, those counted.
    # Membership tests in C, not a Counter lookup (and its __missing__) per word.
    used = use.keys()
    shared = {w for w, n in use.items() if n > 1}
    out = []
    for words, member in zip(content, members, strict=True):
        if not words:
            out.append(0.0)
            continue
        others = shared if member else used
        out.append(sum(map(others.__contains__, words)) / len(words))
    return out


def document_features(
    paragraphs: Sequence[Paragraph],
    tokens: Sequence[Sequence[str]],
    stop: frozenset[str],
    boilerplate: Sequence[bool],
    repeated: Sequence[bool],
) -> list[list[float]]:
    """The feature vectors (in NAMES order) of every paragraph of a document.

    `tokens` are each paragraph's words (`words_of` its folded text), `boilerplate` marks
    paragraphs a phrase rule or a related-links list claimed, `repeated` those that occur more
    than once (both copies: a page repeats its menus and story teasers, rarely its article).
    """
    rows = [own_features(p.text, t, stop) for p, t in zip(paragraphs, tokens, strict=True)]
    count = len(rows)
    long_rows = sorted(r[1] for r in rows if r[0] >= math.log1p(15))
    typical_stop = long_rows[len(long_rows) // 2] if long_rows else 0.0
    longest = max((r[0] for r in rows), default=0.0) or 1.0
    last = max(count - 1, 1)
    limit = math.log1p(_SHORT_WORDS)
    short = [r[0] <= limit for r in rows]
    # Short paragraphs among the three before and the three after: running counts.
    shorts = list(accumulate(short, initial=0))
    for i, row in enumerate(rows):
        low, high = max(0, i - 3), min(count, i + 4)
        around = high - low - 1
        near = shorts[high] - shorts[low] - short[i]
        row.append(row[1] / typical_stop if typical_stop else 0.0)
        row.append(row[0] / longest)
        row.append(i / last)
        row.append(near / around if around else 0.0)
        row.append(1.0 if boilerplate[i] else 0.0)
        row.append(1.0 if repeated[i] else 0.0)
    return rows
