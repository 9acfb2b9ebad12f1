"""Rule codes, and choosing rules by them as ruff does: select, extend-select, ignore.

Every finding has a code: its kind's letter and a number (S101, D001). The codes are data:
`data/rules.toml` gives each kind its letter and the findings that are not phrase rules
(copies, related lists, the page classifier, learned templates) their codes, and each phrase
rule carries its `code` in its phrase file. Numbers 001-099 are the pipeline's own findings,
101-899 phrase rules, 900 a phrase from a configuration file.

A selector names rules: a code (S101), a prefix of codes (S, S1), a kind (syndication) or ALL.
`python -m artclean.rules` prints the table of every rule; `python -m artclean.rules
docs/reference/rules.md` rewrites it in that page (a test fails when the page is behind).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .kinds import KINDS

CODE = re.compile(r"[A-Z]\d{3}")
ALL = "ALL"
# Phrases from a configuration file: one code per kind, the kind's letter and this number.
CONFIGURED = 900


class RuleError(ValueError):
    """A selector that names no rule, or rule data that breaks the table's promises."""


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One row of the rule table."""

    code: str
    kind: str
    name: str
    summary: str
    languages: tuple[str, ...] = ()  # the phrase files that hold the rule


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    import tomllib  # here, not at the top: `artclean --version` never reads a TOML file

    path = resources.files("artclean").joinpath("data", "rules.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def prefixes() -> dict[str, str]:
    """The letter of every kind's codes."""
    table: dict[str, str] = dict(_data()["prefixes"])
    if set(table) != set(KINDS) or len(set(table.values())) != len(table):
        raise RuleError("rules.toml: [prefixes] must give every kind its own letter")
    return table


@lru_cache(maxsize=1)
def _builtin() -> dict[tuple[str, str], RuleInfo]:
    rules = {}
    for entry in _data()["rule"]:
        info = RuleInfo(entry["code"], entry["kind"], entry["name"], entry["summary"])
        check_code(info.code, info.kind, f"rules.toml: rule {info.name!r}")
        rules[(info.kind, info.name)] = info
    return rules


def builtin_code(kind: str, name: str) -> str:
    """The code of a finding of the pipeline itself (a copy, a related list, a template)."""
    try:
        return _builtin()[(kind, name)].code
    except KeyError:
        raise RuleError(f"rules.toml has no code for the {kind} rule {name!r}") from None


def configured_code(kind: str) -> str:
    """The code of a phrase from a configuration file's [tool.artclean.phrases]."""
    return f"{prefixes()[kind]}{CONFIGURED}"


def check_code(code: object, kind: str, where: str) -> str:
    """A rule's code, checked: present, a letter and three digits, the letter of its kind."""
    if not isinstance(code, str) or not CODE.fullmatch(code):
        raise RuleError(
            f"{where} needs a code such as {prefixes()[kind]}101 (see data/rules.toml), "
            f"not {code!r}"
        )
    if code[0] != prefixes()[kind]:
        raise RuleError(
            f"{where}: code {code} must start with {prefixes()[kind]}, as {kind} codes do"
        )
    return code


@lru_cache(maxsize=1)
def rule_table() -> tuple[RuleInfo, ...]:
    """Every rule, in code order: the pipeline's, every language's phrase rules, configured.

    A code means one rule in every language; RuleError if the data says otherwise.
    """
    from .boilerplate import available_languages, phrasebook

    rows: dict[str, RuleInfo] = {info.code: info for info in _builtin().values()}
    for language in available_languages():
        for rule in phrasebook((language,)).rules:
            known = rows.get(rule.code)
            if known is None:
                rows[rule.code] = RuleInfo(
                    rule.code, rule.kind, rule.name, _phrase_summary(rule.kind), (language,)
                )
            elif (known.kind, known.name) != (rule.kind, rule.name) or not known.languages:
                raise RuleError(
                    f"code {rule.code} names both {known.name!r} and {rule.name!r} "
                    f"({language}.toml); a code means one rule"
                )
            elif language not in known.languages:
                rows[rule.code] = RuleInfo(
                    known.code,
                    known.kind,
                    known.name,
                    known.summary,
                    (*known.languages, language),
                )
    names: dict[tuple[str, str], str] = {}
    for info in rows.values():
        if names.setdefault((info.kind, info.name), info.code) != info.code:
            raise RuleError(
                f"the {info.kind} rule {info.name!r} has two codes, "
                f"{names[(info.kind, info.name)]} and {info.code}"
            )
    for kind, letter in prefixes().items():
        code = f"{letter}{CONFIGURED}"
        rows[code] = RuleInfo(
            code, kind, "configured", f"a {kind} phrase from [tool.artclean.phrases]"
        )
    return tuple(rows[code] for code in sorted(rows, key=_code_order))


