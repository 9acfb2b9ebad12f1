"""The cleaning pipeline: segment, normalise, find duplicates and boilerplate, decide, assemble.

`clean` is a pure function of its text and options; it imports nothing from the CLI or the
terminal layer, so it can be called from any program or worker process.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace

from . import markdown
from .boilerplate import (
    Finding,
    available_languages,
    extra_phrasebook,
    phrase_findings,
    phrasebook,
    related_lists,
    teaser_links,
)
from .classify import PageInputs, looks_like_page, page_findings, page_inputs
from .duplicates import Duplicate, find_duplicates, number_words, scraping_repeats
from .features import words_of
from .language import detect, stopwords
from .normalize import Comparable, comparable, fold
from .options import Options
from .records import maker
from .result import Kept, Removal, Result, Stats
from .rules import builtin_code, matches
from .segment import Paragraph, assemble, blank_lines
from .structures import cookie_dialogs, gallery_captions, script_lines

_LANGUAGE_SAMPLE = 2000
# The tokens of a document longer than this many characters are interned (see
# Analysis.tokens): below it they take half a megabyte at most, for the time of one call.
_INTERN_ABOVE = 50_000
REPEATED_BLOCK = builtin_code("duplicate", "repeated-block")
_NOTHING = Comparable("", False)
_DIALOG_REASON = "in a cookie dialog: it names cookies, or is a button between lines that do"
_GALLERY_REASON = 'in a picture gallery: a counter ("Image 2 of 5") or the caption under one'
_PICTURE_REASON = "a picture: Markdown image markup (![alt](source)) and nothing to read"
_SCRIPT_REASON = "the page's script or style sheet: a long line of code, brackets and operators"
# Constructors of the records made for every paragraph (see records.py).
_make_removal = maker(Removal)
_make_kept = maker(Kept)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything found in a document before deciding what to remove."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    texts: list[str]  # comparable forms
    languages: tuple[str, ...]
    duplicates: dict[int, Duplicate]  # every copy found, before telling scraper from writer
    phrases: list[Finding]  # phrase-rule findings
    findings: dict[int, Finding]  # phrase rules and related lists, one per paragraph
    layout: markdown.Layout  # roles, protected paragraphs, <!-- artclean: ... --> comments
    # The content profile's verdicts on copies, decided with the layout; None for the other
    # profiles, whose repeats are told apart in clean() once every finding is known.
    content_repeats: dict[int, Duplicate] | None
    # The paragraphs as a reader sees them, Markdown links by their labels (markdown.visible):
    # what phrase rules, duplicates, related lists and the page classifier read. Their texts
    # are not slices of the document (output is made of `paragraphs`); the same paragraphs
    # when the text has no links.
    shown: tuple[Paragraph, ...]
    # The words of the comparable forms: those of the paragraphs language detection read,
    # the rest made when the page classifier first asks for them (an article needs only the
    # first 2,000 words, to tell its language).
    _words: list[list[str]] = field(default_factory=list, repr=False, compare=False)

    @property
    def tokens(self) -> list[list[str]]:
        """The words of the comparable forms (`features.words_of`), one list per paragraph.

        Language detection leaves the words of the paragraphs it read in `_words`; the rest
        are made here, when the page classifier first asks for them.
        """
        words = self._words
        if len(words) < len(self.texts):
            rest = self.texts[len(words) :]
            words.extend(_tokenised(rest, interned=len(self.text) > _INTERN_ABOVE))
        return words

    def is_page(self, profile: str) -> bool:
        """Whether the page classifier applies: always for "page", by evidence for "auto"."""
        return profile == "page" or (
            profile == "auto" and looks_like_page(self.phrases, self.shown)
        )

    def page_inputs(self) -> PageInputs:
        """What the page classifier reads (for training and inspection)."""
        return page_inputs(self.shown, self.tokens, *self._page_context(self.set_aside()))

    def page_findings(self) -> list[Finding]:
        aside = self.set_aside()
        found = page_findings(self.shown, self.tokens, *self._page_context(aside))
        return [*aside, *found]

    def set_aside(self) -> list[Finding]:
        """Structures taken out before the article is sought: a cookie dialog around the
        lines cookie rules found, pictures alone (markdown.pictures_only), a gallery's counters
        and captions, and scripts a scraper kept as text (see structures.py)."""
        anchors = [i for i, f in self.findings.items() if f.kind == "cookie"]
        dialog = set(cookie_dialogs(self.texts, anchors)) if anchors else set()
        shown = [p.text for p in self.shown]
        return sorted(
            [
                *(
                    Finding(i, "cookie", "cookie-dialog", _DIALOG_REASON, page_only=True)
                    for i in dialog
                    if i not in self.findings
                ),
                *(
                    Finding(i, "caption", "picture", _PICTURE_REASON, page_only=True)
                    for i, p in enumerate(self.paragraphs)
                    if i not in self.findings and i not in dialog and markdown.pictures_only(p.text)
                ),
                *(
                    Finding(i, "caption", "gallery-caption", _GALLERY_REASON, page_only=True)
                    for i in gallery_captions(shown)
                    if i not in self.findings and i not in dialog
                ),
                *(
                    Finding(i, "boilerplate", "script", _SCRIPT_REASON, page_only=True)
                    for i in script_lines(shown)
                    if i not in self.findings and i not in dialog
                ),
            ],
            key=lambda finding: finding.index,
        )

    def _page_context(
        self, aside: Sequence[Finding]
    ) -> tuple[frozenset[str], list[bool], list[bool]]:
        count = len(self.paragraphs)
        stop = stopwords(self.languages[0]) if self.languages else frozenset()
        found = {f.index for f in aside}
        claimed = [i in self.findings or i in found for i in range(count)]
        # Repeated separators ("___") say nothing about the text around them.
        copies = {
            i for d in self.duplicates.values() if self.texts[d.index] for i in (d.index, d.of)
        }
        repeated = [i in copies for i in range(count)]
        return stop, claimed, repeated


def analyse(text: str, options: Options) -> Analysis:
    """Segment, normalise, and find duplicates, phrase boilerplate and related lists."""
    text = text.removeprefix("\ufeff")
    layout, shown, comparables = _comparables(text, options)
    paragraphs = layout.paragraphs
    texts = [c.text for c in comparables]
    originals = [p.text for p in paragraphs]
    seen = [p.text for p in shown]
    # The words language detection reads are the first paragraphs' tokens, kept for the
    # page classifier: a page's first 2,000 words are most of it.
    words: list[list[str]] = []
    languages = options.languages or _detected(texts, words, len(text) > _INTERN_ABOVE)
    numbers = number_words((*languages, "en"))
    compared = _separators_compared(comparables, originals, layout.protected)
    duplicates = find_duplicates(compared, options.similarity, numbers)
    book = phrasebook(_phrase_languages(languages))
    findings: dict[int, Finding] = {}
    content_repeats = None
    if options.profile == "content":
        from .content import content_duplicates, content_findings  # only content files use it

        # A writer's separators are never findings, not even beside a pasted copy.
        said = {i: d for i, d in duplicates.items() if texts[i]}
        content_repeats = content_duplicates(said, layout, originals, comparables)
        chosen = options.select.chooses
        findings = content_findings(
            layout,
            originals,
            texts,
            book,
            said,
            content_repeats,
            lambda code: chosen(code, "content"),
        )
        phrases = [f for f in findings.values() if f.kind != "related"]
    else:
        phrases = phrase_findings(texts, book)
        for finding in related_lists(seen, texts, book):
            findings.setdefault(finding.index, finding)
        for finding in phrases:
            findings.setdefault(finding.index, finding)
        for finding in teaser_links(seen, comparables, duplicates):
            findings.setdefault(finding.index, finding)
    if options.phrases:
        for finding in phrase_findings(texts, extra_phrasebook(options.phrases)):
            findings.setdefault(finding.index, finding)
    if options.templates is not None:
        from .templates import template_findings  # only a batch learns templates

        # Learned across a batch; a phrase rule's more specific kind wins, and where that
        # rule is for page furniture, the template still holds for a document that is no page.
        for finding in template_findings(texts, options.templates):
            found = findings.setdefault(finding.index, finding)
            if found.page_only and found.otherwise is None:
                findings[finding.index] = replace(found, otherwise=finding)
    return Analysis(
        text,
        paragraphs,
        texts,
        languages,
        duplicates,
        phrases,
        findings,
        layout,
        content_repeats,
        shown,
        words,
    )


def _shown(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """The paragraphs as `markdown.visible` reads them: links by their labels, images as
    nothing; the same record where that changes nothing."""
    return tuple(
        p if (seen := markdown.visible(p.text)) == p.text else replace(p, text=seen)
        for p in paragraphs
    )


def _comparables(
    text: str, options: Options
) -> tuple[markdown.Layout, tuple[Paragraph, ...], list[Comparable]]:
    """The layout, the paragraphs as a reader sees them (see Analysis.shown), and the
    comparison forms of what a reader sees."""
    layout = markdown.layout(text) if options.syntax == "markdown" else markdown.text_layout(text)
    shown = layout.paragraphs
    # A content file's links are its writer's, and its rules read them as written; a page's
    # (html2text, Markdown scrapes) are its menus.
    if options.profile != "content" and "](" in text:
        shown = _shown(shown)
    # Protected paragraphs (front matter, code, tables...) are neither compared nor classified.
    comparables = [
        _NOTHING if i in layout.protected else comparable(p.text) for i, p in enumerate(shown)
    ]
    return layout, shown, comparables


def _separators_compared(
    comparables: list[Comparable], originals: list[str], protected: Set[int]
) -> list[Comparable]:
    """Comparison forms in which a line of punctuation alone ("___", "* * *") is itself.

    Its comparison form is empty, as it says nothing; but where a scraper repeats a body, its
    separators repeat with it and must go with the repeated block.
    """
    return [
        Comparable(fold(original), False) if not (c.text or c.teaser or i in protected) else c
        for i, (c, original) in enumerate(zip(comparables, originals, strict=True))
    ]


def comparable_texts(text: str, options: Options) -> list[str]:
    """The comparison forms `analyse` works on ("" where protected): what template learning
    counts across a batch, so that its first pass sees exactly what `clean` will see."""
    return [c.text for c in _comparables(text.removeprefix("\ufeff"), options)[2]]


def clean(text: str, options: Options | None = None, *, source: str | None = None) -> Result:
    """Clean one document: keep the article, split off duplicates and boilerplate."""
    return _clean(text, options or Options(), source, check_again=True)


def _clean(text: str, options: Options, source: str | None, *, check_again: bool) -> Result:
    analysis = analyse(text, options)
    findings = dict(analysis.findings)
    page = analysis.is_page(options.profile)
    if page:
        for finding in analysis.page_findings():
            findings.setdefault(finding.index, finding)
    else:
        findings = dict(_for_an_article(findings))
    if analysis.content_repeats is not None:
        duplicates = dict(analysis.content_repeats)
    else:
        duplicates = scraping_repeats(analysis.duplicates, analysis.texts, findings.keys(), page)
    _spare(analysis.layout, duplicates, findings)

    text, paragraphs = analysis.text, analysis.paragraphs
    ignored = analysis.layout.ignored

    selected: dict[str, bool] = {}

    def reported(index: int, code: str) -> bool:
        """Whether the run's selection takes the rule, and no directive ignores it here."""
        chosen = selected.get(code)
        if chosen is None:
            chosen = selected[code] = options.select.selects(code, options.profile)
        if not chosen:
            return False
        return not ignored or not matches(ignored.get(index, ()), code)

    removals = _removals(paragraphs, duplicates, findings, options.keep, reported)
    removals = _group_blocks(removals, paragraphs, analysis.duplicates)
    removals = {i: r for i, r in removals.items() if reported(i, r.code)}
    if options.profile != "content":
        removals = _orphaned_breaks(paragraphs, analysis.texts, removals, analysis.layout, reported)
    order = _output_order(len(paragraphs), removals, duplicates)
    clean_text = assemble(text, paragraphs, order)
    if check_again and options.syntax != "markdown":
        clean_text = _cut_alike(clean_text, text, paragraphs, order, options)
    return Result(
        source=source,
        text=clean_text,
        kept=tuple(_make_kept(i, paragraphs[i].line, paragraphs[i].text) for i in order),
        removed=tuple(removals[i] for i in sorted(removals)),
        stats=Stats(
            paragraphs_in=len(paragraphs),
            paragraphs_out=len(order),
            chars_in=len(text),
            chars_out=len(clean_text),
            removed=dict(sorted(Counter(r.kind for r in removals.values()).items())),
        ),
    )


