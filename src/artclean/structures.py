"""Structures of a page that a paragraph-by-paragraph reading misses: comment threads,
author boxes, cookie dialogs, scripts and an article's numbered list.

A comment reads like prose, and a thread of them under an article reads like more article.
What gives a thread away is its shape, in any language: the same short header again and
again, an author's name and a date or time ("Nick A" / "2 days ago at 07:47 am"), each
followed by a few paragraphs of text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from .lazy import pattern

# A date or a time as comment headers write them: 07:47, 18.11.2019, 2019-11-18,
# 18 November 2019, November 18, 2019, "2 days ago".
_WHEN = pattern(
    r"\b\d{1,2}[:.h]\d{2}\b(?:\s?(?:[ap]\.?m\b\.?|uhr\b))?"
    r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}\.? [^\W\d_]{3,12}\.? \d{4}\b"
    r"|\b[^\W\d_]{3,12}\.? \d{1,2},? \d{4}\b"
    r"|\b\d+ [^\W\d_]+ ago\b"
)
# A header line is short; an author's name on its own line is shorter still.
HEADER_WORDS = 14
NAME_WORDS = 4
# A thread has at least this many headers, each within this many paragraphs of the last.
THREAD_HEADERS = 3
THREAD_GAP = 8
# Short lines just above the first header ("Top Rated Comments", "[ 167 comments ]") belong
# to the thread.
THREAD_TITLE_LINES = 3
TITLE_WORDS = 6


def comment_headers(texts: Sequence[str]) -> list[tuple[int, str]]:
    """Paragraphs that open a comment, with the shape of their header.

    A header is a short dated line, with the author's name above it when it stands on a line
    of its own (the header then starts at the name). Its shape is what is left of the dated
    line without the date, the time, capitalised words (names) and a list item's marker:
    "says: at", "Rating", "" for a bare date under a name. A thread repeats one shape; a
    byline over an "Updated:" line, or tweets signed with different handles, do not.
    """
    headers = []
    for i, text in enumerate(texts):
        # Cheapest test first: a paragraph of prose ends as a sentence, and is not split.
        if _closed(text) or not 0 < len(text.split()) <= HEADER_WORDS or not _WHEN.search(text):
            continue
        # A list item's marker is layout: a Markdown page lists a live blog's entries ("* 19:29
        # Jane Doe") as items. (A marker inside the line, "Jane Doe · 3 hours ago", stays.)
        body = _BULLETED.sub("", text.lstrip())
        shape = " ".join(w for w in _WHEN.sub(" ", body).split() if not w[:1].isupper())
        above = texts[i - 1] if i else ""
        named = i > 0 and 0 < len(above.split()) <= NAME_WORDS and not _WHEN.search(above)
        if named and not _closed(above):
            headers.append((i - 1, "name/" + shape))
        elif shape:
            headers.append((i, shape))
    return headers


def comment_thread(texts: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """The comment thread that starts inside paragraphs start..end, if any: (first, last).

    Headers of one shape, at least THREAD_HEADERS of them, each comment between two of them
    two to THREAD_GAP paragraphs long. The thread runs from its title lines to the end of the
    span, or past it to the end of its last comment: the span is an article's region, and
    what follows the comments in it is more of them (a reply form, a pager). The article must
    come first.
    """
    runs: dict[str, list[int]] = {}
    best: list[int] = []
    for index, shape in comment_headers(texts[start:]):
        run = runs.setdefault(shape, [])
        if run and not 2 <= index - run[-1] <= THREAD_GAP:
            run.clear()
        run.append(index)
        if len(run) > len(best) and run[0] <= end - start:
            best = list(run)
    if len(best) < THREAD_HEADERS:
        return None
    first = start + best[0]
    while first > start and start + best[0] - first < THREAD_TITLE_LINES:
        above = texts[first - 1]
        if not 0 < len(above.split()) <= TITLE_WORDS or _closed(above):
            break
        first -= 1
    if first == start:
        return None
    comment = min(b - a for a, b in itertools.pairwise(best))
    return first, min(len(texts) - 1, max(end, start + best[-1] + comment - 1))


def _closed(text: str) -> bool:
    """Ends as a sentence does: a line of the article, not a header."""
    return text.rstrip().endswith((".", "!", "?", "\u3002"))


# An author box's biography is a paragraph of prose under its heading, naming its subject
# among its first words; the article above it has at least two paragraphs of prose, and at
# most one follows the box.
BIO_WORDS = 12
BIO_NAME_WITHIN = 30
PROSE_WORDS = 25
NAME_MAX_WORDS = 4
# A byline is a short line; a biography is one of the last two paragraphs of prose.
BYLINE_WORDS = 8
BIO_LAST = 2


@lru_cache(maxsize=1)
def _structure_words() -> dict[str, list[str]]:
    """The words of data/structures.toml."""
    import tomllib  # here, not at the top: only page dumps read this file

    path = resources.files("artclean").joinpath("data", "structures.toml")
    data: dict[str, list[str]] = tomllib.loads(path.read_text(encoding="utf-8"))
    return data


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# The bullet a text dump or Markdown writes before a list item: "* About Jane Doe".
_BULLETED = re.compile(r"^[*+•-]\s+")


@lru_cache(maxsize=1)
def _author_heading() -> re.Pattern[str]:
    """The heading "About Jane Doe" in the languages of data/structures.toml; `name` is hers."""
    about = _alternation(_structure_words()["about"])
    name = rf"[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){{0,{NAME_MAX_WORDS - 1}}}"
    return re.compile(rf"(?i:{about})(?:\s+|(?<=['’]))(?P<name>{name})")


def author_boxes(texts: Sequence[str], kept: Sequence[bool]) -> list[tuple[int, int]]:
    """Author boxes at the end of an article: (heading, biography) pairs.

    A heading is "About" and a name, written as names are (first and last words
    capitalised), alone on its line or as a list item (a link in Markdown); the biography
    is the next paragraph of prose and names the same subject among its first words. A page
    about a person opens with such a pair, so a box counts only after two paragraphs of the
    article (`kept`) and before at most one.
    """
    prose = [k and len(t.split()) >= PROSE_WORDS for k, t in zip(kept, texts, strict=True)]
    before = list(itertools.accumulate(prose, initial=0))
    boxes = []
    for h, text in enumerate(texts):
        found = _author_heading().fullmatch(_BULLETED.sub("", text.strip()).rstrip(":"))
        if not found or before[h] < 2:
            continue
        name = found["name"].split()
        if not (name[0][0].isupper() and name[-1][0].isupper()):
            continue
        bio = next((j for j in range(h + 1, min(h + 3, len(texts))) if texts[j].strip()), None)
        if bio is None or len(texts[bio].split()) < BIO_WORDS or before[-1] - before[bio + 1] > 1:
            continue
        opening = [w.strip(".,;:!?()\"'’") for w in texts[bio].split()[:BIO_NAME_WITHIN]]
        if name[-1].strip(".,") in opening:
            boxes.append((h, bio))
    return boxes


@lru_cache(maxsize=1)
def _bio_opening() -> re.Pattern[str]:
    """A paragraph that opens with a name and a verb: "Jane Doe is …", "Jane is …"."""
    verbs = _alternation(_structure_words()["verbs"])
    word = r"[^\W\d_][\w'’.-]*"
    return re.compile(rf"(?P<name>{word}(?: {word}){{0,2}}) (?:{verbs})\b")


@lru_cache(maxsize=1)
def _by() -> re.Pattern[str]:
    """The word that opens a byline: "By", "Von", "Veröffentlicht von" …"""
    return re.compile(rf"(?i:{_alternation(_structure_words()['by'])})\b")


def byline_bios(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The writer's biography among the last BIO_LAST paragraphs of prose the article keeps.

    It opens with a name written as names are and a verb ("Jane Doe is a professor …"), and
    a byline on the page gives that name ("By Jane Doe"; for "Jane is …", "By Jane Doe").
    An article's own paragraph about a person opens the same way, but no byline names them.
    """
    prose: list[int] = []  # the last BIO_LAST, sought from the end
    for i in range(len(kept) - 1, -1, -1):
        if kept[i] and len(texts[i].split()) >= BIO_WORDS:
            prose.insert(0, i)
            if len(prose) == BIO_LAST:
                break
    if not prose:
        return []
    by = _by()
    # The anchored word first: it rules out most paragraphs before their words are split.
    bylines = [t for t in texts if by.match(t) and 0 < len(t.split()) <= BYLINE_WORDS]
    found = []
    for i in prose:
        opening = _bio_opening().match(texts[i])
        if not opening:
            continue
        name = opening["name"].split()
        if not all(w[0].isupper() for w in name):
            continue
        full = re.escape(" ".join(name)) + (r" [^\W\d_]" if len(name) == 1 else r"\b")
        if any(re.match(rf"{by.pattern}\s*:?\s+{full}", line) for line in bylines):
            found.append(i)
    return found