def _code_order(code: str) -> tuple[int, str]:
    return list(prefixes().values()).index(code[0]), code


def _phrase_summary(kind: str) -> str:
    return f"{kind} phrase rule: {KINDS[kind]}"


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    return frozenset(info.code for info in rule_table())


# --- selectors --------------------------------------------------------------------------------


def parse_selector(token: str) -> str:
    """A selector as the code prefix it stands for ("" for ALL); RuleError if it names no rule."""
    token = token.strip()
    if token == ALL:
        return ""
    if token in KINDS:
        return prefixes()[token]
    if re.fullmatch(r"[A-Za-z]\d{0,3}", token):
        prefix = token.upper()
        if any(code.startswith(prefix) for code in known_codes()):
            return prefix
    raise RuleError(
        f"unknown rule code {token!r} (a code such as S101, a prefix such as S, a kind such as "
        f"syndication, or ALL; see docs/reference/rules.md)"
    )


def parse_selectors(tokens: Iterable[str]) -> tuple[str, ...]:
    """Selectors from the command line or a configuration file; "S101,D" counts as two."""
    return tuple(
        parse_selector(part) for token in tokens for part in token.split(",") if part.strip()
    )


def matches(selectors: Iterable[str], code: str) -> bool:
    """Whether any of some parsed selectors names a code."""
    return any(code.startswith(prefix) for prefix in selectors)


