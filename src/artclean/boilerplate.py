"""Boilerplate found by phrase: syndication notes, related-link lists, share rows and the like.

The knowledge is data: one TOML file per language in `data/phrases/`, loaded once. This module
only knows how to apply it: a phrase rule fires on a short paragraph whose comparable form it
matches, and a related-links list is a header paragraph followed by headline-like paragraphs up
to the first one that reads like body text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .kinds import KINDS
from .normalize import Comparable
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

    Patterns stay strings: most are only ever used inside the phrasebook's one combined
    expression, and `re` compiles (and caches) the others the first time they are needed,
    which keeps start-up fast for a pre-commit hook.
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


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """The phrase rules and related-list headers of some languages, compiled.

    The anchored rules are joined into one alternation tried once at the start of a paragraph;
    the few rules that search anywhere first check for a literal they need. Together this keeps
    the cost of phrase matching to about one regular-expression call per short paragraph.
    """

    languages: tuple[str, ...]
    rules: tuple[Rule, ...]
    anchored: re.Pattern[str]
    related_header: re.Pattern[str]
    max_words: int
    searching: tuple[int, ...]  # positions of the rules that search anywhere
    literals: re.Pattern[str]  # any literal one of those rules needs: most paragraphs have none

    def match(self, text: str, words: int) -> Rule | None:
        """The first rule (in file order) that fires on a paragraph's comparable form."""
        if words > self.max_words:
            return None
        found = self.anchored.match(text)
        first = int(found.lastgroup[1:]) if found and found.lastgroup else len(self.rules)
        if self.searching and self.literals.search(text):
            for position in self.searching:
                if position > first:
                    break
                rule = self.rules[position]
                if words <= rule.max_words and rule.fires(text):
                    return rule
        if first < len(self.rules) and words <= self.rules[first].max_words:
            return self.rules[first]
        # The first anchored rule applies only to shorter paragraphs: try the rest one by one.
        for rule in self.rules[first + 1 :]:
            if words <= rule.max_words and rule.fires(text):
                return rule
        return None

    def is_related_header(self, text: str) -> bool:
        return self.related_header.fullmatch(text.rstrip(" :")) is not None


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


@lru_cache(maxsize=32)
def phrasebook(languages: tuple[str, ...] = ("en",)) -> Phrasebook:
    """The compiled phrase rules of the given languages, in the order given."""
    rules: list[Rule] = []
    headers: list[str] = []
    for language in languages:
        data = _load(language)
        for entry in data.get("rule", []):  # type: ignore[attr-defined]
            rules.append(_rule(entry, language))
        headers.extend(data.get("related", {}).get("headers", []))  # type: ignore[attr-defined]
    related_header = re.compile("|".join(f"(?:{h})" for h in headers) or r"(?!)")
    return compile_rules(languages, rules, related_header)


def _rule(entry: dict[str, object], language: str) -> Rule:
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
    if nested_repetition(pattern):
        raise ValueError(f"{where}: {NESTED_REPETITION}")
    pages = bool(entry.get("pages", kind in PAGE_FURNITURE_KINDS))
    code = check_code(entry.get("code"), kind, where)
    max_words = int(entry["max_words"])  # type: ignore[call-overload]
    return Rule(kind, name, code, max_words, pattern, contains, pages)


def compile_rules(
    languages: tuple[str, ...], rules: Sequence[Rule], related_header: re.Pattern[str]
) -> Phrasebook:
    """A phrasebook of some rules, in the order given (also for a subset or extra rules)."""
    anchored = "|".join(
        f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(rules) if not rule.contains
    )
    return Phrasebook(
        languages=languages,
        rules=tuple(rules),
        anchored=re.compile(anchored or r"(?!)"),
        related_header=related_header,
        max_words=max((rule.max_words for rule in rules), default=0),
        searching=tuple(i for i, rule in enumerate(rules) if rule.contains),
        literals=re.compile(
            "|".join(re.escape(s) for rule in rules for s in rule.contains) or r"(?!)"
        ),
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
        words = len(text.split())
        rule = book.match(text, words)
        if rule is None:
            continue
        otherwise = None
        if rule.pages:
            other = _for_articles(book).match(text, words)
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


@lru_cache(maxsize=32)
def _for_articles(book: Phrasebook) -> Phrasebook:
    """The rules of a phrasebook that apply to any document, not only to page dumps."""
    rules = [rule for rule in book.rules if not rule.pages]
    return compile_rules(book.languages, rules, book.related_header)


def teaser_links(
    originals: Sequence[str], comparables: Sequence[Comparable], copies: Mapping[int, object]
) -> list[Finding]:
    """Short paragraphs that end in a link to the full story ("… Read more"), copying nothing.

    A teaser that copies a paragraph of the article is a duplicate; one that is cut from a
    paragraph the scraper did not keep is still a link to somewhere else, not article text.
    """
    findings = []
    for i, (original, item) in enumerate(zip(originals, comparables, strict=True)):
        short = len(item.text.split()) <= TEASER_LINK_WORDS
        link = _READ_MORE.search(original[-_READ_MORE_TAIL:].casefold())
        if item.teaser and i not in copies and short and link:
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
