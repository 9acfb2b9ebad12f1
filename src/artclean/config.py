"""Settings from `[tool.artclean]` in pyproject.toml, or from artclean.toml.

As with black and ruff, the settings for a file come from the nearest configuration found by
walking up from the file's directory: an `artclean.toml` (its keys at the top level), or a
`pyproject.toml` that has a `[tool.artclean]` table (one without it is passed over). Every key
is checked, so a typo is an error naming the file and the key, never a silently ignored line.
The values are defaults: options given on the command line win.

    [tool.artclean]
    similarity = 92                     # rapidfuzz score (0, 100]
    keep = ["syndication"]              # kinds never removed
    language = "en"                     # or a list: ["en", "de"]
    profile = "content"                 # auto, page, article or content
    include = ["content/**/*.md"]       # check only these files...
    exclude = ["drafts", "**/*.txt"]    # ...and never these
    select = ["D", "S"]                 # rules by code, prefix or kind (as in ruff)...
    extend-select = ["P101"]            # ...added to the selection...
    ignore = ["D003"]                   # ...and taken from it

    [tool.artclean.phrases]             # extra phrase rules, per kind
    subscribe = ["^join our discord"]
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .kinds import KINDS
from .options import PROFILES
from .rules import Layer, RuleError, Selection, parse_selectors
from .safepattern import NESTED_REPETITION, nested_repetition

CONFIG_FILES = ("artclean.toml", "pyproject.toml")
KEYS = (
    "similarity",
    "keep",
    "language",
    "profile",
    "include",
    "exclude",
    "phrases",
    "select",
    "extend-select",
    "ignore",
)


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What a configuration file says; None where it says nothing."""

    path: Path | None = None  # the file the settings came from
    similarity: float | None = None
    keep: frozenset[str] | None = None
    languages: tuple[str, ...] | None = None
    profile: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    phrases: tuple[tuple[str, str], ...] = field(default=())
    rules: Layer = field(default_factory=Layer)  # select, extend-select and ignore

    def selects(self, path: str | Path) -> bool:
        """Whether include/exclude let a file be checked (paths relative to the config file)."""
        if self.path is None or not (self.include or self.exclude):
            return True
        relative = os.path.relpath(os.path.abspath(path), self.path.parent.absolute())
        relative = relative.replace(os.sep, "/")
        if self.include and not any(_matches(p, relative) for p in self.include):
            return False
        return not any(_matches(p, relative) for p in self.exclude)

    def option_values(self) -> dict[str, Any]:
        """The settings as `Options` fields, for those the file sets."""
        values: dict[str, Any] = {
            "similarity": self.similarity,
            "keep": self.keep,
            "languages": self.languages,
            "profile": self.profile,
        }
        values = {name: value for name, value in values.items() if value is not None}
        if self.phrases:
            values["phrases"] = self.phrases
        if self.rules:
            values["select"] = Selection().then(self.rules)
        return values


