"""Find the article in a whole-page text dump, from the text alone.

Each paragraph gets a prose probability from a logistic model over its features (`features`);
the model's weights are data (`data/classifier.json`), trained on the development benchmark by
`tests/bench/train_classifier.py`. The article is then the contiguous run of paragraphs that
maximises the summed evidence (probability minus a threshold, weighted by length): a long run
of prose outweighs menus around it, and an isolated prose-like line in a footer does not form
an article. Inside that run only paragraphs the model is sure are not prose are removed; outside
it, everything is, unless the model is nearly certain it is prose.

The classifier runs on whole-page dumps only: `looks_like_page` decides from page furniture
(menus, sign-in and share prompts, cookie notices) whether a document is one, so an already
clean article passes through untouched.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .boilerplate import Finding
from .features import NAMES, cohesion, contents, document_features, headline_start, word_count
from .records import maker
from .segment import Paragraph
from .structures import (
    author_boxes,
    byline_bios,
    comment_thread,
    ingredient_lists,
    joined_copies,
    numbered_lists,
)

# Phrase-rule kinds that only page furniture has; an article has at most one such line.
FURNITURE = frozenset({"navigation", "share", "subscribe", "cookie", "comments", "advertisement"})
PAGE_FURNITURE_LINES = 2
# Kinds an article may carry one of (a byline, a copyright line, a photo credit), but a page
# carries several of: two kinds and three lines together mark a page.
PAGE_KINDS = FURNITURE | {"legal", "caption", "boilerplate"}
# A footer's legal links ("Impressum", "Datenschutz", "AGB", a copyright line) after the prose
# mark a page on their own: an article carries one copyright line (none of the dev sets'
# clean articles or duplication cases has more than two legal lines anywhere).
PAGE_LEGAL_LINES = 3
# Menus alone give a page dump dozens of lines; an article with a share row has a handful.
PAGE_PARAGRAPHS = 12
# A page's shape: a block of _MENU_RUN short lines, and _MENU_LINES_AROUND such lines before the
# first or after the last paragraph of _PROSE_WORDS words or more. Lower figures find more
# pages but also the lists a cleaned page keeps, and cleaning must change nothing the second time.
_MENU_WORDS = 4
_MENU_RUN = 15
_MENU_LINES_AROUND = 20
_PROSE_WORDS = 25
# A short line that ends as a sentence or a quotation does ("…”", German "…“", "…‘", "…«", "…‹")
# is no menu item.
_CLOSING = tuple('.!?:"\u201d\u201c\u2018\u00ab\u2039\u3002\uff01\uff1f')
# A paragraph of at least this many words (log1p) can anchor the article's vocabulary.
_PROSE_LOG_WORDS = math.log1p(8)
_CLAIMED = NAMES.index("boilerplate_phrase")
_TERMINAL = NAMES.index("terminal")
_LOG_WORDS = NAMES.index("log_words")
_STOP_RELATIVE = NAMES.index("stop_relative")
_BULLET = NAMES.index("bullet")
_LOWERCASE_START = NAMES.index("lowercase_start")
_CAPITALISED = NAMES.index("capitalised")
_HALF_LOG_WORDS = math.log1p(3)  # a sentence's first half: three words or more
# A sentence: five words or more, with at least half the document's usual share of stop words.
_SENTENCE_LOG_WORDS = math.log1p(5)
_SENTENCE_STOP_RELATIVE = 0.5
# Paragraphs the article may grow by on each side.
_GROWTH = 2
# This many paragraphs in a row that the model reads as no prose are a block of furniture (a
# menu, a tag list) inside the article region, judged as if outside it.
_FURNITURE_RUN = 4
# A stretch of prose before or after the article region belongs to the article too when its
# evidence is at least this share of the region's (chosen on the dev sets' cross-validated
# figures: 0.5 kept more article text without keeping more furniture; 0.3 and below did).
_FURTHER_SHARE = 0.5
# A comment thread may start this many paragraphs after the article region (a "3 Comments"
# title, a comment policy): the model often ends the region before it, rightly.
_THREAD_AFTER = 6
# A run of this many kept paragraphs, each opening like a headline (this share of its second
# to seventh words capitalised), with at most _HEADLINE_GAP removed paragraphs between two of
# them, is a list of other stories, each headline run into its teaser ("Ford Recalls F-150s;
# Loose Cable Can Cause Stalling Or Fires Ford is recalling ..."): no article is written so.
# On both dev sets such runs held no article text.
_HEADLINE_RUN = 3
_HEADLINE_START = 0.67
_HEADLINE_GAP = 1
_HEADLINE = NAMES.index("headline_start")


SECOND = ("cohesion",)
_make_finding = maker(Finding)  # (see records.py: a page makes one for most paragraphs)


@dataclass(frozen=True, slots=True)
class Stage:
    weights: tuple[float, ...]
    bias: float


@dataclass(frozen=True, slots=True)
class Model:
    """Two logistic stages: paragraph features, then those plus the paragraph's context."""

    first: Stage  # over features.NAMES
    second: Stage  # over features.NAMES + SECOND
    region_threshold: float  # evidence per paragraph is probability minus this
    keep_inside: float  # inside the article, keep at or above this probability
    keep_outside: float  # outside it, keep only at or above this one