def _cut_alike(
    clean_text: str, text: str, paragraphs: Sequence[Paragraph], order: list[int], options: Options
) -> str:
    """The clean text, with blank lines between lines of a block that lost some of its text,
    if that is what keeps a second cleaning from changing it.

    Without the removed lines, lines they kept apart may be read as one paragraph (a copy of
    another, say), and cleaning the output again would change it. Only then, only if the
    blank lines make a second cleaning leave the text as it is, and only in plain text
    (Markdown's list items and quotes are written as they were), do blank lines keep apart
    what was read apart (segment.blank_lines), even inside a sentence.
    """
    blank = blank_lines(paragraphs, order)
    if not blank or _again(clean_text, options) == clean_text:
        return clean_text
    spaced = assemble(text, paragraphs, order, blank)
    return spaced if _again(spaced, options) == spaced else clean_text


def _again(text: str, options: Options) -> str:
    """The text cleaned once more, as a user cleaning the output would."""
    return _clean(text, options, None, check_again=False).text


def _for_an_article(findings: dict[int, Finding]) -> Iterator[tuple[int, Finding]]:
    """The findings that apply to a document that is no page: a page-furniture rule's finding
    gives way to what a rule for any document says of the line, if anything."""
    for index, finding in findings.items():
        if not finding.page_only:
            yield index, finding
        elif finding.otherwise is not None:
            yield index, finding.otherwise


