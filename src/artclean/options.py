"""The options of a cleaning run: one immutable record with documented defaults."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

# Defined in `patterns`, so that --help can quote them without loading this module.
from .patterns import CONTENT_SUFFIXES as CONTENT_SUFFIXES
from .patterns import MARKDOWN_SUFFIXES as MARKDOWN_SUFFIXES
from .patterns import PROFILES as PROFILES
from .patterns import WALK_ORDER as WALK_ORDER

if TYPE_CHECKING:
    from .rules import Selection
    from .templates import TemplateTable

DEFAULT_SIMILARITY = 90.0
SYNTAXES = ("text", "markdown")


def _every_rule() -> Selection:
    """The default selection; `rules` is imported here, when an Options is made, so that
    importing this module (as the command's --help does) does not load the rule table."""
    from .rules import Selection

    return Selection()


@dataclass(frozen=True, slots=True)
class Options:
    """How to clean.

    similarity: rapidfuzz score (0-100) at or above which two paragraphs are near-duplicates.
    keep: kinds of removal to keep instead (e.g. {"syndication"}); see `boilerplate.KINDS`.
    languages: phrase-list languages to use; empty means detect (English when unsure).
    profile: "auto" picks per document; "page" is for whole-page dumps (menus, footers
        around the article); "article" for scraped articles (duplicates and phrase rules
        only); "content" for written content files such as Markdown posts (conservative:
        a false finding in a pre-commit hook is worse than a missed one).
    syntax: "text", or "markdown" to leave front matter, code, HTML, tables and link
        definitions untouched and to honour `<!-- artclean: ... -->` comments.
    phrases: extra phrase rules as (kind, pattern) pairs, e.g. from the configuration file.
    templates: paragraphs learned across a batch as one site's template (`templates.py`);
        None, the default, cleans each document on its own.
    select: the rules to report, by code (`rules.Selection`): the profile's default set
        (every rule; in the content profile a conservative one) changed by select,
        extend-select and ignore from a configuration file and the command line.
    markdown_profile: the profile `for_file` gives a Markdown file: "content", since such a
        file is usually written, unless the run chose one profile for every file (a crawl
        saved as Markdown pages, `--profile auto`).
    """

    similarity: float = DEFAULT_SIMILARITY
    keep: frozenset[str] = field(default_factory=frozenset)
    languages: tuple[str, ...] = ()
    profile: str = "auto"
    syntax: str = "text"
    phrases: tuple[tuple[str, str], ...] = ()
    templates: TemplateTable | None = None
    select: Selection = field(default_factory=_every_rule)
    markdown_profile: str = "content"

    def __post_init__(self) -> None:
        if not 0 < self.similarity <= 100:
            raise ValueError(f"similarity must be in (0, 100], not {self.similarity}")
        for name, profile in (
            ("profile", self.profile),
            ("markdown_profile", self.markdown_profile),
        ):
            if profile not in PROFILES:
                raise ValueError(f"{name} must be one of {', '.join(PROFILES)}, not {profile!r}")
        if self.syntax not in SYNTAXES:
            raise ValueError(f"syntax must be one of {', '.join(SYNTAXES)}, not {self.syntax!r}")

    def but(self, **changes: Any) -> Options:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def for_file(self, path: str) -> Options:
        """The options for a file of this name: a Markdown file is read as Markdown, in the
        `markdown_profile` (written content, unless the run chose a profile for every file),
        whether it is cleaned alone or in a batch."""
        if path.lower().endswith(MARKDOWN_SUFFIXES):
            return self.but(profile=self.markdown_profile, syntax="markdown")
        return self
