"""Boilerplate found by phrase: syndication notes, related-link lists, share rows and the like.

The knowledge is data: one TOML file per language in `data/phrases/`, loaded once. This module
only knows how to apply it: a phrase rule fires on a short paragraph whose comparable form it
matches, and a related-links list is a header paragraph followed by headline-like paragraphs up
to the first one that reads like body text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from . import lazy
from .kinds import KINDS
from .normalize import Comparable
from .prefilter import Needs, needs, shipped
from .rules import check_code, configured_code
from .safepattern import NESTED_REPETITION, nested_repetition

# Kinds whose rules describe page furniture: bylines and datelines, photo credits, menu
# entries. An article may carry such a line as its own (annotators keep "Image credit: NASA"),
# so these rules apply only to documents found to be page dumps; a rule of another kind opts
# in with `pages = true` in its phrase file.
PAGE_FURNITURE_KINDS = frozenset({"boilerplate", "caption", "navigation"})

# A teaser link ("Cornerback… Read more") is short; a longer paragraph ending so is left to
# duplicate detection.
TEASER_LINK_WORDS = 12
_READ_MORE = re.compile(r"(?:read|see|view) (?:more|the full (?:story|article))|continue reading")
_READ_MORE_TAIL = 40

# "Read more: <headline>" holds one headline; a longer paragraph after a label is prose.
INLINE_LINK_WORDS = 25

# A related-links list holds a handful of headlines, not a whole page.
MAX_RELATED_ITEMS = 40


@dataclass(frozen=True, slots=True)
class Rule:
    """A phrase rule: `pattern` must match at the start, or anywhere if `contains` is set.

    Patterns stay strings: a phrasebook compiles a rule the first time a paragraph passes its
    cheap tests (see `prefilter`), which keeps start-up fast for a pre-commit hook.
    """

    kind: str
    name: str
    code: str  # the rule's stable code (S101): see rules.py
    max_words: int
    pattern: str
    contains: tuple[str, ...] = ()
    pages: bool = False  # page furniture: applies only to documents found to be page dumps

    def fires(self, text: str) -> bool:
        if self.contains:
            return any(s in text for s in self.contains) and bool(re.search(self.pattern, text))
        return bool(re.match(self.pattern, text))


# A node of a matcher's trie: (edges by first character: (the edge's characters, the node
# after it)), the positions of the rules whose prefix ends at the node).
_Node = tuple[dict[str, tuple[str, Any]], tuple[int, ...]]


def _joined(node: tuple[dict[str, Any], list[int]]) -> _Node:
    """A trie of one character per level made into edges of whole runs (see _Matcher)."""
    children, ends = node
    edges: dict[str, tuple[str, Any]] = {}
    for char, child in children.items():
        run = char
        while not child[1] and len(child[0]) == 1:
            ((following, child),) = child[0].items()
            run += following
        edges[char] = (run, _joined(child))
    return edges, tuple(ends)


class _Matcher:
    """A phrasebook's rules indexed by what a paragraph must start with and contain.

    Each rule's cheap tests come from its pattern (`prefilter.needs`): the prefixes a matched
    paragraph starts with, the literals it contains; a search rule's literals are its
    `contains`. A paragraph's first characters walk a trie of the prefixes to the rules it may
    match; the rules that need no prefix but a literal are ruled out together by one search
    for any of their literals. Only what remains is tried, in file order, and a rule's
    pattern is compiled the first time a paragraph gets that far. Short paragraphs recur (a
    menu's entries on every page of a site), and their verdicts are remembered.
    """

    def __init__(self, rules: Sequence[Rule], languages: Sequence[str] = ()) -> None:
        self.rules = tuple(rules)
        known: dict[str, Needs] = {}
        for language in languages:
            known.update(shipped(language))
        tests = [
            Needs(None, rule.contains)
            if rule.contains
            else known.get(rule.pattern) or needs(rule.pattern)
            for rule in rules
        ]
        self.literals = [t.literals for t in tests]
        self.compiled: list[Callable[[str], object] | None] = [None] * len(rules)
        # The trie, by first character: a node is (its edges, the rules whose prefix ends
        # there), an edge (the characters it spans, the node after them) under its first
        # character. A run of characters with one way on and no prefix ending is one edge:
        # a language's thousands of prefixes made 100,000 one-character nodes, 20 MB in every
        # worker. A first character's branch is built when a paragraph first starts with it:
        # the prefixes take 10 ms or more, and a short document needs a few branches.
        self.trie: dict[str, _Node] = {}
        self._unbuilt: dict[str, list[tuple[str, int]]] = {}
        for position, test in enumerate(tests):
            for prefix in test.prefixes or ():
                branch = self._unbuilt.get(prefix[0])
                if branch is None:
                    branch = self._unbuilt[prefix[0]] = []
                branch.append((prefix, position))
        self.digit = tuple(i for i, test in enumerate(tests) if test.digit)
        self.anywhere = tuple(i for i, test in enumerate(tests) if test.prefixes is None)
        self._anywhere: dict[tuple[int, bool], _Anywhere] = {}
        self._known: dict[tuple[str, int, bool], int] = {}
        self._tried = 0  # paragraphs tried (not remembered)

    def match(self, text: str, words: int, articles: bool) -> Rule | None:
        """The first rule (in file order) that fires, of those for articles if `articles`."""
        short = words <= _REMEMBERED_WORDS
        if short:
            known = self._known.get((text, words, articles))
            if known is not None:
                return self.rules[known] if known >= 0 else None
        found: list[int] = []
        if text[:1] in self._unbuilt:
            self._build(text[0])
        node = self.trie.get(text[:1])
        at = 1
        while node is not None:
            edges, ends = node
            found += ends
            edge = edges.get(text[at : at + 1])
            if edge is None or not text.startswith(edge[0], at):
                break
            at += len(edge[0])
            node = edge[1]
        if self.digit and text[:1].isdecimal():
            found += self.digit
        self._tried += 1
        anywhere = self._anywhere.get((words, articles)) or self._anywhere_rules(words, articles)
        if anywhere.keywords is None or anywhere.keywords.search(text) is not None:
            found += anywhere.positions
        else:
            found += anywhere.without_keywords
        rules, literals, compiled = self.rules, self.literals, self.compiled
        result = -1
        for position in sorted(set(found)) if len(found) > 1 else found:
            rule = rules[position]
            if words > rule.max_words or (articles and rule.pages):
                continue
            needed = literals[position]
            if needed is not None and not any(map(text.__contains__, needed)):
                continue
            run = compiled[position] or self._compile(position)
            if run(text) is not None:
                result = position
                break
        if short:
            if len(self._known) >= _REMEMBERED:
                self._known.clear()
            self._known[(text, words, articles)] = result
        return rules[result] if result >= 0 else None

    def _build(self, first: str) -> None:
        """The trie's branch for paragraphs that start with `first`.

        Built aside and put in place whole, then crossed off: a thread that matches meanwhile
        sees no branch (and builds the same one) or a finished one, never half of one.
        """
        branch: tuple[dict[str, Any], list[int]] = ({}, [])
        for prefix, position in self._unbuilt.get(first, ()):
            level = branch
            for char in prefix[1:]:
                step = level[0].get(char)
                if step is None:
                    step = level[0][char] = ({}, [])
                level = step
            level[1].append(position)
        self.trie[first] = _joined(branch)
        self._unbuilt.pop(first, None)

    def _compile(self, position: int) -> Callable[[str], object]:
        rule = self.rules[position]
        pattern = re.compile(rule.pattern)
        run = self.compiled[position] = pattern.search if rule.contains else pattern.match
        return run

    def _anywhere_rules(self, words: int, articles: bool) -> _Anywhere:
        """The rules without a prefix that a paragraph of this length may match."""
        positions = tuple(
            i
            for i in self.anywhere
            if words <= self.rules[i].max_words and not (articles and self.rules[i].pages)
        )
        keyworded = [i for i in positions if self.literals[i] is not None]
        if keyworded and self._tried < _KEYWORDS_AFTER:
            # A few paragraphs (a line in a pipe) are cheaper to test rule by rule than to
            # compile the keyword pattern for; this entry is not remembered.
            return _Anywhere(positions, None, positions)
        keywords = None
        if keyworded:
            keywords = _any_of(frozenset(s for i in keyworded for s in self.literals[i] or ()))
        entry = _Anywhere(positions, keywords, tuple(i for i in positions if i not in keyworded))
        self._anywhere[(words, articles)] = entry
        return entry


# The keyword pattern of the rules without a prefix is compiled once this many paragraphs
# have been tried.
_KEYWORDS_AFTER = 64
# Paragraphs of up to this many words have their verdicts remembered, up to this many.
_REMEMBERED_WORDS = 8
_REMEMBERED = 100_000


class _Anywhere(NamedTuple):
    positions: tuple[int, ...]  # the rules without a prefix, in file order
    keywords: re.Pattern[str] | None  # any literal one of them needs
    without_keywords: tuple[int, ...]  # those of them that need none


@lru_cache(maxsize=256)
def _any_of(literals: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds any of some literals, written as a trie: `re` tries the
    alternatives of a group one by one, so shared beginnings are spelled once."""
    trie: dict[str, Any] = {}
    for literal in literals:
        level = trie
        for char in literal:
            level = level.setdefault(char, {})
        level[""] = {}

    def written(level: dict[str, Any]) -> str:
        if "" in level:  # a literal ends here: what follows does not matter
            return ""
        options = [re.escape(char) + written(level[char]) for char in sorted(level)]
        return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"

    return re.compile(written(trie))


@dataclass(frozen=True, slots=True, eq=False)
class Phrasebook:
    """The phrase rules and related-list headers of some languages.

    `match` tries a paragraph only against the rules whose literal prefixes and keywords it
    has (see `_Matcher`), so that phrase matching costs a few string tests per paragraph and
    a rule is compiled only once a paragraph could match it. Phrasebooks compare by identity:
    `phrasebook` makes one per tuple of languages.
    """

    languages: tuple[str, ...]
    rules: tuple[Rule, ...]
    related_header: re.Pattern[str]
    max_words: int
    # The phrasebooks of the languages one by one, when `rules` are theirs in this order: a
    # paragraph is matched against each in turn, so that every pair of a page's language and
    # English shares one English matcher (a worker cleaning a corpus of 14 languages held 14
    # copies of its prefix trie, 55 MB).
    parts: tuple[Phrasebook, ...] = ()
    _lazy: dict[str, Any] = field(default_factory=dict, repr=False)

    def _matcher(self) -> _Matcher:
        matcher: _Matcher | None = self._lazy.get("matcher")
        if matcher is None:
            matcher = self._lazy["matcher"] = _Matcher(self.rules, self.languages)
        return matcher

    def match(self, text: str, words: int, *, articles: bool = False) -> Rule | None:
        """The first rule (in file order) that fires on a paragraph's comparable form.

        With `articles`, only the rules that apply to any document, not to page dumps alone.
        """
        if words > self.max_words:
            return None
        for part in self.parts:
            rule = part.match(text, words, articles=articles)
            if rule is not None:
                return rule
        if self.parts:
            return None
        return self._matcher().match(text, words, articles)

    @property
    def anchored(self) -> re.Pattern[str]:
        """The anchored rules joined into one alternation (for probing them together)."""
        pattern: re.Pattern[str] | None = self._lazy.get("anchored")
        if pattern is None:
            joined = "|".join(
                f"(?P<r{i}>{rule.pattern})"
                for i, rule in enumerate(self.rules)
                if not rule.contains
            )
            pattern = self._lazy["anchored"] = re.compile(joined or r"(?!)")
        return pattern

    def is_related_header(self, text: str) -> bool:
        text = text.rstrip(" :")
        if "header" not in self._lazy:
            self._lazy["header"] = needs(self.related_header.pattern).prefixes
        prefixes: tuple[str, ...] | None = self._lazy["header"]
        if prefixes is not None and not text.startswith(prefixes):
            return False
        return self.related_header.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class Finding:
    """A paragraph found to be boilerplate, and why."""

    index: int
    kind: str
    rule: str
    reason: str
    group: int | None = None
    page_only: bool = False  # from a rule for page furniture (see Rule.pages)
    code: str = ""  # a phrase rule's code; "" for the pipeline's own, found in rules.toml
    # For a page-only finding: what a rule for any document says of the line, if anything.
    otherwise: Finding | None = None


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    folder = resources.files("artclean").joinpath("data", "phrases")
    names = (entry.name for entry in folder.iterdir())
    return tuple(sorted(name[:-5] for name in names if name.endswith(".toml")))


def _load(language: str) -> dict[str, object]:
    import tomllib  # here, not at the top: only cleaning text reads the phrase files

    path = resources.files("artclean").joinpath("data", "phrases", f"{language}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def language_rules(language: str, data: Mapping[str, object] | None = None) -> list[Rule]:
    """The phrase rules of one language's file (`data`, if already loaded), in file order."""
    data = _load(language) if data is None else data
    # The shipped readings were written from patterns that passed `_rule`'s checks (see
    # __main__ below): a pattern read there is not parsed again for nested repetition.
    checked = shipped(language)
    return [_rule(entry, language, checked) for entry in data.get("rule", [])]  # type: ignore[attr-defined]


@lru_cache(maxsize=32)
def phrasebook(languages: tuple[str, ...] = ("en",)) -> Phrasebook:
    """The compiled phrase rules of the given languages, in the order given."""
    if len(languages) > 1:
        # The first rule in file order that fires is the first that fires in the first
        # language's rules, or else in the next language's: one matcher per language does.
        parts = tuple(phrasebook((code,)) for code in languages)
        every = [rule for part in parts for rule in part.rules]
        header = "|".join(f"(?:{part.related_header.pattern})" for part in parts)
        book = compile_rules(languages, every, lazy.pattern(header))
        return dataclasses.replace(book, parts=parts)
    rules: list[Rule] = []
    headers: list[str] = []
    for language in languages:  # one, or none
        data = _load(language)
        rules.extend(language_rules(language, data))
        headers.extend(data.get("related", {}).get("headers", []))  # type: ignore[attr-defined]
    # Compiled when a paragraph starts as a header may (see Phrasebook.is_related_header).
    related_header = lazy.pattern("|".join(f"(?:{h})" for h in headers) or r"(?!)")
    return compile_rules(languages, rules, related_header)


def _rule(entry: dict[str, object], language: str, checked: Container[str] = ()) -> Rule:
    name = str(entry.get("name"))
    where = f"phrase rule {name!r} ({language}.toml)"
    kind = str(entry.get("kind"))
    if kind not in KINDS:
        raise ValueError(f"{where} has unknown kind {kind!r}")
    if ("match" in entry) == ("search" in entry):
        raise ValueError(f"{where} needs exactly one of 'match' and 'search'")
    contains = tuple(str(s) for s in entry.get("contains", ()))  # type: ignore[attr-defined]
    if "search" in entry and not contains:
        raise ValueError(f"{where}: a 'search' rule needs 'contains'")
    pattern = str(entry.get("match") or entry.get("search"))
    if pattern not in checked and nested_repetition(pattern):
        raise ValueError(f"{where}: {NESTED_REPETITION}")
    pages = bool(entry.get("pages", kind in PAGE_FURNITURE_KINDS))
    code = check_code(entry.get("code"), kind, where)
    max_words = int(entry["max_words"])  # type: ignore[call-overload]
    return Rule(kind, name, code, max_words, pattern, contains, pages)


def compile_rules(
    languages: tuple[str, ...], rules: Sequence[Rule], related_header: re.Pattern[str]
) -> Phrasebook:
    """A phrasebook of some rules, in the order given (also for a subset or extra rules)."""
    return Phrasebook(
        languages=languages,
        rules=tuple(rules),
        related_header=related_header,
        max_words=max((rule.max_words for rule in rules), default=0),
    )


# Phrases from a configuration file fire on paragraphs of at most this many words.
EXTRA_PHRASE_MAX_WORDS = 40


@lru_cache(maxsize=32)
def extra_phrasebook(phrases: tuple[tuple[str, str], ...]) -> Phrasebook:
    """Phrase rules given as (kind, pattern) pairs, each named after its pattern.

    The patterns are searched anywhere in the comparable form (a "^" anchors one at the start),
    and ignore case, so "Join our Discord" works as written.
    """
    rules = []
    for kind, pattern in phrases:
        if kind not in KINDS:
            raise ValueError(f"phrase {pattern!r} has unknown kind {kind!r}")
        search = f"(?s:(?i:.*?(?:{pattern})))"
        re.compile(search)  # a bad pattern fails here, where the caller can name it
        if nested_repetition(pattern):
            raise ValueError(f"phrase {pattern!r}: {NESTED_REPETITION}")
        rules.append(Rule(kind, pattern, configured_code(kind), EXTRA_PHRASE_MAX_WORDS, search))
    return compile_rules((), rules, re.compile(r"(?!)"))


def reads_like_body(text: str) -> bool:
    """Whether a paragraph reads as article prose rather than a headline or a link.

    Headlines run to about twenty words and do not end in a full stop; prose does.
    """
    words = len(text.split())
    if words > 30:
        return True
    stripped = text.rstrip(" \"'\u201d\u2019)")
    return words >= 8 and stripped.endswith(".") and not stripped.endswith("..")


def phrase_findings(texts: Sequence[str], book: Phrasebook) -> list[Finding]:
    """Paragraphs that a phrase rule identifies, given their comparable forms.

    A finding of a page-furniture rule carries what a rule for any document says of the same
    line, if anything: "Copyright © 2020 The Times" is a photo credit on a page and still a
    copyright line when the document turns out to be an article.
    """
    findings = []
    for index, text in enumerate(texts):
        if not text:
            continue
        # A comparable form's words are one space apart, with none at its ends.
        words = text.count(" ") + 1
        rule = book.match(text, words)
        if rule is None:
            continue
        otherwise = None
        if rule.pages:
            other = book.match(text, words, articles=True)
            otherwise = _finding(index, other) if other is not None else None
        findings.append(_finding(index, rule, otherwise))
    return findings


def _finding(index: int, rule: Rule, otherwise: Finding | None = None) -> Finding:
    reason = f"matches the {rule.kind} phrase rule {rule.name!r}"
    return Finding(
        index,
        rule.kind,
        rule.name,
        reason,
        page_only=rule.pages,
        code=rule.code,
        otherwise=otherwise,
    )


def teaser_links(
    originals: Sequence[str], comparables: Sequence[Comparable], copies: Mapping[int, object]
) -> list[Finding]:
    """Short paragraphs that end in a link to the full story ("… Read more"), copying nothing.

    A teaser that copies a paragraph of the article is a duplicate; one that is cut from a
    paragraph the scraper did not keep is still a link to somewhere else, not article text.
    """
    findings = []
    for i, (original, item) in enumerate(zip(originals, comparables, strict=True)):
        if not item.teaser or i in copies or item.text.count(" ") >= TEASER_LINK_WORDS:
            continue  # (a comparable form has single spaces: its words are one more)
        if _READ_MORE.search(original[-_READ_MORE_TAIL:].casefold()):
            reason = "a short teaser ending in a link to the full story"
            findings.append(Finding(i, "related", "teaser-link", reason))
    return findings


def _is_inline_link(original: str, text: str, book: Phrasebook) -> bool:
    """A related-links header and one headline in a paragraph: "Read more: Alibaba to list".

    After the label must come a headline, not a sentence ("Related: police said on Friday
    that the suspect had been released.").
    """
    label, colon, rest = text.partition(":")
    if not colon or not rest.strip() or len(text.split()) > INLINE_LINK_WORDS:
        return False
    headline = original.partition(":")[2]
    return (
        book.is_related_header(label) and bool(headline.strip()) and not reads_like_body(headline)
    )


def related_lists(
    originals: Sequence[str], texts: Sequence[str], book: Phrasebook
) -> list[Finding]:
    """Related-links lists: a header such as "You may also like" and the headlines after it.

    `originals` are the paragraphs as written (case tells headlines from prose), `texts` their
    comparable forms (for the header match). The list ends at the first paragraph that reads
    like body text, at the next header, or after MAX_RELATED_ITEMS headlines.
    """
    findings: list[Finding] = []
    i = 0
    while i < len(texts):
        if not book.is_related_header(texts[i]):
            if _is_inline_link(originals[i], texts[i], book):
                reason = "a link to another story after a related-links label"
                findings.append(Finding(i, "related", "inline-link", reason))
            i += 1
            continue
        header = originals[i].strip().rstrip(":").strip()
        reason = f"header of a related-links list ({header!r})"
        findings.append(Finding(i, "related", "related-header", reason, group=i))
        j = i + 1
        while (
            j < len(texts)
            and j - i <= MAX_RELATED_ITEMS
            and texts[j]
            and not book.is_related_header(texts[j])
            and not reads_like_body(originals[j])
        ):
            reason = f"headline in the related-links list under {header!r}"
            findings.append(Finding(j, "related", "related-item", reason, group=i))
            j += 1
        i = j
    return findings


if __name__ == "__main__":  # python -m artclean.boilerplate: rewrite data/prefilter/*.json
    import json
    from pathlib import Path

    folder = Path(__file__).parent / "data" / "prefilter"
    folder.mkdir(exist_ok=True)
    for language in available_languages():
        patterns = sorted({r.pattern for r in language_rules(language) if not r.contains})
        readings = {p: list(needs(p)) for p in patterns}
        text = json.dumps(readings, ensure_ascii=False, indent=0, sort_keys=True)
        (folder / f"{language}.json").write_text(text + "\n", encoding="utf-8")