def _spare(
    layout: markdown.Layout, duplicates: dict[int, Duplicate], findings: dict[int, Finding]
) -> None:
    """Drop the findings the file itself rules out: protected Markdown, `keep`, `skip-file`."""
    if layout.skip_file:
        duplicates.clear()
        findings.clear()
    for i in layout.protected | layout.held:
        duplicates.pop(i, None)
        findings.pop(i, None)


def _tokenised(texts: Sequence[str], interned: bool) -> Iterator[list[str]]:
    """`words_of` each text; with `interned`, one string object per distinct word (prose
    repeats its words: the token lists of 5 MB of prose take 11 MB this way instead of 57 MB;
    interning costs a third of tokenising, so a short document's words are not)."""
    if interned:
        return (list(map(sys.intern, words_of(t))) for t in texts)
    return map(words_of, texts)


# A server's warning printed into a page: "Deprecated: … in /www/htdocs/wp-settings.php on
# line 520". A page can open with dozens of them; once cleaned away, the page's own language
# shows, so detecting it on them would make a second cleaning differ from the first.
# The path may be hard-wrapped after a hyphen ("nextgen-\ngallery"), read as "nextgen- gallery".
_SERVER_MESSAGE = re.compile(r" in /(?:[^\s-]|- ?)+\.(?:php|inc)(?: on line|:)? \d+$")