@dataclass(frozen=True, slots=True)
class Layer:
    """One source of a selection (a configuration file, the command line): parsed selectors.

    `select` None leaves the rules selected before as they were; a list starts afresh.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.select is not None or bool(self.extend_select or self.ignore)


# The content profile's conservative default: copies, related-links lists and syndication
# notes (which it reports only as leftovers of a paste unless chosen by the user); what the
# user asked for elsewhere, learned templates and phrases from the configuration file, too.
CONTENT_DEFAULT = ("D", "R001", "R002", "S", "T001")
DEFAULT = ("",)


@dataclass(frozen=True, slots=True)
class Selection:
    """The rules a run reports, as ruff decides: the profile's default, then each layer.

    In a layer, the most specific selector that names a code decides for it (S101 before S),
    and an ignore decides a tie. A code is *chosen* when a layer's select or extend-select
    named it: the content profile then also applies its phrase rules to paragraphs that show
    no sign of a paste (a lone syndication note), which by default it leaves alone.
    """

    layers: tuple[Layer, ...] = ()

    def then(self, layer: Layer) -> Selection:
        return Selection((*self.layers, layer)) if layer else self

    def selects(self, code: str, profile: str) -> bool:
        return _decide(self, code, profile)[0]

    def chooses(self, code: str, profile: str) -> bool:
        return _decide(self, code, profile)[1]


def default_selectors(profile: str) -> tuple[str, ...]:
    if profile != "content":
        return DEFAULT
    return (*CONTENT_DEFAULT, *(f"{letter}{CONFIGURED}" for letter in prefixes().values()))


@lru_cache(maxsize=4096)
def _decide(selection: Selection, code: str, profile: str) -> tuple[bool, bool]:
    """(selected, chosen by the user) for one code."""
    selected = matches(default_selectors(profile), code)
    chosen = False
    for layer in selection.layers:
        picked = _specificity((*(layer.select or ()), *layer.extend_select), code)
        dropped = _specificity(layer.ignore, code)
        if picked > dropped:
            selected = chosen = True
        elif dropped >= 0 or layer.select is not None:
            selected = chosen = False
    return selected, chosen


def _specificity(selectors: Sequence[str], code: str) -> int:
    """The length of the longest selector naming the code; -1 when none does."""
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


# --- the table in the docs --------------------------------------------------------------------


def render_table() -> str:
    """The Markdown table of every rule, as docs/reference/rules.md holds it."""
    lines = [
        "| Code | Kind | Rule | What it finds | In the content profile by default |",
        "| --- | --- | --- | --- | --- |",
    ]
    for info in rule_table():
        summary = info.summary
        if info.languages:
            summary += f" ({', '.join(info.languages)})"
        default = Selection().selects(info.code, "content")
        note = "yes" if default else "no"
        if default and info.kind == "syndication":
            note = "beside a paste; anywhere when selected"
        lines.append(f"| {info.code} | {info.kind} | `{info.name}` | {summary} | {note} |")
    return "\n".join(lines) + "\n"


TABLE_START = "<!-- rules-table:start (generated by python -m artclean.rules FILE) -->\n"
TABLE_END = "<!-- rules-table:end -->\n"


def with_table(page: str) -> str:
    """A Markdown page with the table between its markers replaced by the current one."""
    start, end = page.index(TABLE_START) + len(TABLE_START), page.index(TABLE_END)
    return page[:start] + render_table() + page[end:]


_RULE_LINE = re.compile(r'^(kind|name|code) = "([^"]*)"$')


def assign_codes(texts: Sequence[str]) -> list[str]:
    """Phrase files with a `code` line added after the `name` of every rule that has none.

    A rule whose kind and name another rule (in any of the files, or the shipped ones) already
    has takes that code, as the same rule in another language; a new one takes the next free
    number of its kind's letter. Only lines are added, so that a merge stays mechanical.
    """
    import tomllib

    folder = resources.files("artclean").joinpath("data", "phrases")
    shipped = [entry.read_text(encoding="utf-8") for entry in folder.iterdir()]
    known: dict[tuple[str, str], str] = {}
    for text in (*shipped, *texts):
        for entry in tomllib.loads(text).get("rule", []):
            if "code" in entry:
                known.setdefault((entry["kind"], entry["name"]), entry["code"])
    taken = set(known.values())
    out = []
    for text in texts:
        # Blocks of lines, each from a [[rule]] line to the next: one rule per block.
        blocks: list[list[str]] = [[]]
        for line in text.split("\n"):
            if line.strip() == "[[rule]]":
                blocks.append([])
            blocks[-1].append(line)
        for block in blocks[1:]:
            fields = {m.group(1): m.group(2) for m in map(_RULE_LINE.match, block) if m}
            if "code" in fields or "kind" not in fields or "name" not in fields:
                continue
            key = (fields["kind"], fields["name"])
            code = known.get(key) or _next_code(prefixes()[key[0]], taken)
            known[key] = code
            taken.add(code)
            at = next(i for i, line in enumerate(block) if line.startswith("name = "))
            block.insert(at + 1, f'code = "{code}"')
        out.append("\n".join(line for block in blocks for line in block))
    return out


def _next_code(letter: str, taken: set[str]) -> str:
    used = [int(code[1:]) for code in taken if code[0] == letter and int(code[1:]) < CONFIGURED]
    return f"{letter}{max([100, *used]) + 1}"


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--assign-codes"]:  # give new phrase rules their codes, in place
        from pathlib import Path

        paths = [Path(name) for name in sys.argv[2:]]
        texts = [path.read_text(encoding="utf-8") for path in paths]
        for path, text in zip(paths, assign_codes(texts), strict=True):
            path.write_text(text, encoding="utf-8")
    elif len(sys.argv) > 1:  # rewrite the table in a page: docs/reference/rules.md
        with open(sys.argv[1], encoding="utf-8") as file:
            page = with_table(file.read())  # before opening it for writing: an error loses nothing
        with open(sys.argv[1], "w", encoding="utf-8") as file:
            file.write(page)
    else:
        print(render_table(), end="")
