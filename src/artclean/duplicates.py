"""Find paragraphs that repeat an earlier one: exactly, nearly, or as a truncated teaser.

Candidates come from the MinHash index in `fingerprint`; rapidfuzz verifies each candidate on
the comparable forms (rapidfuzz applies no normalisation of its own unless told to). Its
`ratio` is a normalised Indel similarity; a teaser cut from a longer paragraph is scored
against that paragraph's opening. `token_set_ratio` is deliberately not
used: it scores 100 whenever one text's words are a subset of the other's.

Verified pairs join paragraphs into classes of copies of one text. Each class keeps one copy,
at the position of its first occurrence: the first copy itself, or, when that is a truncated
teaser or a later copy is clearly more complete, the fullest copy's text. `scraping_repeats`
then tells the repeats a scraper makes from those a writer meant.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import ModuleType

from .fingerprint import CandidateIndex, sketch
from .normalize import Comparable
from .records import maker

# Texts of fewer words are compared exactly: "Step 1" and "Step 2" are different lines.
FUZZY_MIN_WORDS = 5
# Texts without spaces (Chinese, Japanese, Thai) are measured in characters instead.
FUZZY_MIN_CHARS = 16
# Longer texts are compared exactly. Verifying a pair costs about the product of their
# lengths (two 1 MB paragraphs take 20 s) and sketching one holds all its shingles; the
# longest paragraph in the development benchmark has 2,071 characters.
FUZZY_MAX_CHARS = 10_000
# A short line's words differ from the line before it by a typo only in words this long.
FUZZY_TYPO_LETTERS = 6
# A later copy at least this much longer is the more complete text.
FULLER_RATIO = 1.05
# A repeated paragraph shorter than this is a duplicate only inside a repeated block: written
# text repeats short labels ("Photo:", "Step 1", a heading) on purpose.
SUBSTANTIAL_WORDS = 5
# A text with this many copies is part of the document's structure, not a scraping repeat.
RECURRING = 4
_DIGITS = re.compile(r"\d+")
# Words of a paragraph's opening that find it for a teaser cut from it.
_OPENING_WORDS = 4
# Paragraphs remembered per opening: bounded, like the MinHash buckets, to stay linear.
_OPENING_CAP = 4


@dataclass(frozen=True, slots=True)
class Match:
    """A verified pair: paragraph `later` repeats paragraph `earlier`."""

    later: int
    earlier: int


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Paragraph `index` is a copy of paragraph `of`, the copy that is kept.

    When `moved` is set, `index` is the first occurrence and `of` a later, fuller copy whose
    text is shown at `index`'s position.
    """

    index: int
    of: int
    similarity: float
    rule: str  # "exact", "near" or "teaser"
    moved: bool = False


# Constructors of the records made for every copy (see records.py).
_make_match = maker(Match)
_make_duplicate = maker(Duplicate)


@lru_cache(maxsize=32)
def number_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Numbers written as words, and month and weekday names, in the given languages
    (data/number-words.txt).

    Per language: Italian "due" is two, English "due" is not.
    """
    path = resources.files("artclean").joinpath("data", "number-words.txt")
    words: dict[str, list[str]] = {}
    language = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and len(line.split()) == 2:
            language = line.split()[1]
        elif line and not line.startswith("#"):
            words.setdefault(language, []).extend(line.split())
    return frozenset(w for code in languages for w in words.get(code, ()))


def _numbers(text: str, words: frozenset[str], memo: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The numbers of a text, in digits or in words ("one", "second", "zwei").

    Remembered in `memo`, one per document's search, as a paragraph is compared with each of
    its candidates: a cache shared by all documents kept the texts of a small document from
    one search to the next but missed on a large one, so that 100,000 paragraphs cost 15
    times what 10,000 did.
    """
    found = memo.get(text)
    if found is None:
        digits = _DIGITS.findall(text)
        if words:
            found = (*digits, *(w for w in text.split() if w.strip(".,;:!?") in words))
        else:
            found = tuple(digits)
        memo[text] = found
    return found


def _fuzzy(text: str, words: Sequence[str] | None = None) -> bool:
    """Whether near copies of a text are sought: long enough to tell a typo from another
    text, short enough to verify, and with something to say (a separator, "*****", has only
    exact copies: one of another length is another separator, not a fuller copy).

    `words` are text.split(), if the caller has them already.
    """
    if len(text) > FUZZY_MAX_CHARS or not any(map(str.isalnum, text)):
        return False
    if words is None:
        words = text.split()
    if len(words) >= FUZZY_MIN_WORDS:
        return True
    return len(text) >= FUZZY_MIN_CHARS and len(text) > 12 * len(words)


