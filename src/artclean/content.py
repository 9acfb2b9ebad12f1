"""The content profile: conservative rules for files people write (Markdown posts, docs, notes).

A finding in a pre-commit hook that the writer dismisses costs more than a finding missed, and
written content repeats short paragraphs on purpose: labels ("Output:"), the same heading in
two sections, template tags, a "Note:" that applies twice. So in content files:

- a paragraph repeated on its own is a duplicate only when it is prose of substance (a sentence
  of SENTENCE_WORDS words or more) repeating prose; a lead-in ending in ":", a labelled note
  ("Note: ...", "Disclaimer: ...") and parallel content (tabs, <details>) never are;
- a truncated teaser ("... Read more") of a paragraph is a paste artefact and goes, while the
  full paragraph stays where it is;
- a run of paragraphs repeating a run of paragraphs (a pasted passage) is a duplicate when it
  holds at least one such paragraph; headings, list items and quotes inside it go with it;
- a text that recurs RECURRING times or more is structure, not a paste, wherever it stands;
- phrase rules look only at plain prose: text with Markdown of its own (links, emphasis, code)
  was written here, not pasted, and headings, list items and quotes are never boilerplate for
  being short. Of the built-in rules only syndication notes and related-links lists apply, and
  only where they show the shape of a paste: a syndication note that is repeated or stands next
  to other pasted leftovers, a related-links list of at least two headlines on consecutive lines.
  A post that discusses newsletters, cookies or related work is left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from .boilerplate import Finding, Phrasebook, compile_rules, phrase_findings, related_lists
from .duplicates import Duplicate, similarity
from .markdown import LINE, PROSE, Layout, has_inline_markup
from .normalize import Comparable

SENTENCE_WORDS = 12
# Past this many words a paragraph is substantial even without a full stop (a long quotation).
LONG_WORDS = 25
RECURRING = 4
# A truncated teaser ("... Read more") is a scraping artefact when it holds this many words.
TEASER_WORDS = 8
MIN_RELATED_ITEMS = 2

# Built-in phrase kinds that apply to content files.
CONTENT_KINDS = frozenset({"syndication"})


def substantial(text: str) -> bool:
    """A sentence or more: enough words, and ending as a sentence does (not in a ":" lead-in)."""
    stripped = text.rstrip()
    words = len(stripped.split())
    if words < SENTENCE_WORDS or stripped.endswith(":"):
        return False
    return words >= LONG_WORDS or stripped.rstrip("\"'”’)]*_").endswith((".", "!", "?", "…"))


def content_duplicates(
    found: Mapping[int, Duplicate],
    layout: Layout,
    originals: Sequence[str],
    items: Sequence[Comparable],
) -> dict[int, Duplicate]:
    """The copies a writer would accept as findings, from all those `find_duplicates` found."""
    in_place = _in_place(found, items)
    roles = layout.roles

    def prose_of_substance(i: int) -> bool:
        if roles[i] not in (PROSE, LINE):
            return False
        duplicate = in_place.get(i)
        if duplicate is not None and duplicate.rule == "teaser":
            return len(originals[i].split()) >= TEASER_WORDS
        return substantial(originals[i])

    # A text that recurs is structure wherever its copies stand, also inside a repeated
    # passage; deciding so before anything else keeps a second --fix from finding more.
    copies = Counter(d.of for d in in_place.values())
    recurring = {of for of, count in copies.items() if count + 1 >= RECURRING}
    candidates = {i: d for i, d in in_place.items() if d.of not in recurring}
    standing: set[int] = set()
    for run in _runs(candidates):
        if len(run) > 1 and any(prose_of_substance(i) for i in run):
            standing.update(run)
    for i, d in candidates.items():
        if (
            roles[i] == PROSE
            and roles[d.of] in (PROSE, LINE)
            and prose_of_substance(i)
            and not {i, d.of} & layout.contained
        ):
            standing.add(i)
    return {i: in_place[i] for i in sorted(standing)}


def _in_place(found: Mapping[int, Duplicate], items: Sequence[Comparable]) -> dict[int, Duplicate]:
    """The copies to remove when nothing may move.

    Each class of copies keeps its first member where the writer put it, and the later copies
    go, even one a little longer. Only a truncated teaser that comes first gives way: it goes,
    and the full paragraph stays where it is.
    """
    classes: dict[int, list[int]] = {}
    for d in found.values():
        classes.setdefault(d.of, [d.of]).append(d.index)
    verdicts: dict[int, Duplicate] = {}
    for shown, members in classes.items():
        first = min(members)
        keep = shown if items[first].teaser else first
        for member in members:
            if member == keep:
                continue
            if keep == shown:
                d = found[member]
                verdicts[member] = Duplicate(member, keep, d.similarity, d.rule)
                continue
            copy, kept = items[member], items[keep]
            rule = "teaser" if copy.teaser else "exact" if copy.text == kept.text else "near"
            score = round(similarity(copy, kept), 1)
            verdicts[member] = Duplicate(member, keep, score, rule)
    return verdicts


def _runs(duplicates: Mapping[int, Duplicate]) -> list[list[int]]:
    """Maximal runs of consecutive paragraphs that repeat consecutive paragraphs."""
    runs: list[list[int]] = []
    for i in sorted(duplicates):
        if runs and runs[-1][-1] == i - 1 and duplicates[i - 1].of == duplicates[i].of - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def content_findings(
    layout: Layout,
    originals: Sequence[str],
    texts: Sequence[str],
    book: Phrasebook,
    found: Mapping[int, Duplicate],
    duplicates: Mapping[int, Duplicate],
    chosen: Callable[[str], bool] = lambda code: False,
) -> dict[int, Finding]:
    """Syndication notes and related-links lists that are leftovers of a paste.

    `found` are all copies `find_duplicates` found, `duplicates` those that stand as findings.
    The phrase rules the user chose by code (`chosen`, see rules.Selection) apply to plain
    prose anywhere: a team that syndicates nothing selects S and is told of a lone note.
    """
    plain = [
        text if role in (PROSE, LINE) and not has_inline_markup(original) else ""
        for text, role, original in zip(texts, layout.roles, originals, strict=True)
    ]
    findings: dict[int, Finding] = {}
    for group in _groups(related_lists(originals, plain, book)):
        pasted_list = _consecutive_lines(group, layout)
        if len(pasted_list) > MIN_RELATED_ITEMS:
            findings.update((f.index, f) for f in pasted_list)

    chosen_rules = frozenset(rule.code for rule in book.rules if chosen(rule.code))
    notes = {f.index: f for f in phrase_findings(plain, content_phrasebook(book, chosen_rules))}
    for i, note in notes.items():
        if note.code in chosen_rules and i not in findings:
            findings[i] = replace(note, page_only=False)
    repeated = {i for d in found.values() for i in (d.index, d.of)}
    pasted = set(duplicates) | set(findings)
    changed = True
    while changed:
        changed = False
        for i, note in notes.items():
            if i in findings:
                continue
            if i in repeated or i - 1 in pasted or i + 1 in pasted:
                findings[i] = note
                pasted.add(i)
                changed = True
    return findings


@lru_cache(maxsize=32)
def content_phrasebook(book: Phrasebook, chosen: frozenset[str] = frozenset()) -> Phrasebook:
    """The part of a phrasebook that applies to content files: its CONTENT_KINDS rules, and
    the rules whose codes the user chose."""
    rules = [rule for rule in book.rules if rule.kind in CONTENT_KINDS or rule.code in chosen]
    return compile_rules(book.languages, rules, book.related_header)


def _consecutive_lines(group: Sequence[Finding], layout: Layout) -> list[Finding]:
    """The start of a related-links list that runs on consecutive lines, as pasted lists do."""
    taken = list(group[:1])
    for finding in group[1:]:
        previous = layout.paragraphs[taken[-1].index]
        if layout.paragraphs[finding.index].line != previous.end_line + 1:
            break
        taken.append(finding)
    return taken


def _groups(findings: Sequence[Finding]) -> list[list[Finding]]:
    groups: dict[int | None, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.group, []).append(finding)
    return list(groups.values())