def _detected(
    texts: Sequence[str], words: list[list[str]] | None = None, interned: bool = False
) -> tuple[str, ...]:
    """The language of the first _LANGUAGE_SAMPLE words of the comparable forms, if any.

    The words of each paragraph read are appended to `words` (see Analysis.tokens).
    """
    kept: list[list[str]] = [] if words is None else words
    sample: list[str] = []
    for text, tokens in zip(texts, _tokenised(texts, interned), strict=False):
        kept.append(tokens)
        if _SERVER_MESSAGE.search(text):
            continue  # PHP's warnings are in English whatever the page's language
        sample += tokens
        if len(sample) >= _LANGUAGE_SAMPLE:
            break
    language = detect(sample[:_LANGUAGE_SAMPLE])
    return (language,) if language else ()


def _phrase_languages(languages: Sequence[str]) -> tuple[str, ...]:
    """The document's languages that have phrase lists, then English, which pages of every
    language use for their share buttons and footers."""
    have = available_languages()
    chosen = [language for language in languages if language in have]
    return tuple(dict.fromkeys([*chosen, "en"]))


def _removals(
    paragraphs: Sequence[Paragraph],
    duplicates: Mapping[int, Duplicate],
    findings: Mapping[int, Finding],
    keep: frozenset[str],
    reported: Callable[[int, str], bool],
) -> dict[int, Removal]:
    removals: dict[int, Removal] = {}
    codes: dict[tuple[str, str], str] = {}  # builtin_code, once per document and rule

    def code_of(kind: str, rule: str) -> str:
        code = codes.get((kind, rule))
        if code is None:
            code = codes[(kind, rule)] = builtin_code(kind, rule)
        return code

    for i in sorted(duplicates.keys() | findings.keys()):
        duplicate = duplicates.get(i)
        finding = findings.get(i)
        # (kind, code, whether the finding says it) of each reported finding at i; a finding
        # may be of kind duplicate too (a page's joined copy, a configured phrase)
        kinds: list[tuple[str, str, bool]] = []
        if finding is not None:
            kind = finding.kind
            code = finding.code or code_of(kind, finding.rule)
            if kind not in keep and reported(i, code):
                kinds.append((kind, code, True))
        if duplicate is not None:
            code = code_of("duplicate", duplicate.rule)
            if "duplicate" not in keep and reported(i, code):
                kinds.append(("duplicate", code, False))
        if not kinds:
            continue
        paragraph = paragraphs[i]
        kind, code, said = kinds[0]
        if said:
            assert finding is not None
            rule, reason, group = finding.rule, finding.reason, finding.group
        else:
            assert duplicate is not None
            rule, group = duplicate.rule, None
            reason = _duplicate_reason(duplicate, paragraphs, moved=duplicate.moved)
        if len(kinds) > 1 and duplicate is not None:
            reason += "; " + _duplicate_reason(duplicate, paragraphs, moved=False)
        removals[i] = _make_removal(
            i,
            paragraph.line,
            kind,
            rule,
            reason,
            paragraph.text,
            duplicate.of if duplicate else None,
            duplicate.similarity if duplicate else None,
            (kinds[1][0],) if len(kinds) > 1 and kinds[1][0] != kind else (),
            group,
            code,
        )
    return removals