@lru_cache(maxsize=1)
def scorers() -> ModuleType:
    """rapidfuzz's `fuzz` module, imported on first use: a document with no candidate copies
    (a line in a pipe, most files a pre-commit hook sees) never loads rapidfuzz."""
    from rapidfuzz import fuzz

    return fuzz


def similarity(
    a: Comparable,
    b: Comparable,
    threshold: float = 0.0,
    numbers: frozenset[str] = frozenset(),
    memo: dict[str, tuple[str, ...]] | None = None,
) -> float:
    """How alike two copies are: `ratio`, or against the opening when the shorter is a teaser.

    Copies made by scraping differ in quotes, spaces and typos, never in their numbers: two
    lines that differ in a price, a score, a date or a "one"/"two" (`numbers`: the number
    words of the document's languages) are different lines however similar, and score 0.
    `memo` keeps texts' numbers for the comparisons of one search.
    """
    if a.text == b.text:
        return 100.0
    shorter, longer = (a, b) if len(a.text) <= len(b.text) else (b, a)
    score = scorers().ratio(a.text, b.text, score_cutoff=threshold)
    if not score and shorter.teaser:
        score = _opening_ratio(shorter.text, longer.text, threshold)
    # The numbers are compared only for a pair alike enough: most candidates are not, and
    # rapidfuzz's verdict costs less than reading two texts' numbers.
    if score and not shorter.teaser:
        if memo is None:
            memo = {}
        if _numbers(a.text, numbers, memo) != _numbers(b.text, numbers, memo):
            return 0.0
    return float(score)


def _opening_ratio(teaser: str, full: str, threshold: float) -> float:
    """How well a teaser matches the opening of the text it was cut from.

    A teaser is its paragraph cut short, so it is compared with that paragraph's first
    len(teaser) characters. `partial_ratio` would search every window of the longer text, at
    a cost that grows with the cube of the teaser's length: a 3,000-character teaser took
    0.4 s a candidate, and a 78 kB page of them 8 s.
    """
    score: float = scorers().ratio(teaser, full[: len(teaser)], score_cutoff=threshold)
    return score


