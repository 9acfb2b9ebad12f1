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

import re
import string
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from .boilerplate import Finding, Phrasebook, compile_rules, phrase_findings, related_lists
from .duplicates import Duplicate, scorers, similarity
from .markdown import LINE, PROSE, Layout, has_inline_markup
from .normalize import Comparable, fold

CODE = "code"  # the role of a fenced or indented code block

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
    # Near copies that say something else: parallel sentences, and parts of a passage the
    # writer repeated and then edited (a changelog's notes carried to the next release).
    edited = {
        i: d.of
        for i, d in in_place.items()
        if d.rule == "near" and parallel(originals[i], originals[d.of])
    }
    in_place = {i: d for i, d in in_place.items() if i not in edited}
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
    blocks: dict[int, list[int]] = {}
    for paragraph in layout.paragraphs:
        blocks.setdefault(paragraph.block, []).append(paragraph.index)

    def written_here(i: int) -> bool:
        """A copy with Markdown of its own (a link, code, emphasis) was written in this file:
        reference docs repeat a note under every function it applies to, a paste from a page
        is plain text. A line counts with its block, which may be one paragraph written with
        a line per sentence."""
        if roles[i] != LINE:
            return has_inline_markup(originals[i])
        return any(has_inline_markup(originals[j]) for j in blocks[layout.paragraphs[i].block])

    def annotates_code(i: int, of: int) -> bool:
        """A note before a code block, as before its original: "This example will not work
        in browsers", said of every example it applies to."""
        return all(j + 1 < len(roles) and roles[j + 1] == CODE for j in (i, of))

    def revised(run: Sequence[int]) -> bool:
        """A run next to an edited copy of its original's neighbour: the writer's revision."""
        first, last = run[0], run[-1]
        return (
            edited.get(first - 1) == candidates[first].of - 1
            or edited.get(last + 1) == candidates[last].of + 1
        )

    standing: set[int] = set()
    for run in _runs(candidates):
        if revised(run):
            continue
        if (
            len(run) > 1
            and any(prose_of_substance(i) for i in run)
            and not any(written_here(i) for i in run)
        ):
            standing.update(run)
    for i, d in candidates.items():
        if (
            i not in standing
            and not revised([i])
            and roles[i] == PROSE
            and roles[d.of] in (PROSE, LINE)
            and prose_of_substance(i)
            and not written_here(i)
            and not annotates_code(i, d.of)
            and not {i, d.of} & layout.contained
        ):
            standing.add(i)
    return {i: in_place[i] for i in sorted(standing)}


_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s)>]+)|\]\[([^\]]+)\]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# After a word, the end of a sentence: the next word starts one (its capital says nothing).
_SENTENCE_END = re.compile(r"[)\]*_\"'’”]*[.!?:;]")
_PUNCTUATION = string.punctuation + "“”‘’«»…–—"
# A paragraph with at least this share of its characters in code spans is compared exactly.
MOSTLY_CODE = 0.5


def parallel(a: str, b: str) -> bool:
    """Whether two paragraphs that read nearly alike are a writer's parallel sentences.

    "Add [`jekyll-feed`](…) to your Gemfile" and the same sentence for `jekyll-sitemap` say
    one thing about two things: they differ in their code spans, their link targets or the
    names in them (capitalised words inside a sentence), where a pasted copy differs, if at
    all, in spelling and punctuation. A feature counts only when both paragraphs have it, so
    a copy that lost its links on the way is still a copy. A paragraph made mostly of inline
    code is compared exactly: one changed option in a list of flags is another list.
    """
    spans_a, spans_b = _spans(a), _spans(b)
    if spans_a and spans_b and spans_a != spans_b:
        return True
    if _mostly_code(a) or _mostly_code(b):
        return True
    targets_a, targets_b = _targets(a), _targets(b)
    if targets_a and targets_b and targets_a != targets_b:
        return True
    return _names(a) != _names(b) or _reworded(a, b)


# Two spellings of one word ("recieve", "receive") score at least this; two words, less.
SAME_WORD = 70


def _reworded(a: str, b: str) -> bool:
    """Whether one text puts other words where the other has some: "not being set" and "not
    being populated". A copy made by pasting or scraping loses or gains punctuation, spaces,
    a typo or a few words; it does not say one thing in place of another."""
    words_a = [w for w in (w.strip(_PUNCTUATION) for w in fold(a).split()) if w]
    words_b = [w for w in (w.strip(_PUNCTUATION) for w in fold(b).split()) if w]
    import difflib  # here, not at the top: rarely needed, and slow to import

    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    ratio = scorers().ratio
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = words_a[i1:i2], words_b[j1:j2]
        if tag != "replace" or "".join(old) == "".join(new):  # "e-mail" split as "e- mail"
            continue  # words added or left out: an edited copy is still a copy
        if len(old) == len(new) and all(
            ratio(x, y) >= SAME_WORD for x, y in zip(old, new, strict=True)
        ):
            continue
        if any(c.isalpha() for w in (*old, *new) for c in w):
            return True
    return False


def _spans(text: str) -> list[str]:
    return [" ".join(m.group(2).split()) for m in _CODE_SPAN.finditer(text)]


def _mostly_code(text: str) -> bool:
    code = sum(len(m.group(0)) for m in _CODE_SPAN.finditer(text))
    return code >= MOSTLY_CODE * len(text.strip())


def _targets(text: str) -> list[str]:
    return [(m.group(1) or m.group(2)).casefold() for m in _LINK_TARGET.finditer(text)]


def _names(text: str) -> set[str]:
    """Capitalised words that do not start a sentence: names of people, places, products."""
    prose = _LINK_TARGET.sub(" ", _CODE_SPAN.sub(" ", text))
    names = set()
    starts_sentence = True
    for match in _WORD.finditer(prose):
        word = match.group()
        if word[0].isupper() and not starts_sentence and word != "I":
            names.add(word)
        starts_sentence = _SENTENCE_END.match(prose, match.end()) is not None
    return names


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