# A script's text is one long line (SCRIPT_CHARACTERS or more, no line break) with
# SCRIPT_MARKERS of the marks of code in data/structures.toml, brackets and operators
# (_CODE_CHARACTERS) at least SCRIPT_DENSITY of its characters that are not spaces, and
# spaces under SCRIPT_SPACES of its characters: minified code has few. Prose about code, and
# code an article shows a statement a line, have a space every six to eight characters.
SCRIPT_CHARACTERS = 80
SCRIPT_MARKERS = 4
SCRIPT_DENSITY = 0.04
SCRIPT_SPACES = 0.08
_CODE_CHARACTERS = "{}[]();=<>\\"


def script_lines(texts: Sequence[str]) -> list[int]:
    """Paragraphs that are a page's script or style sheet, kept by a scraper as text.

    A line of minified JavaScript or JSON is long and has many words, which a page's
    article has too; but no article's sentence is made of brackets, semicolons and the
    marks of code ("function(", "document.", "\":\"").
    """
    markers = _structure_words()["script"]
    found = []
    for i, text in enumerate(texts):
        if len(text) < SCRIPT_CHARACTERS or not ("{" in text or ";" in text) or "\n" in text:
            continue
        spaces = text.count(" ")
        if spaces >= SCRIPT_SPACES * len(text):
            continue
        if sum(marker in text for marker in markers) < SCRIPT_MARKERS:
            continue
        if sum(map(text.count, _CODE_CHARACTERS)) >= SCRIPT_DENSITY * (len(text) - spaces):
            found.append(i)
    return found


