"""Boilerplate found by phrase: syndication notes, related-link lists, share rows and the like.

The knowledge is data: one TOML file per language in `data/phrases/`, loaded once. This module
only knows how to apply it: a phrase rule fires on a short paragraph whose comparable form it
matches, and a related-links list is a header paragraph followed by headline-like paragraphs up
to the first one that reads like body text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .kinds import KINDS

# A related-links list holds a handful of headlines, not a whole page.
MAX_RELATED_ITEMS = 40


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    name: str
    max_words: int
    pattern: str


@dataclass(frozen=True, slots=True)
class Phrasebook:
    """The phrase rules and related-list headers of some languages, compiled."""

    languages: tuple[str, ...]
    rules: tuple[Rule, ...]
    matcher: re.Pattern[str]
    related_header: re.Pattern[str]
    max_words: int

    def match(self, text: str, words: int) -> Rule | None:
        """The first rule that fires on a paragraph's comparable form, if any."""
        if words > self.max_words:
            return None
        found = self.matcher.search(text)
        if found is None or found.lastgroup is None:
            return None
        rule = self.rules[int(found.lastgroup[1:])]
        if words <= rule.max_words:
            return rule
        # The leftmost rule applies only to shorter paragraphs: try the others one by one.
        for other in self.rules:
            if words <= other.max_words and re.search(other.pattern, text):
                return other
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


def available_languages() -> tuple[str, ...]:
    folder = resources.files("artclean").joinpath("data", "phrases")
    names = (entry.name for entry in folder.iterdir())
    return tuple(sorted(name[:-5] for name in names if name.endswith(".toml")))


def _load(language: str) -> dict[str, object]:
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
            rules.append(Rule(entry["kind"], entry["name"], entry["max_words"], entry["pattern"]))
        headers.extend(data.get("related", {}).get("headers", []))  # type: ignore[attr-defined]
    for rule in rules:
        if rule.kind not in KINDS:
            raise ValueError(f"phrase rule {rule.name!r} has unknown kind {rule.kind!r}")
    matcher = "|".join(f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(rules))
    return Phrasebook(
        languages=languages,
        rules=tuple(rules),
        matcher=re.compile(matcher or r"(?!)"),
        related_header=re.compile("|".join(f"(?:{h})" for h in headers) or r"(?!)"),
        max_words=max((rule.max_words for rule in rules), default=0),
    )


# Phrases from a configuration file fire on paragraphs of at most this many words.
EXTRA_PHRASE_MAX_WORDS = 40


@lru_cache(maxsize=32)
def extra_phrasebook(phrases: tuple[tuple[str, str], ...]) -> Phrasebook:
    """Phrase rules given as (kind, pattern) pairs, each named after its pattern.

    The patterns are searched in the comparable form like the built-in ones, but ignore case,
    so "Join our Discord" works as written.
    """
    rules = tuple(
        Rule(kind, pattern, EXTRA_PHRASE_MAX_WORDS, f"(?i:{pattern})") for kind, pattern in phrases
    )
    for rule in rules:
        if rule.kind not in KINDS:
            raise ValueError(f"phrase {rule.pattern!r} has unknown kind {rule.kind!r}")
    matcher = "|".join(f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(rules))
    return Phrasebook(
        languages=(),
        rules=rules,
        matcher=re.compile(matcher or r"(?!)"),
        related_header=re.compile(r"(?!)"),
        max_words=EXTRA_PHRASE_MAX_WORDS if rules else 0,
    )


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
    """Paragraphs that a phrase rule identifies, given their comparable forms."""
    findings = []
    for index, text in enumerate(texts):
        if not text:
            continue
        rule = book.match(text, len(text.split()))
        if rule is not None:
            reason = f"matches the {rule.kind} phrase rule {rule.name!r}"
            findings.append(Finding(index, rule.kind, rule.name, reason))
    return findings


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