@lru_cache(maxsize=1024)
def _glob(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression: `**` spans directories, `*` and `?` do not."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def _matches(pattern: str, relative: str) -> bool:
    """Gitignore-like: a pattern without "/" matches any file or directory name on the path;
    one with "/" matches from the configuration file's directory, the file or a parent of it."""
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    parts = relative.split("/")
    if "/" not in pattern:
        regex = _glob(pattern)
        return any(regex.fullmatch(part) for part in parts)
    regex = _glob(pattern)
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def find_settings(directory: str | Path) -> Settings:
    """The settings that apply in a directory: the nearest configuration above it, or none."""
    return SettingsFinder()(directory)


class SettingsFinder:
    """Finds the settings of many directories, reading each configuration file once.

    One finder serves one run: a later run sees configuration files as they are then.
    """

    def __init__(self) -> None:
        self._known: dict[str, Settings] = {}

    def __call__(self, directory: str | Path) -> Settings:
        directory = os.path.abspath(directory)
        visited = []
        settings = None
        while settings is None:
            settings = self._known.get(directory)
            if settings is not None:
                break
            visited.append(directory)
            settings = self._here(directory)
            parent = os.path.dirname(directory)
            if settings is None and parent == directory:
                settings = Settings()
            directory = parent
        self._known.update(dict.fromkeys(visited, settings))
        return settings

    @staticmethod
    def _here(directory: str) -> Settings | None:
        for name in CONFIG_FILES:
            candidate = Path(directory, name)
            if candidate.is_file():
                settings = load_settings(candidate)
                if settings is not None:
                    return settings
        return None


def load_settings(path: Path) -> Settings | None:
    """The settings in one file; None for a pyproject.toml without [tool.artclean]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read ({error})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("artclean")
        if table is None:
            return None
        where = f"{path}: [tool.artclean]"
    else:
        table = data
        where = f"{path}:"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    return parse_settings(table, path, where)


def parse_settings(table: Mapping[str, Any], path: Path, where: str) -> Settings:
    """Check every key and value; `where` starts each error message."""
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"{where} unknown key {key!r} (known keys: {', '.join(KEYS)})")

    def bad(key: str, expected: str) -> ConfigError:
        return ConfigError(f"{where} {key} must be {expected}, not {table[key]!r}")

    similarity = table.get("similarity")
    if similarity is not None:
        if isinstance(similarity, bool) or not isinstance(similarity, int | float):
            raise bad("similarity", "a number in (0, 100]")
        if not 0 < similarity <= 100:
            raise bad("similarity", "a number in (0, 100]")
    keep = _kinds(table, "keep", bad)
    languages = _languages(table, bad)
    profile = table.get("profile")
    if profile is not None and profile not in PROFILES:
        raise bad("profile", f"one of {', '.join(PROFILES)}")
    include = _strings(table, "include", bad)
    exclude = _strings(table, "exclude", bad)
    phrases = _phrases(table, where)
    rules = Layer(
        select=_selectors(table, "select", where) if "select" in table else None,
        extend_select=_selectors(table, "extend-select", where),
        ignore=_selectors(table, "ignore", where),
    )
    return Settings(
        path=path,
        similarity=float(similarity) if similarity is not None else None,
        keep=keep,
        languages=languages,
        profile=profile,
        include=include,
        exclude=exclude,
        phrases=phrases,
        rules=rules,
    )


def _selectors(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} {key} must be a list of rule codes, not {value!r}")
    try:
        return parse_selectors(value)
    except RuleError as error:
        raise ConfigError(f"{where} {key}: {error}") from None


def _strings(table: Mapping[str, Any], key: str, bad: Any) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad(key, "a list of strings")
    return tuple(value)


def _kinds(table: Mapping[str, Any], key: str, bad: Any) -> frozenset[str] | None:
    if key not in table:
        return None
    kinds = _strings(table, key, bad)
    for kind in kinds:
        if kind not in KINDS:
            raise bad(key, f"a list of kinds ({', '.join(KINDS)})")
    return frozenset(kinds)


def _languages(table: Mapping[str, Any], bad: Any) -> tuple[str, ...] | None:
    if "language" not in table:
        return None
    from .boilerplate import available_languages

    value = table["language"]
    languages = [value] if isinstance(value, str) else value
    known = available_languages()
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(v, str) and v in known for v in languages)
    ):
        raise bad("language", f"a language or a list of languages ({', '.join(known)})")
    return tuple(languages)


def _phrases(table: Mapping[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    value = table.get("phrases", {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where} phrases must be a table of kind = [patterns], not {value!r}")
    phrases = []
    for kind, patterns in value.items():
        if kind not in KINDS:
            raise ConfigError(
                f"{where} phrases.{kind}: unknown kind {kind!r} (kinds: {', '.join(KINDS)})"
            )
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ConfigError(f"{where} phrases.{kind} must be a list of strings")
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ConfigError(
                    f"{where} phrases.{kind}: {pattern!r} is not a valid regular expression "
                    f"({error})"
                ) from None
            if nested_repetition(pattern):
                raise ConfigError(f"{where} phrases.{kind}: {pattern!r}: {NESTED_REPETITION}")
            phrases.append((kind, pattern))
    return tuple(phrases)