# A gallery's counters ("Image 2 of 5") number its pictures 1, 2, 3 … of one total, at
# most GALLERY_GAP paragraphs apart; there are GALLERY_COUNTERS of them or more. A caption may
# follow on the counter's line, opening with a capital ("2 of 4 A shopper looks at …"); a
# counter that stands alone has its caption in the next paragraph, at most CAPTION_WORDS
# long, when each alone counter has one.
GALLERY_COUNTERS = 2
GALLERY_GAP = 4
CAPTION_WORDS = 40


@lru_cache(maxsize=1)
def _counter() -> re.Pattern[str]:
    """A picture's counter: "Image 2 of 5", "Bild 2/10" (a slash only after such a word, as
    a recipe's "1/4 cup" has one too), "2 of 5"; and what follows on its line."""
    words = _structure_words()
    opening, of = _alternation(words["gallery"]), _alternation(words["gallery_of"])
    return re.compile(
        rf"(?:(?i:{opening}) (?P<n>\d{{1,3}}) ?(?:(?i:{of})|/) ?(?P<m>\d{{1,3}})"
        rf"|(?P<bare>\d{{1,3}}) (?i:{of}) (?P<total>\d{{1,3}}))(?:$|\s+(?P<next>\S))"
    )


@lru_cache(maxsize=1)
def _gallery_openings() -> tuple[str, ...]:
    return tuple(word.casefold() + " " for word in _structure_words()["gallery"])


def gallery_captions(texts: Sequence[str]) -> list[int]:
    """A page's galleries (`texts` as written): their counters, and the captions of the
    counters that stand alone."""
    counter, openings = _counter(), _gallery_openings()
    galleries: dict[str, list[int]] = {}
    captioned: set[int] = set()
    numbers: dict[int, int] = {}
    for i, text in enumerate(texts):
        line = _BULLETED.sub("", text.strip())
        # Most paragraphs open with neither a number nor a gallery word: skip the pattern.
        if not (line[:1].isdigit() or line[:12].casefold().startswith(openings)):
            continue
        found = counter.match(line)
        if not found:
            continue
        number, total = found["n"] or found["bare"], found["m"] or found["total"]
        following = found["next"]
        if following and following[0].islower():
            continue  # "2 of 10 residents said …": a sentence, not a caption
        galleries.setdefault(total, []).append(i)
        numbers[i] = int(number)
        if following:
            captioned.add(i)
    out: list[int] = []
    for counters in galleries.values():
        if len(counters) < GALLERY_COUNTERS:
            continue
        if [numbers[i] for i in counters] != list(range(1, len(counters) + 1)):
            continue
        if any(b - a > GALLERY_GAP for a, b in itertools.pairwise(counters)):
            continue
        out += counters
        alone = [i for i in counters if i not in captioned]
        captions = [
            next((j for j in range(i + 1, len(texts)) if texts[j].strip()), -1) for i in alone
        ]
        if all(
            j >= 0 and j not in numbers and len(texts[j].split()) <= CAPTION_WORDS for j in captions
        ):
            out += captions
    return sorted(out)


# A page may carry its article twice: as paragraphs, and run together into one block (the
# body of its metadata). Such a block has JOINED_WORDS words or more, and JOINED_SHARE of its
# runs of JOINED_RUN words are found in the paragraphs it joins, each at most half as long.
JOINED_WORDS = 150
JOINED_RUN = 5
JOINED_SHARE = 0.7