def _duplicate_reason(duplicate: Duplicate, paragraphs: Sequence[Paragraph], moved: bool) -> str:
    line = paragraphs[duplicate.of].line
    if moved:
        return f"truncated copy of the fuller paragraph at line {line}, which is kept here"
    what = "a truncated teaser of" if duplicate.rule == "teaser" else "repeats"
    return f"{what} the paragraph at line {line} (similarity {duplicate.similarity:g})"


def _group_blocks(
    removals: dict[int, Removal],
    paragraphs: Sequence[Paragraph],
    copies: Mapping[int, Duplicate],
) -> dict[int, Removal]:
    """Mark runs of duplicates that repeat a run of paragraphs as one repeated block.

    `copies` are all the copies found: a copy in a run may repeat any copy of the paragraph
    the run reached (the second "___" of a body scraped twice repeats the first).
    """

    def same_text(a: int, b: int) -> bool:
        return (copies[a].of if a in copies else a) == (copies[b].of if b in copies else b)

    primary = {
        i: r
        for i, r in removals.items()
        if r.kind == "duplicate" and r.duplicate_of is not None and r.rule != "teaser"
    }
    runs: list[list[int]] = []
    sources: list[list[int]] = []
    for i in sorted(primary):
        of = primary[i].duplicate_of or 0
        source = sources[-1][-1] + 1 if runs else -1
        if runs and runs[-1][-1] == i - 1 and source < runs[-1][0] and same_text(source, of):
            runs[-1].append(i)
            sources[-1].append(source)
        else:
            runs.append([i])
            sources.append([of])
    for run, repeated in zip(runs, sources, strict=True):
        if len(run) < 2:
            continue
        first, last = paragraphs[run[0]], paragraphs[run[-1]]
        source_first, source_last = paragraphs[repeated[0]], paragraphs[repeated[-1]]
        reason = (
            f"lines {first.line}-{last.end_line} repeat lines "
            f"{source_first.line}-{source_last.end_line} as one block"
        )
        for i in run:
            r = removals[i]
            removals[i] = _make_removal(
                r.index, r.line, r.kind, "repeated-block", reason, r.text,
                r.duplicate_of, r.similarity, r.also, run[0], REPEATED_BLOCK,
            )  # fmt: skip
    return removals