def _slipped_copy(text: str, previous: str, words: Sequence[str] | None = None) -> bool:
    """Whether a short line repeats the line before it with a typo in a word or two.

    Short lines are compared exactly ("Round 1", "Step two" differ on purpose), but a line
    right after itself with a letter swapped, dropped or changed ("Closeout sequence",
    "Cloesout sequecne") is a scraped copy. Only words of FUZZY_TYPO_LETTERS letters or more
    may differ, by one edit each: numbers, letters and short words ("Part A", "Part B";
    "Round 1", "Round 2"; "Step one", "Step two") never make a copy.
    """
    if text == previous:
        return False
    words, others = text.split() if words is None else words, previous.split()
    if len(words) != len(others) or _fuzzy(previous, others):
        return False
    return all(
        a == b or (len(a) >= FUZZY_TYPO_LETTERS and a.isalpha() and b.isalpha() and _one_edit(a, b))
        for a, b in zip(words, others, strict=True)
    )


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter swapped, dropped, added or changed apart."""
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > 1:
        return False
    start = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(b))
    if len(a) > len(b):
        return a[start + 1 :] == b[start:]
    rest_a, rest_b = a[start + 1 :], b[start + 1 :]
    swapped = a[start + 1 : start + 2] == b[start : start + 1] and a[start + 2 :] == b[start + 2 :]
    return rest_a == rest_b or (swapped and a[start] == b[start + 1])


def find_matches(
    items: Sequence[Comparable],
    threshold: float,
    numbers: frozenset[str] = frozenset(),
    memo: dict[str, tuple[str, ...]] | None = None,
) -> list[Match]:
    """Verified pairs of copies, each later paragraph matched to one earlier paragraph.

    Identical texts are found by a dictionary; others by MinHash candidates, of which at most
    a handful are verified, so a document of many copies of one text stays linear.
    """
    memo = {} if memo is None else memo
    first_copy: dict[str, int] = {}
    # Paragraphs by their first words, for teasers: one paragraph as itself, more as a tuple
    # (most openings have one; a list each would be a hundred thousand objects that the
    # garbage collector tracks in a long document).
    openings: dict[str, int | tuple[int, ...]] = {}
    index = CandidateIndex()
    found: list[Match] = []
    for i, item in enumerate(items):
        text = item.text
        if not text:
            continue
        original = first_copy.setdefault(text, i)
        if original != i:
            found.append(_make_match(i, original))
            if items[original].teaser and not item.teaser:
                # Later copies, exact or near, should match the full text, not the teaser.
                first_copy[text] = i
                words = text.split()
                if _fuzzy(text, words):
                    index.add(i, sketch(text, words=words))
            continue
        words = text.split()  # once, for the length test, the sketch and the opening
        if not _fuzzy(text, words):
            if i and _slipped_copy(text, items[i - 1].text, words):
                found.append(_make_match(i, i - 1))
            continue
        fingerprint = sketch(text, words=words)
        candidates = [j for j, _shared in index.candidates(fingerprint)]
        opening = " ".join(words[:_OPENING_WORDS])
        # A short teaser has too few shingles to share a sketch value with the long paragraph
        # it was cut from, before or after it; their opening words find each other instead.
        opened = openings.get(opening)
        known = () if opened is None else (opened,) if isinstance(opened, int) else opened
        candidates.extend(j for j in known if j not in candidates)
        # A full text beats a teaser as the match, whatever their scores; every earlier
        # teaser this paragraph contains is matched to it too.
        best, best_key = -1, (False, 0.0)
        for j in candidates:
            score = similarity(item, items[j], threshold, numbers, memo)
            if not score:
                continue
            if items[j].teaser and not item.teaser:
                found.append(_make_match(i, j))
            key = (not items[j].teaser, score)
            if key > best_key:
                best, best_key = j, key
        if best >= 0 and not (items[best].teaser and not item.teaser):
            found.append(_make_match(i, best))
        # A copy of an indexed text is not indexed again, so that the capped buckets and
        # openings keep room for the first copies of other texts; a text fuller than a teaser
        # is, even a longer teaser, which a full text may match where the shorter one cannot.
        if best < 0 or (
            items[best].teaser and (not item.teaser or len(item.text) > len(items[best].text))
        ):
            index.add(i, fingerprint)
        if len(known) < _OPENING_CAP and (best not in known or items[best].teaser):
            openings[opening] = (*known, i) if known else i
    return found


def copy_classes(
    items: Sequence[Comparable],
    matches: Sequence[Match],
    threshold: float,
    numbers: frozenset[str] = frozenset(),
    memo: dict[str, tuple[str, ...]] | None = None,
) -> dict[int, Duplicate]:
    """One verdict per copy to remove, from classes of paragraphs joined by verified pairs.

    A teaser joins the class of a paragraph it was cut from, but never bridges two classes
    of different full texts: "The council approved…" may be the start of two paragraphs.
    """
    memo = {} if memo is None else memo
    parent: dict[int, int] = {}
    full: dict[int, int] = {}  # per class root: its first full (non-teaser) text, or -1

    def root(x: int) -> int:
        if x not in parent:
            parent[x], full[x] = x, -1 if items[x].teaser else x
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for match in matches:
        a, b = root(match.later), root(match.earlier)
        later, earlier = items[match.later], items[match.earlier]
        if a == b:
            continue
        # A teaser could be the start of two different paragraphs: through a teaser, two
        # classes of full texts join only if those texts are copies of each other.
        bridge = later.teaser or earlier.teaser
        joins_two_texts = bridge and full[a] >= 0 and full[b] >= 0
        if joins_two_texts and not similarity(
            items[full[a]], items[full[b]], threshold, numbers, memo
        ):
            continue
        low, high = min(a, b), max(a, b)
        parent[high] = low
        firsts = [f for f in (full[low], full[high]) if f >= 0]
        full[low] = min(firsts) if firsts else -1
    classes: dict[int, list[int]] = {}
    for x in sorted(parent):
        classes.setdefault(root(x), []).append(x)

    verdicts: dict[int, Duplicate] = {}
    for members in classes.values():
        anchor = members[0]
        kept = _fullest(items, members, threshold)
        for member in members:
            if member == kept:
                continue
            rule = _rule(items[member], items[kept])
            score = round(similarity(items[member], items[kept], 0.0, numbers, memo), 1)
            verdicts[member] = _make_duplicate(member, kept, score, rule, member == anchor)
    return verdicts


def _fullest(items: Sequence[Comparable], members: Sequence[int], threshold: float) -> int:
    """The copy whose text a class shows: the first, unless a later one is clearly fuller.

    A full text beats any teaser. Otherwise fuller means longer and continuing the shown
    text: a copy that goes on where the first was cut off, not a near-copy that differs in a
    name ("vote for Olga" / "vote for Kristina").
    """
    best = members[0]
    for member in members[1:]:
        item, shown = items[member], items[best]
        if item.teaser and not shown.teaser:
            continue
        if (shown.teaser and not item.teaser) or (
            len(item.text) >= FULLER_RATIO * len(shown.text)
            and scorers().ratio(shown.text, item.text[: len(shown.text)], score_cutoff=threshold)
        ):
            best = member
    return best


def _rule(copy: Comparable, kept: Comparable) -> str:
    """A copy cut short by a teaser widget is a teaser, whatever it copies; it always goes."""
    if copy.teaser:
        return "teaser"
    return "exact" if copy.text == kept.text else "near"


def find_duplicates(
    items: Sequence[Comparable], threshold: float, numbers: frozenset[str] = frozenset()
) -> dict[int, Duplicate]:
    """Every paragraph that copies another, with the copy that is kept."""
    memo: dict[str, tuple[str, ...]] = {}  # texts' numbers, read once for both stages
    matches = find_matches(items, threshold, numbers, memo)
    return copy_classes(items, matches, threshold, numbers, memo)


def _runs(duplicates: Mapping[int, Duplicate]) -> list[list[int]]:
    """Maximal runs of consecutive copies that repeat consecutive paragraphs.

    Each copy may repeat any earlier member of its class, so a repeated block is found even
    when it holds a line that also occurs elsewhere (a "___" separator, a recurring label).
    """
    members: dict[int, set[int]] = {}
    for i, d in duplicates.items():
        members.setdefault(d.of, {d.of}).add(i)
    # Computed once per class: taking the min at each run start is quadratic in a class of
    # 100,000 copies of one line.
    first = {of: min(copies) for of, copies in members.items()}
    runs: list[list[int]] = []
    source = -2  # the paragraph the previous copy repeats
    for i in sorted(duplicates):
        d = duplicates[i]
        if runs and runs[-1][-1] == i - 1 and source + 1 < i and source + 1 in members[d.of]:
            runs[-1].append(i)
            source += 1
        else:
            runs.append([i])
            source = first[d.of]
    return runs


def _own_text(
    count: int,
    duplicates: Mapping[int, Duplicate],
    claimed: Set[int],
    words: Callable[[int], int],
) -> list[int]:
    """Prefix counts of paragraphs that will show the writer's own text of substance.

    Copies, claimed paragraphs and a fuller copy that moves to its teaser's place show none
    where they stand; the teaser's place shows the fuller copy's text.
    """
    shows = {
        d.index: d.of
        for d in duplicates.values()
        if d.moved and d.index not in claimed and d.of not in claimed
    }
    away = set(shows.values())

    def own(k: int) -> bool:
        if k in claimed or k in away:
            return False
        if k in shows:
            return words(shows[k]) >= SUBSTANTIAL_WORDS
        return k not in duplicates and words(k) >= SUBSTANTIAL_WORDS

    return list(itertools.accumulate((own(k) for k in range(count)), initial=0))


def _written(copies: Sequence[int], own: Sequence[int]) -> bool:
    """Whether a text recurring on a page is the writer's structure, not the page's repeats.

    The writer's own text stands between every two of its surviving copies, as an answer
    stands between an interview's questions, but for one pair (a question next to a menu);
    a page's repeated title or caption also stands side by side with itself.
    """
    gaps = list(itertools.pairwise(sorted(copies)))
    bare = sum(own[b] - own[a + 1] == 0 for a, b in gaps)
    return bare <= 1 and bare * 2 < len(gaps)


def _inner(run: Sequence[int], texts: Sequence[str]) -> Sequence[int]:
    """A run less the separators at its edges that divide it from what the writer wrote next.

    A separator at the end of the document, or next to another separator, goes with the run.
    """
    start, end = 0, len(run)
    while start < end and not texts[run[start]] and run[start] > 0 and texts[run[start] - 1]:
        start += 1
    while start < end and not texts[run[end - 1]] and run[end - 1] + 1 < len(texts):
        if not texts[run[end - 1] + 1]:
            break
        end -= 1
    return run[start:end]


def scraping_repeats(
    duplicates: Mapping[int, Duplicate],
    texts: Sequence[str],
    claimed: Set[int] = frozenset(),
    page: bool = False,
) -> dict[int, Duplicate]:
    """Keep the verdicts on repeats a scraper makes; drop those on repeats the writer meant.

    A text with RECURRING copies or more is part of the document's structure (the questions
    of an interview series, the headings of a meal plan): scrapers duplicate a passage once
    or twice, not four times, so its copies stay (a separator such as "___" recurs too, but
    its copies inside a repeated block go with the block). A short paragraph repeated alone
    is a label ("Photo:", "Step 1", a heading) and stays too, unless it belongs to a
    repeated block with a paragraph of substance or directly follows an identical copy of
    itself. A truncated teaser is always a scraping artefact.

    On a `page` dump, a text of substance recurs as structure only if the writer's own text
    stands between its copies (see `_written`); titles, captions and teasers a page repeats
    stand side by side.

    Copies are counted as they will stand after cleaning: teasers and paragraphs `claimed` by
    other rules go anyway and do not count, and a recurring text is never removed (a
    separator only with a block, and then by no count of its own), so cleaning the output
    again finds the same counts and changes nothing.
    """

    def words(i: int) -> int:
        count = len(texts[i].split())
        if len(texts[i]) > 12 * count:  # written without spaces: about two characters a word
            return len(texts[i]) // 2
        return count

    plain = {
        i: d
        for i, d in duplicates.items()
        if not d.moved and d.rule != "teaser" and i not in claimed
    }

    # A first copy that would show a fuller later copy's text is a copy where it stands too.
    showing = {
        i: d for i, d in duplicates.items() if d.moved and d.rule != "teaser" and i not in claimed
    }
    counted = {**plain, **showing}
    own = _own_text(len(texts), duplicates, claimed, words) if page else []

    def recurring_among(copies_of: Mapping[int, Duplicate]) -> set[int]:
        copies = Counter(d.of for d in copies_of.values())
        found = {of for of, count in copies.items() if count + (of not in claimed) >= RECURRING}
        if not page:
            return found
        # A page repeats its title, captions and teasers; an interview's questions recur too.
        members: dict[int, list[int]] = {}
        for i, d in copies_of.items():
            members.setdefault(d.of, [d.of] * (d.of not in claimed)).append(i)
        return {of for of in found if words(of) < SUBSTANTIAL_WORDS or _written(members[of], own)}

    recurring = recurring_among(counted)

    def substantial(run: Sequence[int]) -> bool:
        return len(run) > 1 and max(map(words, run)) >= SUBSTANTIAL_WORDS

    # A repeated block repeats paragraphs that do not recur by themselves, one of substance.
    # Separators ("___") have nothing to say and go with the block they are inside.
    candidates = {i: d for i, d in plain.items() if d.of not in recurring or not texts[i]}
    in_block: set[int] = set()
    for run in filter(substantial, _runs(candidates)):
        in_block.update(_inner(run, texts))
    # A recurring line (an embed's attribution) inside a passage repeated once goes with it:
    # a passage made mostly of text found once elsewhere is the scraper's repeat, one made
    # mostly of recurring lines is the writer's structure (a meal plan's days).
    widened = False
    for run in filter(substantial, _runs(plain)):
        once = sum(plain[i].of not in recurring for i in run)
        if once * 2 > len(run) and not in_block.issuperset(run):
            in_block.update(_inner(run, texts))
            widened = True
    if widened:  # copies that go with a block do not make their text recur
        recurring = recurring_among({i: d for i, d in counted.items() if i not in in_block})

    def stands(d: Duplicate) -> bool:
        if d.index in showing and d.of in recurring:
            return False  # structure stays as it was written, each copy in its place
        if d.index not in plain or d.index in in_block:
            return True
        if d.of in recurring:
            return False
        return words(d.index) >= SUBSTANTIAL_WORDS

    standing = {i for i, d in duplicates.items() if stands(d)}
    # "Claim" right after "Claim": nobody writes a line twice in a row. "Right after" is
    # counted in the output, past lines that go anyway, so a second cleaning agrees.
    moved = {d.index: d.of for d in duplicates.values() if d.moved and d.index in standing}
    # A first copy that shows a fuller copy's text stays, unless that text goes anyway.
    shown = {i for i, of in moved.items() if of not in claimed}
    gone = set(claimed) | (standing - shown) | set(moved.values())
    for i in sorted(plain):
        d = plain[i]
        if i in standing or d.rule == "teaser" or d.of in recurring or not texts[i]:
            continue  # a separator ("___", "…") with nothing to say goes only with a block
        before = i - 1
        while before in gone:
            before -= 1
        previous = duplicates.get(before)
        if before >= 0 and (previous.of if previous else before) == d.of:
            standing.add(i)
            gone.add(i)
    return {i: d for i, d in duplicates.items() if i in standing}