def joined_copies(
    tokens: Sequence[Sequence[str]], kept: Sequence[bool]
) -> list[tuple[int, list[int]]]:
    """Kept paragraphs that repeat other kept paragraphs run together, each with the
    paragraphs it repeats (those with most of their runs in it), in order."""

    def runs(words: Sequence[str]) -> set[tuple[str, ...]]:
        return {tuple(words[k : k + JOINED_RUN]) for k in range(len(words) - JOINED_RUN + 1)}

    long = [i for i, k in enumerate(kept) if k and len(tokens[i]) >= JOINED_WORDS]
    if not long:
        return []
    pieces = {i: runs(tokens[i]) for i, k in enumerate(kept) if k and len(tokens[i]) >= JOINED_RUN}
    # Shortest first: the paragraphs at most half as long as a block only grow in number, so
    # their runs are gathered once, not again for every long paragraph.
    by_length = sorted(pieces, key=lambda j: len(tokens[j]))
    gathered: set[tuple[str, ...]] = set()
    parts = 0  # by_length[:parts] are gathered
    found = []
    for i in sorted(long, key=lambda j: len(tokens[j])):
        while parts < len(by_length) and 2 * len(tokens[by_length[parts]]) <= len(tokens[i]):
            gathered |= pieces[by_length[parts]]
            parts += 1
        whole = pieces[i]
        if len(whole & gathered) < JOINED_SHARE * len(whole):
            continue
        repeated = sorted(
            j for j in by_length[:parts] if 2 * len(pieces[j] & whole) > len(pieces[j])
        )
        if repeated:
            found.append((i, repeated))
    return sorted(found)


# A cookie dialog's short lines are buttons and headings ("OK", "Einstellungen", "Notwendige
# Cookies"); it ends after DIALOG_GAP paragraphs that neither name cookies nor are short.
DIALOG_SHORT_WORDS = 4
DIALOG_GAP = 2


@lru_cache(maxsize=1)
def _cookie() -> re.Pattern[str]:
    return re.compile(_alternation(_structure_words()["cookie"]), re.IGNORECASE)


def cookie_dialogs(texts: Sequence[str], anchors: Sequence[int]) -> list[int]:
    """The paragraphs of the cookie dialogs around the lines in `anchors` (found by cookie
    phrase rules): those that name cookies, and the short lines between them.

    A rule recognises the dialog's opening ("This website uses cookies"); the paragraphs that
    explain each kind of cookie read like prose, and a long dialog can outweigh a short
    article. Naming cookies (data/structures.toml) is what they share.
    """
    cookie = _cookie()
    # Read only around the anchors, each paragraph once: a dialog is a few lines of a page.
    names: dict[int, bool] = {}

    def named(k: int) -> bool:
        known = names.get(k)
        if known is None:
            known = names[k] = cookie.search(texts[k]) is not None
        return known

    found: set[int] = set()
    for anchor in anchors:
        if anchor in found:
            continue
        ends = []
        for step in (-1, 1):
            last = anchor
            k, misses = anchor + step, 0
            while 0 <= k < len(texts) and misses < DIALOG_GAP:
                if named(k):
                    last, misses = k, 0
                elif not 0 < len(texts[k].split()) <= DIALOG_SHORT_WORDS:
                    misses += 1
                k += step
            ends.append(last)
        found.update(range(ends[0], ends[1] + 1))
    return sorted(found)


# An item of a numbered list: "1) Lego Star Wars …", "2. Polistil …", "#3 …", "b) …",
# after an optional bullet a text dump writes before it, or as a Markdown heading the way
# html2text writes one ("## 2\. Polistil …": it escapes the dot); or a row of a ranking
# table, its rank before a name and more numbers in the columns after ("1 Kyle Busch 5040").
# A heading takes numbers and letters only with their mark ("## 2. …", "## b) …"): "## 10
# things to do in 2020" is a title, not a table's row.
_NUMBERED = re.compile(
    r"[*o+•-]?\s*(?:#?(\d{1,3})(?:\\?[.):]\s+\S|\s+[^\W\d_][^\d\n]*\d)|\(?([a-z])\)\s+\S)"
    r"|#{1,6}\s*(?:(\d{1,3})\\?[.):]|\(?([a-z])\))\s+\S"
)
# Items of an article's list follow one another within this many paragraphs (links, prices
# and pictures between them); a list has at least LIST_ITEMS of them.
LIST_GAP = 4
LIST_ITEMS = 3