@lru_cache(maxsize=1)
def model() -> Model:
    import json  # here, not at the top: a short document never needs the model

    path = resources.files("artclean").joinpath("data", "classifier.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != NAMES or tuple(data["second_features"]) != SECOND:
        raise ValueError("data/classifier.json was trained on other features; retrain it")
    return Model(
        first=Stage(tuple(map(float, data["first"]["weights"])), float(data["first"]["bias"])),
        second=Stage(tuple(map(float, data["second"]["weights"])), float(data["second"]["bias"])),
        region_threshold=float(data["region_threshold"]),
        keep_inside=float(data["keep_inside"]),
        keep_outside=float(data["keep_outside"]),
    )


@dataclass(frozen=True, slots=True)
class PageInputs:
    """What the classifier reads of a page."""

    rows: list[list[float]]  # features.NAMES per paragraph
    content: list[frozenset[str]]  # content words per paragraph
    repeated: list[bool]


def looks_like_page(findings: Sequence[Finding], paragraphs: Sequence[Paragraph]) -> bool:
    """Whether a document is a whole-page dump, by its furniture or by its shape.

    Furniture: lines that phrase rules recognise (menus, sign-in, share and cookie lines,
    several kinds of page metadata, or a footer's legal links). Shape, in any language: prose
    framed by menus, that is a block of short lines without sentence punctuation, and many
    such lines before the first or after the last paragraph of prose. An article has its
    lists inside, not around it.
    """
    if len(paragraphs) < PAGE_PARAGRAPHS:
        return False
    furniture = sum(f.kind in FURNITURE for f in findings)
    pageish = [f.kind for f in findings if f.kind in PAGE_KINDS]
    if furniture >= PAGE_FURNITURE_LINES or (len(set(pageish)) >= 2 and len(pageish) >= 3):
        return True
    return legal_footer(findings, paragraphs) or framed_by_menus([p.text for p in paragraphs])


def legal_footer(findings: Sequence[Finding], paragraphs: Sequence[Paragraph]) -> bool:
    """PAGE_LEGAL_LINES different legal lines after the last paragraph of prose: a footer.

    Counted after the prose, so that an explainer with "Privacy Policy" and "Terms of Use" as
    its subheadings is no page; counted once each, so that an article scraped three times
    with its copyright line is none either.
    """
    legal = [f.index for f in findings if f.kind == "legal"]
    if len(legal) < PAGE_LEGAL_LINES:
        return False
    prose = [i for i, p in enumerate(paragraphs) if word_count(p.text) >= _PROSE_WORDS]
    after = prose[-1] if prose else -1
    lines = {paragraphs[i].text.strip() for i in legal if i > after}
    return len(lines) >= PAGE_LEGAL_LINES


def framed_by_menus(texts: Sequence[str]) -> bool:
    """Prose with a menu's worth of short lines around it (see `looks_like_page`)."""
    words = [word_count(text) for text in texts]
    short = [
        w <= _MENU_WORDS and not text.rstrip().endswith(_CLOSING)
        for w, text in zip(words, texts, strict=True)
    ]
    prose = [i for i, w in enumerate(words) if w >= _PROSE_WORDS]
    if not prose:
        return False
    around = sum(short[: prose[0]]) + sum(short[prose[-1] + 1 :])
    longest = run = 0
    for is_short in short:
        run = run + 1 if is_short else 0
        longest = max(longest, run)
    return longest >= _MENU_RUN and around >= _MENU_LINES_AROUND


def probabilities(rows: Sequence[Sequence[float]], stage: Stage) -> list[float]:
    """A stage's probability that each paragraph is article prose."""
    weights, bias = stage.weights, stage.bias
    out = []
    for row in rows:
        z = bias + sum(map(operator.mul, weights, row))
        out.append(1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0)
    return out


def main_region(
    probability: Sequence[float],
    sizes: Sequence[float],
    threshold: float,
    neutral: Sequence[bool],
) -> tuple[int, int]:
    """The contiguous run with the most evidence of prose; (0, -1) if there is none.

    Evidence is (probability - threshold) * log(1 + words): Kadane's maximum-sum subarray.
    `neutral` paragraphs (already claimed by a phrase rule: a share row, an advertisement
    label inside the article) give no evidence either way, so they do not split an article.
    """
    best = current = 0.0
    start = 0
    region = (0, -1)
    for i, (p, size) in enumerate(zip(probability, sizes, strict=True)):
        evidence = _gain(p, size, threshold, neutral[i])
        if current <= 0:
            current, start = evidence, i
        else:
            current += evidence
        if current > best:
            best, region = current, (start, i)
    return region


def _gain(probability: float, size: float, threshold: float, neutral: bool) -> float:
    """One paragraph's evidence of prose: (probability - threshold) * log(1 + words)."""
    return 0.0 if neutral else (probability - threshold) * math.log1p(size)


@dataclass(frozen=True, slots=True)
class Verdicts:
    """The classifier's view of a page: prose probabilities, the article, what to keep."""

    probability: list[float]
    article: tuple[int, int]  # first and last paragraph index; (0, -1) when none was found
    keep: list[bool]
    # Further stretches of the article: prose beyond a gallery or a box (see _further), a
    # lead or last paragraph past a few short lines (see _lead_or_last).
    more: tuple[tuple[int, int], ...] = ()


def second_rows(inputs: PageInputs, first: Sequence[float]) -> list[list[float]]:
    """The second stage's rows: the features, and cohesion with the likely prose."""
    together = _cohesion(inputs, first)
    return [[*row, together[i]] for i, row in enumerate(inputs.rows)]


def _cohesion(inputs: PageInputs, first: Sequence[float]) -> list[float]:
    rows = inputs.rows
    prose = [p >= 0.5 and row[0] >= _PROSE_LOG_WORDS for p, row in zip(first, rows, strict=True)]
    return cohesion(inputs.content, prose, inputs.repeated)


def second_probabilities(inputs: PageInputs, first: Sequence[float], stage: Stage) -> list[float]:
    """`probabilities(second_rows(inputs, first), stage)`, without copying every row.

    The second stage's one extra feature comes last: the sum over a row's products is the
    sum over the first stage's features plus that product, added in the same order.
    """
    weights, bias = stage.weights, stage.bias
    if len(weights) != len(NAMES) + 1:  # not a model of this module's features
        return probabilities(second_rows(inputs, first), stage)
    last = weights[len(NAMES)]  # cohesion's weight
    out = []
    for row, extra in zip(inputs.rows, _cohesion(inputs, first), strict=True):
        z = bias + (sum(map(operator.mul, weights, row)) + last * extra)
        out.append(1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0)
    return out


def judge(inputs: PageInputs, fitted: Model) -> Verdicts:
    """Locate the article and decide, paragraph by paragraph, what belongs to it."""
    first = probabilities(inputs.rows, fitted.first)
    return decide(inputs, second_probabilities(inputs, first, fitted.second), fitted)


def decide(inputs: PageInputs, probability: list[float], fitted: Model) -> Verdicts:
    """The verdicts for given prose probabilities, by the model's thresholds (its stages are
    not used: training chooses thresholds for probabilities it computes once)."""
    sizes = [math.expm1(row[0]) for row in inputs.rows]
    claimed = [row[_CLAIMED] > 0 for row in inputs.rows]
    start, end = main_region(probability, sizes, fitted.region_threshold, claimed)
    if start > end:
        start, end = _longest_prose_run(inputs.rows, claimed, sizes)
    more: list[tuple[int, int]] = []
    if start <= end:
        start, end = _grow(inputs.rows, claimed, start, end)
        scale = _evidence(probability, sizes, fitted.region_threshold, claimed, (start, end))
        for side in ((0, start - 1), (end + 1, len(probability) - 1)):
            found = _further(probability, sizes, fitted.region_threshold, claimed, side, scale)
            if found is not None:
                more.append(_grow(inputs.rows, claimed, *found))
        for step in (-1, 1):
            near = _lead_or_last(
                inputs, probability, claimed, fitted.region_threshold, (start, end), step
            )
            if near is not None and not any(a <= near <= b for a, b in more):
                more.append((near, near))
    inside = [False] * len(probability)
    for region in [(start, end), *more]:
        flags = _inside(inputs.rows, probability, claimed, region, fitted.region_threshold)
        inside = [a or b for a, b in zip(inside, flags, strict=True)]
    keep = [
        p >= (fitted.keep_inside if inside[i] else fitted.keep_outside)
        for i, p in enumerate(probability)
    ]
    return Verdicts(probability, (start, end), keep, tuple(sorted(more)))


def _evidence(
    probability: Sequence[float],
    sizes: Sequence[float],
    threshold: float,
    neutral: Sequence[bool],
    region: tuple[int, int],
) -> float:
    """A region's evidence of prose, as `main_region` sums it."""
    return sum(
        _gain(probability[i], sizes[i], threshold, neutral[i])
        for i in range(region[0], region[1] + 1)
    )


def _further(
    probability: Sequence[float],
    sizes: Sequence[float],
    threshold: float,
    neutral: Sequence[bool],
    side: tuple[int, int],
    scale: float,
) -> tuple[int, int] | None:
    """The best stretch of prose in `side` (paragraphs before or after the article) if it has
    at least _FURTHER_SHARE of the article's evidence: the rest of an article that a gallery,
    a sign-up box or a block of links cuts in two."""
    low, high = side
    if high < low or scale <= 0:
        return None
    start, end = main_region(
        probability[low : high + 1], sizes[low : high + 1], threshold, neutral[low : high + 1]
    )
    if start > end:
        return None
    region = (low + start, low + end)
    if _evidence(probability, sizes, threshold, neutral, region) < _FURTHER_SHARE * scale:
        return None
    return region


# A lead or a last paragraph is part of the article when at most _EDGE_REACH short or
# claimed lines (a byline, a date, a caption, a "read also" box) stand between it and the
# region, the model reads it as prose by _EDGE_MARGIN over the region's threshold, and
# _EDGE_SHARED of its content words are the region's (chosen on the dev sets: with no
# margin, advertisements and captions came too; without shared words, a Creative Commons
# licence line did; a reach of three lines found no lead, one of six kept fewer exactly).
_EDGE_REACH = 5
_EDGE_LOG_WORDS = math.log1p(12)
_EDGE_MARGIN = 0.1
_EDGE_SHARED = 0.1


def _lead_or_last(
    inputs: PageInputs,
    probability: Sequence[float],
    claimed: Sequence[bool],
    threshold: float,
    region: tuple[int, int],
    step: int,
) -> int | None:
    """The paragraph of prose just before (step -1) or after (step 1) the region, past a few
    short lines: a standfirst above the byline and the picture, a last paragraph under an
    advertisement label. The article's words in it tell it from a teaser or a notice."""
    rows = inputs.rows
    i = (region[0] if step < 0 else region[1]) + step
    for _ in range(_EDGE_REACH + 1):
        if not 0 <= i < len(rows):
            return None
        if not claimed[i] and rows[i][_LOG_WORDS] >= _EDGE_LOG_WORDS:
            likely = probability[i] >= threshold + _EDGE_MARGIN and _sentence(rows[i])
            return i if likely and _shared(inputs.content, i, region) >= _EDGE_SHARED else None
        i += step
    return None


def _shared(content: Sequence[frozenset[str]], index: int, region: tuple[int, int]) -> float:
    """The share of a paragraph's content words that the region's paragraphs use."""
    words = content[index]
    if not words:
        return 0.0
    article = set().union(*content[region[0] : region[1] + 1])
    return len(words & article) / len(words)


def _inside(
    rows: Sequence[Sequence[float]],
    probability: Sequence[float],
    claimed: Sequence[bool],
    region: tuple[int, int],
    threshold: float,
) -> list[bool]:
    """The paragraphs judged as article text: the region, less its blocks of furniture.

    The region's evidence is weighted by length, so a menu of one-word lines between two
    stretches of prose costs little and the region spans it. A run of paragraphs the model
    reads as no prose (claimed ones stepped over) holding _FURNITURE_RUN that are not even
    sentences is such a menu, with whatever teasers sit among its lines.
    """
    start, end = region
    inside = [start <= i <= end for i in range(len(probability))]
    run: list[int] = []
    for i in [*range(start, end + 1), None]:
        if i is not None and claimed[i]:
            continue
        if i is not None and probability[i] < threshold:
            run.append(i)
            continue
        if sum(not _sentence(rows[k]) for k in run) >= _FURNITURE_RUN:
            for k in run:
                inside[k] = False
        run = []
    return inside


def _sentence(row: Sequence[float]) -> bool:
    """A paragraph that reads as a sentence on its own: punctuation, words, function words."""
    return (
        row[_TERMINAL] > 0
        and row[_LOG_WORDS] >= _SENTENCE_LOG_WORDS
        and row[_STOP_RELATIVE] >= _SENTENCE_STOP_RELATIVE
        and row[_BULLET] == 0
    )


def _longest_prose_run(
    rows: Sequence[Sequence[float]], claimed: Sequence[bool], sizes: Sequence[float]
) -> tuple[int, int]:
    """The run of sentence-like paragraphs with the most words; (0, -1) if there is none.

    The fallback when no paragraph is likely enough to be prose: a short article among many
    menu lines scores low for its neighbours, yet is still the longest stretch of sentences.
    """
    best, region = 0.0, (0, -1)
    start, words = -1, 0.0
    for i, row in enumerate(rows):
        if claimed[i] and start >= 0:
            continue
        if _sentence(row):
            if start < 0:
                start, words = i, 0.0
            words += sizes[i]
            if words > best:
                best, region = words, (start, i)
        else:
            start = -1
    return region


def _grow(
    rows: Sequence[Sequence[float]], claimed: Sequence[bool], start: int, end: int
) -> tuple[int, int]:
    """Extend the article over adjacent paragraphs that read as sentences.

    The search for the article weighs probabilities, which the context of menus nearby drags
    down at its edges: a short first question of an interview, a last paragraph just above
    the footer. A neighbour that is a sentence in its own right belongs to the article;
    claimed paragraphs (a share row) are stepped over. At most _GROWTH paragraphs are added
    on each side: a whole list of story teasers after the article also reads as sentences.
    A paragraph that goes on with a sentence its neighbour left open (see _continues) is
    taken whatever it reads as.
    """
    # (Once: the sentence's second half ends in punctuation, its first half does not.)
    if start > 0 and _continues(rows, claimed, start - 1, start):
        start -= 1
    if end + 1 < len(rows) and _continues(rows, claimed, end, end + 1):
        end += 1
    added, i = 0, start - 1
    while i >= 0 and added < _GROWTH and (claimed[i] or _sentence(rows[i])):
        if not claimed[i]:
            start, added = i, added + 1
        i -= 1
    added, i = 0, end + 1
    while i < len(rows) and added < _GROWTH and (claimed[i] or _sentence(rows[i])):
        if not claimed[i]:
            end, added = i, added + 1
        i += 1
    return start, end


def _continues(rows: Sequence[Sequence[float]], claimed: Sequence[bool], a: int, b: int) -> bool:
    """Whether paragraph `b` goes on with the sentence `a` left open: `a` has three words or
    more, not all capitalised, and no closing punctuation; `b` is a sentence that opens in
    lower case ("The tram to the airport" / "will open in spring, two years after work
    began."): one sentence a page's markup cut in two. A lower-case tag list under a heading
    is no sentence; a byline ("Anna Berg") over an article that opens with "eBay" is a name
    in capitals."""
    return (
        not claimed[a]
        and not claimed[b]
        and rows[a][_LOG_WORDS] >= _HALF_LOG_WORDS
        and rows[a][_CAPITALISED] < 1.0
        and rows[a][_TERMINAL] == 0
        and rows[b][_LOWERCASE_START] > 0
        and _sentence(rows[b])
    )


def page_inputs(
    paragraphs: Sequence[Paragraph],
    tokens: Sequence[Sequence[str]],
    stop: frozenset[str],
    claimed: Sequence[bool],
    repeated: Sequence[bool],
) -> PageInputs:
    rows = document_features(paragraphs, tokens, stop, claimed, repeated)
    return PageInputs(rows, contents(tokens, stop), list(repeated))


def page_findings(
    paragraphs: Sequence[Paragraph],
    tokens: Sequence[Sequence[str]],
    stop: frozenset[str],
    claimed: Sequence[bool],
    repeated: Sequence[bool],
) -> list[Finding]:
    """Paragraphs of a page dump that are not part of its article.

    `claimed` marks paragraphs already found by phrase rules or related lists (they are not
    reported again here), `repeated` those that repeat an earlier paragraph.
    """
    inputs = page_inputs(paragraphs, tokens, stop, claimed, repeated)
    rows = inputs.rows
    verdicts = judge(inputs, model())
    first, last = verdicts.article
    if last < first:
        return []
    texts = [p.text.strip() for p in paragraphs]
    # An article's numbered list stays whole, however menu-like its lines read.
    counted = {
        *numbered_lists(texts, (first, last), claimed),
        *ingredient_lists(texts, (first, last), claimed),
    }
    keep = [k or i in counted for i, k in enumerate(verdicts.keep)]
    findings = []
    after = min(len(paragraphs) - 1, last + _THREAD_AFTER)
    thread = comment_thread(texts, first, after)
    if thread is not None:
        last = min(last, thread[0] - 1)
        for i in range(thread[0], thread[1] + 1):
            if not claimed[i]:
                reason = (
                    f"in a comment thread after the article (lines "
                    f"{paragraphs[thread[0]].line}-{paragraphs[thread[1]].end_line}: "
                    "authors' names and dates, each over a comment)"
                )
                findings.append(Finding(i, "comments", "comment-thread", reason))
    listed = set()
    kept = [k and not c for k, c in zip(keep, claimed, strict=True)]
    for heading, bio in author_boxes(texts, kept):
        reason = (
            f"an author box after the article (lines {paragraphs[heading].line}-"
            f"{paragraphs[bio].end_line}: a heading naming its subject over a biography)"
        )
        for i in (heading, bio):
            if kept[i]:
                listed.add(i)
                findings.append(Finding(i, "boilerplate", "author-box", reason))
    for i in byline_bios(texts, [k and i not in listed for i, k in enumerate(kept)]):
        reason = "the writer's biography after the article: it opens with the name a byline gives"
        listed.add(i)
        findings.append(Finding(i, "boilerplate", "byline-bio", reason))
    for i, parts in joined_copies(tokens, [k and j not in listed for j, k in enumerate(kept)]):
        lines = f"{paragraphs[parts[0]].line}-{paragraphs[parts[-1]].end_line}"
        reason = f"repeats the article's paragraphs at lines {lines} run together into one"
        listed.add(i)
        findings.append(Finding(i, "duplicate", "joined-copy", reason))
    # An article's numbered list is no list of other stories, however like headlines its
    # items open ("3) Model Tram Set With Two Carriages, Six Stations And The Old Town …").
    for run in headline_runs(rows, texts, [k and i not in counted for i, k in enumerate(kept)]):
        lines = f"lines {paragraphs[run[0]].line}-{paragraphs[run[-1]].end_line}"
        reason = f"in a list of other stories ({lines}: {len(run)} headlines with their teasers)"
        for i in run:
            if not (thread and thread[0] <= i <= thread[1]):
                listed.add(i)
                findings.append(Finding(i, "related", "teaser-list", reason, group=run[0]))
    spans = [(first, last), *verdicts.more]
    article = "lines " + ", ".join(
        f"{paragraphs[a].line}-{paragraphs[b].end_line}" for a, b in sorted(spans) if a <= b
    )
    within = [False] * len(rows)  # in the article's spans (one pass, not a search per row)
    for a, b in spans:
        for i in range(a, b + 1):
            within[i] = True
    for i, row in enumerate(rows):
        inside = within[i]
        if (
            claimed[i]
            or keep[i]
            or i in listed
            or (thread and thread[0] <= i <= thread[1])
            or (inside and not tokens[i])  # a writer's section break ("* * *") stays
        ):
            continue
        kind = "navigation" if _menu_like(row) else "boilerplate"
        where = "inside the article" if inside else f"outside the article ({article})"
        rule = "not-prose" if inside else "outside-article"
        what = _describe(row) if tokens[i] else "no words, only punctuation"
        reason = f"{where}; {what}; prose probability {verdicts.probability[i]:.2f}"
        findings.append(_make_finding(i, kind, rule, reason, None, False, "", None))
    return findings


def headline_runs(
    rows: Sequence[Sequence[float]], texts: Sequence[str], kept: Sequence[bool]
) -> list[list[int]]:
    """Runs of kept paragraphs that each open like a headline (see _HEADLINE_RUN).

    A paragraph that opens like one only once its glued words are counted apart
    (`features.headline_start`) may join a run but not make one: a brand run into a word
    ("the new PlayStation maker") must not turn an article's paragraphs into a list.
    """
    strong = [k and row[_HEADLINE] >= _HEADLINE_START for k, row in zip(kept, rows, strict=True)]
    if sum(strong) < _HEADLINE_RUN:
        return []  # (most pages: then no glued word needs reading)
    runs: list[list[int]] = []
    run: list[int] = []
    for i in range(len(rows)):
        if not kept[i]:
            continue
        headline = strong[i] or headline_start(texts[i]) >= _HEADLINE_START
        if not headline or (run and i - run[-1] > _HEADLINE_GAP + 1):
            runs.append(run)
            run = []
        if headline:
            run.append(i)
    runs.append(run)
    return [r for r in runs if sum(strong[i] for i in r) >= _HEADLINE_RUN]


def _menu_like(row: Sequence[float]) -> bool:
    """A short line without sentence punctuation: a menu entry, a section name, a tag."""
    return row[_LOG_WORDS] <= _MENU_LOG_WORDS and not row[_TERMINAL]


_MENU_LOG_WORDS = math.log1p(4)
_STOP_SHARE = NAMES.index("stop_share")
_SHORT_NEIGHBOURS = NAMES.index("short_neighbours")


def _describe(row: Sequence[float]) -> str:
    words = round(math.expm1(row[_LOG_WORDS]))
    parts = [f"{words} word{'s' if words != 1 else ''}"]
    parts.append(f"{row[_STOP_SHARE]:.0%} stop words")
    if row[_CAPITALISED] >= 0.6 and words > 1:
        parts.append("title case")
    if not row[_TERMINAL]:
        parts.append("no closing punctuation")
    if row[_SHORT_NEIGHBOURS] >= 0.5:
        parts.append("among short lines")
    return ", ".join(parts)