def _orphaned_breaks(
    paragraphs: Sequence[Paragraph],
    texts: Sequence[str],
    removals: dict[int, Removal],
    layout: markdown.Layout,
    reported: Callable[[int, str], bool],
) -> dict[int, Removal]:
    """Remove a section break ("* * *", "___") that a removed repeated block leaves at an
    edge of the text or beside another break: it divided the copy from the rest, not the
    writer's sections. A break between two kept paragraphs stays, whatever was beside it, and
    so does one the block repeated (the body's own last "___").
    """

    def repeated(i: int) -> bool:
        removal = removals.get(i)
        return removal is not None and removal.kind == "duplicate"

    def far_end(i: int, step: int) -> int:
        """The last paragraph of the removed copy that starts beside i, going by step."""
        while repeated(i + step):
            i += step
        return i

    def own_break(i: int) -> bool:
        """Whether the copy beside the break ends, at its far side, with the same break: then
        the break is the body's own (its last "___"), repeated with it."""
        mark = paragraphs[i].text.strip()
        return any(
            repeated(i + step) and paragraphs[far_end(i, step)].text.strip() == mark
            for step in (1, -1)
        )

    kept = [i for i in range(len(paragraphs)) if i not in removals]
    out = dict(removals)
    previous = None  # the last paragraph that stays
    for position, i in enumerate(kept):
        after = kept[position + 1] if position + 1 < len(kept) else None
        if (
            not texts[i]
            and not own_break(i)
            and (repeated(i - 1) or repeated(i + 1))
            and (previous is None or after is None or not texts[after])
            and i not in layout.protected
            and i not in layout.held
            and reported(i, REPEATED_BLOCK)
        ):
            block = i + 1 if repeated(i + 1) else i - 1
            group = out[block].group
            out[i] = Removal(
                index=i,
                line=paragraphs[i].line,
                kind="duplicate",
                rule="repeated-block",
                reason=(
                    "a section break left at an edge of the text or beside another by the "
                    f"removed copy at line {paragraphs[block].line}"
                ),
                text=paragraphs[i].text,
                group=block if group is None else group,
                code=REPEATED_BLOCK,
            )
            continue
        previous = i
    return out


def _output_order(
    count: int, removals: Mapping[int, Removal], duplicates: Mapping[int, Duplicate]
) -> list[int]:
    """Kept paragraph indices in output order; a fuller later copy takes its teaser's place."""
    replacement = {
        i: d.of
        for i, d in duplicates.items()
        if d.moved and i in removals and removals[i].kind == "duplicate" and d.of not in removals
    }
    moved_away = set(replacement.values())
    order = []
    for i in range(count):
        if i in replacement:
            order.append(replacement[i])
        elif i not in removals and i not in moved_away:
            order.append(i)
    return order