def numbered_lists(
    texts: Sequence[str], region: tuple[int, int], claimed: Sequence[bool]
) -> list[int]:
    """The items of numbered lists ("1) …", "2) …", …, LIST_ITEMS or more) that open inside
    the article's `region` or within LIST_GAP paragraphs after it.

    A list of products or places that an article counts off reads like a menu, line by
    line; its numbers, one after another, say it is one list, as a menu's lines never are.
    A "most read" list after an article is counted too, but under a header a rule claims.
    """
    first, last = region
    numbers = [_number(text) for text in texts]
    found: list[int] = []
    end = min(last + LIST_GAP + 1, len(texts))
    for opening in (i for i in range(first, end) if numbers[i] == 1 and not claimed[i]):
        if opening > last and any(claimed[last + 1 : opening]):
            continue
        items = [opening]
        while True:
            after = range(items[-1] + 1, min(items[-1] + LIST_GAP + 1, len(texts)))
            wanted = len(items) + 1
            step = next((j for j in after if numbers[j] == wanted), None)
            if step is None or claimed[step]:
                break
            items.append(step)
        if len(items) >= LIST_ITEMS:
            found += items
    return found


# A line of a recipe's ingredients opens with a quantity: "125 g Mehl", "1½ cups rice",
# "2-3 EL Öl". A list of them holds QUANTITY_LINES such lines or more, and lies inside the
# article's region or within LIST_NEAR paragraphs of it, before (recipes put the ingredients
# above the method) or after, or further away with at most LIST_APART words between.
_QUANTITY = re.compile(r"(?:\d+(?:[.,/]\d+)?|\d*[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d+)?\s")
QUANTITY_LINES = 4
QUANTITY_WORDS = 12
QUANTITY_GAP = 2
LIST_NEAR = 12
LIST_APART = 60


def ingredient_lists(
    texts: Sequence[str], region: tuple[int, int], claimed: Sequence[bool]
) -> list[int]:
    """The lines of ingredient lists next to the article: short lines opening with a
    quantity (see _QUANTITY), at most QUANTITY_GAP other short lines apart, with the
    headings and plain items ("Salt") among them.

    An ingredient line reads like a menu's, but a menu's lines never open with amounts. In
    Markdown (html2text) each is a list item: "* 250 g flour"."""
    texts = [_BULLETED.sub("", text) for text in texts]
    found: list[int] = []
    group: list[int] = []  # quantity lines, each near the one before

    def close() -> None:
        # Counters ("273 Posts"), contents ("1 History") and rankings open with numbers too.
        if len(group) < QUANTITY_LINES or sum(_measured(texts[i]) for i in group) * 2 < len(group):
            return
        if _beside(texts, claimed, group, region):
            span = range(group[0], group[-1] + 1)
            found.extend(i for i in span if not claimed[i])
            heading = group[0] - 1
            if heading >= 0 and texts[heading].endswith(":") and not claimed[heading]:
                found.append(heading)

    for i, text in enumerate(texts):
        if claimed[i] or not text.strip():
            continue
        if len(text.split()) > QUANTITY_WORDS:  # a paragraph of prose ends the list
            close()
            group = []
        elif _QUANTITY.match(text):
            if group and i - group[-1] > QUANTITY_GAP + 1:
                close()
                group = []
            group.append(i)
    close()
    return sorted(set(found))


def _beside(
    texts: Sequence[str], claimed: Sequence[bool], group: Sequence[int], region: tuple[int, int]
) -> bool:
    """Whether a list lies in the region or next to it: at most LIST_NEAR paragraphs
    before or after it, or with no more than LIST_APART words of unclaimed text between
    (a recipe's nutrition table, its times)."""
    first, last = region
    if group[0] <= last and group[-1] >= first:
        return True
    between = range(group[-1] + 1, first) if group[-1] < first else range(last + 1, group[0])
    if len(between) <= LIST_NEAR:
        return True
    words = 0
    for i in between:
        if not claimed[i]:
            words += len(texts[i].split())
            if words > LIST_APART:
                return False
    return True


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(u.casefold() for u in _structure_words()["units"])


def _measured(text: str) -> bool:
    """Whether a line opens with an amount in a unit ("250 g", "2 EL") or a fraction."""
    words = text.split()
    return any(c in "½¼¾⅓⅔⅛/" for c in words[0]) or (
        len(words) > 1 and words[1].casefold().rstrip(".") in _units()
    )


def _number(text: str) -> int | None:
    found = _NUMBERED.match(text)
    if found is None:
        return None
    letter = found[2] or found[4]
    if letter:
        return ord(letter) - ord("a") + 1
    return int(found[1] or found[3])
