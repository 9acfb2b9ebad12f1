"""Rule codes and choosing rules by them: the table as data, selection as in ruff, suppression
in the file, and the output formats of --check (CliRunner and the installed command)."""

from __future__ import annotations

import json
import re
import subprocess
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from artclean import clean
from artclean.boilerplate import _rule, available_languages, phrasebook
from artclean.check import Problem, github_annotation
from artclean.cli import cli, main
from artclean.kinds import KINDS
from artclean.options import Options
from artclean.rules import (
    CODE,
    Layer,
    RuleError,
    Selection,
    assign_codes,
    builtin_code,
    parse_selectors,
    prefixes,
    render_table,
    rule_table,
    with_table,
)
from conftest import ROOT, SEED, installed_command

SENTENCE = (
    "The harbour council voted on Tuesday to extend the ferry timetable through the winter "
    "months, after a petition from commuters."
)
NOTE = "This article originally appeared in The Island Gazette."
CLOSING = "The new timetable starts in November and adds two crossings on weekday evenings."
# A copy (D001) next to a syndication note, which the default reports as part of the paste.
PASTED = f"# Minutes\n\n{SENTENCE}\n\nOther news.\n\n{SENTENCE}\n\n{NOTE}\n\n{CLOSING}\n"
# A syndication note on its own: the writer's attribution, unless the team asks for S.
LONE = f"# A post\n\n{SENTENCE}\n\n{NOTE}\n\n{CLOSING}\n"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- the table --------------------------------------------------------------------------------


def test_every_phrase_rule_of_every_language_has_a_code_of_its_kind():
    for language in available_languages():
        for rule in phrasebook((language,)).rules:
            assert CODE.fullmatch(rule.code), (language, rule.name)
            assert rule.code[0] == prefixes()[rule.kind], (language, rule.name)


def test_a_code_means_one_rule_in_every_language_and_a_rule_has_one_code():
    codes: dict[str, tuple[str, str]] = {}
    names: dict[tuple[str, str], str] = {}
    folder = resources.files("artclean").joinpath("data", "phrases")
    for language in available_languages():
        data = tomllib.loads(folder.joinpath(f"{language}.toml").read_text(encoding="utf-8"))
        for entry in data["rule"]:
            rule = (entry["kind"], entry["name"])
            assert codes.setdefault(entry["code"], rule) == rule, (language, entry["code"])
            assert names.setdefault(rule, entry["code"]) == entry["code"], (language, rule)
    rule_table()  # makes the same checks when it loads, with messages for whoever broke them


def test_the_merged_comment_prompts_are_the_single_prompts_run_together():
    """comment-prompts-merged repeats comment-prompt's pattern by hand (two to eight of its
    prompts on one line, each in an atomic group): an alternative added to one must be added
    to the other, in the same place."""
    folder = resources.files("artclean").joinpath("data", "phrases")
    checked = 0
    for language in available_languages():
        data = tomllib.loads(folder.joinpath(f"{language}.toml").read_text(encoding="utf-8"))
        rules = {entry["name"]: entry.get("match") for entry in data["rule"]}
        if "comment-prompts-merged" not in rules:
            continue
        one = rules["comment-prompt"].removesuffix("$")
        merged = {f"(?>{body})(?: (?>{body})){{1,7}}+$" for body in (one, f"(?:{one})")}
        assert rules["comment-prompts-merged"] in merged, language
        checked += 1
    assert checked >= 20


def test_a_phrase_rule_without_a_code_does_not_load():
    entry = {"kind": "syndication", "name": "new-rule", "max_words": 20, "match": "via"}
    with pytest.raises(RuleError, match=r"phrase rule 'new-rule' \(xx.toml\) needs a code"):
        _rule(entry, "xx")
    with pytest.raises(RuleError, match="must start with S"):
        _rule({**entry, "code": "D101"}, "xx")


def test_every_kind_has_its_own_letter():
    assert set(prefixes()) == set(KINDS)
    assert len(set(prefixes().values())) == len(KINDS)


def test_the_docs_list_every_rule_as_the_data_says():
    """docs/reference/rules.md is regenerated with `python -m artclean.rules FILE`."""
    page = (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
    assert page == with_table(page), "run: python -m artclean.rules docs/reference/rules.md"
    for info in rule_table():
        assert f"| {info.code} | {info.kind} | `{info.name}` |" in render_table()


# --- selection --------------------------------------------------------------------------------


def chosen(*layers: Layer, profile: str = "content") -> set[str]:
    selection = Selection(layers)
    return {info.code for info in rule_table() if selection.selects(info.code, profile)}


def codes(prefix: str) -> set[str]:
    return {info.code for info in rule_table() if info.code.startswith(prefix)}


def test_the_default_selection_is_every_rule_outside_the_content_profile():
    assert chosen(profile="article") == {info.code for info in rule_table()}


def test_the_content_profiles_default_is_its_conservative_set():
    configured = {info.code for info in rule_table() if info.code.endswith("900")}
    assert chosen() == codes("D") | {"R001", "R002", "T001"} | codes("S") | configured


def test_select_replaces_extend_select_adds_ignore_removes():
    assert chosen(Layer(select=parse_selectors(["D"]))) == codes("D")
    assert chosen(Layer(extend_select=("P",))) == chosen() | codes("P")
    assert chosen(Layer(ignore=parse_selectors(["duplicate"]))) == chosen() - codes("D")


def test_the_most_specific_selector_wins_and_ignore_wins_a_tie():
    assert chosen(Layer(select=("S",), ignore=("S101",))) == codes("S") - {"S101"}
    assert chosen(Layer(select=("D",), ignore=("S",), extend_select=("S101",))) == codes("D") | {
        "S101"
    }
    assert chosen(Layer(select=("D001",), ignore=("D001",))) == set()


def test_a_later_layer_applies_after_an_earlier_one():
    configuration = Layer(select=("D",))
    command_line = Layer(extend_select=("S101",), ignore=("D004",))
    assert chosen(configuration, command_line) == codes("D") - {"D004"} | {"S101"}


@pytest.mark.parametrize(
    ("written", "parsed"),
    [(["S101"], ("S101",)), (["s1,D"], ("S1", "D")), (["syndication"], ("S",)), (["ALL"], ("",))],
)
def test_selectors_are_codes_prefixes_kinds_or_all(written, parsed):
    assert parse_selectors(written) == parsed


@pytest.mark.parametrize("bad", ["S999", "X1", "S1011", "syndicaton", "", "all"])
def test_an_unknown_selector_is_an_error(bad):
    with pytest.raises(RuleError, match="unknown rule code"):
        parse_selectors([bad or " ,"]) if bad else parse_selectors(["S101 D001"])


# --- what the selection changes ------------------------------------------------------------------


def check(path: Path, *args: str):
    return invoke("--check", str(path), *args)


def test_findings_carry_their_codes_in_check_lines(tmp_path):
    post = write(tmp_path / "post.md", PASTED)
    result = check(post)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{post}:7:1: D001 repeats the paragraph at line 3 (similarity 100)\n"
        f"{post}:9:1: S101 matches the syndication phrase rule 'originally-appeared'\n"
    )


def test_a_lone_syndication_note_is_reported_only_when_syndication_is_selected(tmp_path):
    post = write(tmp_path / "post.md", LONE)
    assert check(post).exit_code == 0
    for selector in ("S", "syndication", "S101", "ALL"):
        result = check(post, "--extend-select", selector)
        assert result.exit_code == 1, selector
        assert result.stdout == (
            f"{post}:5:1: S101 matches the syndication phrase rule 'originally-appeared'\n"
        )
    assert check(post, "--select", "S").exit_code == 1
    assert check(post, "--extend-select", "S", "--ignore", "S101").exit_code == 0


def test_select_and_ignore_on_the_command_line(tmp_path):
    post = write(tmp_path / "post.md", PASTED)
    only_copies = check(post, "--select", "D")
    assert only_copies.stdout.splitlines() == [
        f"{post}:7:1: D001 repeats the paragraph at line 3 (similarity 100)"
    ]
    no_copies = check(post, "--ignore", "D001")
    assert [line.split(": ")[1].split()[0] for line in no_copies.stdout.splitlines()] == ["S101"]
    nothing = check(post, "--ignore", "D,S")
    assert (nothing.exit_code, nothing.stdout) == (0, "")


def test_fix_removes_only_what_is_selected(tmp_path):
    post = write(tmp_path / "post.md", PASTED)
    assert invoke("--fix", str(post), "--ignore", "S").exit_code == 1
    assert post.read_text(encoding="utf-8") == (
        f"# Minutes\n\n{SENTENCE}\n\nOther news.\n\n{NOTE}\n\n{CLOSING}\n"
    )


def test_the_configuration_selects_and_the_command_line_comes_after_it(tmp_path):
    post = write(tmp_path / "post.md", LONE)
    write(tmp_path / "pyproject.toml", '[tool.artclean]\nextend-select = ["S"]\n')
    assert check(post).stdout.startswith(f"{post}:5:1: S101 ")
    assert check(post, "--ignore", "S101").exit_code == 0
    write(tmp_path / "pyproject.toml", '[tool.artclean]\nselect = ["D"]\nignore = ["D004"]\n')
    assert check(write(tmp_path / "post.md", PASTED)).stdout.splitlines() == [
        f"{post}:7:1: D001 repeats the paragraph at line 3 (similarity 100)"
    ]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('select = ["S1O1"]', "[tool.artclean] select: unknown rule code 'S1O1'"),
        ('ignore = "D"', "[tool.artclean] ignore must be a list of rule codes, not 'D'"),
        ('extend-select = ["nope"]', "[tool.artclean] extend-select: unknown rule code 'nope'"),
    ],
)
def test_an_unknown_code_in_the_configuration_is_one_line_and_exit_2(tmp_path, table, message):
    post = write(tmp_path / "post.md", PASTED)
    write(tmp_path / "pyproject.toml", f"[tool.artclean]\n{table}\n")
    result = check(post)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_an_unknown_code_on_the_command_line_is_a_usage_error(tmp_path, capsys):
    post = write(tmp_path / "post.md", PASTED)
    for option in ("--select", "--extend-select", "--ignore"):
        assert main(["--check", str(post), option, "D001,Q123"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            f"artclean: error: Invalid value for '{option}': unknown rule code 'Q123' (a code "
            "such as S101, a prefix such as S, a kind such as syndication, or ALL; see "
            "docs/reference/rules.md) (see artclean --help)\n"
        )


# --- suppression in the file ------------------------------------------------------------------


def test_an_ignore_comment_suppresses_one_rule_for_the_next_paragraph(tmp_path):
    text = PASTED.replace(
        f"Other news.\n\n{SENTENCE}", f"Other news.\n\n<!-- artclean: ignore D001 -->\n{SENTENCE}"
    )
    post = write(tmp_path / "post.md", text)
    assert check(post).stdout == (
        f"{post}:10:1: S101 matches the syndication phrase rule 'originally-appeared'\n"
    )
    other_rule = write(tmp_path / "other.md", text.replace("ignore D001", "ignore S"))
    assert check(other_rule).stdout.splitlines() == [
        f"{other_rule}:8:1: D001 repeats the paragraph at line 3 (similarity 100)",
        f"{other_rule}:10:1: S101 matches the syndication phrase rule 'originally-appeared'",
    ]


def test_an_ignore_comment_applies_to_its_paragraph_only(tmp_path):
    text = (
        f"{SENTENCE}\n\nOne.\n\n<!-- artclean: ignore D001 -->\n{SENTENCE}\n\nTwo.\n\n{SENTENCE}\n"
    )
    post = write(tmp_path / "post.md", text)
    assert (
        check(post).stdout
        == f"{post}:10:1: D001 repeats the paragraph at line 1 (similarity 100)\n"
    )


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("<!-- artclean: ignore S1O1 -->", "in 'artclean: ignore S1O1'"),
        ("<!-- artclean: ignore -->", "'artclean: ignore' needs rule codes"),
        ("<!-- artclean: keep D001 -->", "'artclean: keep' takes no rule codes"),
    ],
)
def test_a_directive_that_cannot_be_obeyed_is_an_error(tmp_path, comment, message):
    post = write(tmp_path / "post.md", f"{comment}\n{PASTED}")
    result = check(post)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{post}:1:1: error: ")
    assert message in result.stderr


# --- output formats ---------------------------------------------------------------------------


def test_json_output_is_one_array_of_findings(tmp_path):
    post = write(tmp_path / "post.md", PASTED)
    result = check(post, "--output-format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "path": str(post),
            "line": 7,
            "column": 1,
            "end_line": 7,
            "code": "D001",
            "kind": "duplicate",
            "rule": "exact",
            "message": "repeats the paragraph at line 3 (similarity 100)",
        },
        {
            "path": str(post),
            "line": 9,
            "column": 1,
            "end_line": 9,
            "code": "S101",
            "kind": "syndication",
            "rule": "originally-appeared",
            "message": "matches the syndication phrase rule 'originally-appeared'",
        },
    ]
    clean_file = write(tmp_path / "clean.md", LONE)
    nothing = check(clean_file, "--output-format", "json")
    assert (nothing.exit_code, json.loads(nothing.stdout)) == (0, [])


def test_github_output_is_workflow_commands(tmp_path):
    post = write(tmp_path / "post.md", PASTED)
    result = check(post, "--output-format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::error file={post},line=7,col=1,title=artclean D001 (duplicate)::D001 repeats the "
        "paragraph at line 3 (similarity 100)",
        f"::error file={post},line=9,col=1,title=artclean S101 (syndication)::S101 matches the "
        "syndication phrase rule 'originally-appeared'",
    ]


def test_github_output_escapes_as_the_actions_toolkit_does():
    """Data: % CR LF; properties also : and , (docs: workflow commands, toolkit command.ts)."""
    problem = Problem("docs/a,b:c%.md", 3, 1, "subscribe", "50% off\r\nnow: a, b", "P900", "x", 3)
    assert github_annotation(problem) == (
        "::error file=docs/a%2Cb%3Ac%25.md,line=3,col=1,title=artclean P900 (subscribe)"
        "::P900 50%25 off%0D%0Anow: a, b"
    )


def test_output_format_comes_from_the_environment_in_ci(tmp_path):
    post = write(tmp_path / "post.md", PASTED)
    result = CliRunner().invoke(
        cli, ["--check", str(post)], env={"ARTCLEAN_OUTPUT_FORMAT": "github"}
    )
    assert result.stdout.startswith(f"::error file={post},line=7,")
    cleaned = CliRunner().invoke(cli, [str(post)], env={"ARTCLEAN_OUTPUT_FORMAT": "github"})
    assert cleaned.exit_code == 0  # cleaning to stdout is not a finding format's business
    assert cleaned.stdout == invoke(str(post)).stdout
    assert cleaned.stdout.startswith("# Minutes\n")


def test_output_format_is_for_findings_only(tmp_path):
    post = write(tmp_path / "post.md", PASTED)
    outside = invoke(str(post), "--output-format", "json")
    assert outside.exit_code == 2
    assert "--output-format applies to --check and --fix" in outside.stderr
    with_diff = invoke("--diff", str(post), "--output-format", "github")
    assert with_diff.exit_code == 2


def test_the_installed_command_writes_annotations_and_json(tmp_path):
    post = write(tmp_path / "post.md", LONE)
    command = installed_command()
    github = subprocess.run(
        [command, "--check", "post.md", "--output-format", "github", "--extend-select", "S"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert github.returncode == 1
    assert github.stdout == (
        "::error file=post.md,line=5,col=1,title=artclean S101 (syndication)::S101 matches the "
        "syndication phrase rule 'originally-appeared'\n"
    )
    assert github.stderr == "artclean: would fix 1 of 1 file (removed: syndication 1)\n"
    as_json = subprocess.run(
        [command, "--check", str(post), "--output-format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (as_json.returncode, json.loads(as_json.stdout)) == (0, [])
    bad = subprocess.run(
        [command, "--check", str(post), "--select", "Z9"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


# --- codes in the cleaning output ---------------------------------------------------------------


def test_cleaning_json_and_explain_show_the_codes():
    result = clean(SEED.read_text(encoding="utf-8"))
    assert result.removed
    for removal in result.removed:
        assert CODE.fullmatch(removal.code)
        assert removal.code[0] == prefixes()[removal.kind]
    assert [r["code"] for r in result.to_dict()["removed"]] == [r.code for r in result.removed]
    explained = invoke(str(SEED), "--explain")
    assert "[S101 originally-appeared]" in " ".join(explained.stdout.split())


def test_selection_applies_when_cleaning_too():
    text = SEED.read_text(encoding="utf-8")
    everything = clean(text).removed
    without_lists = clean(text, Options(select=Selection((Layer(ignore=("R",)),)))).removed
    assert {r.kind for r in everything} >= {"related", "duplicate"}
    assert [r for r in everything if r.kind != "related" and "related" not in r.also] == [
        r for r in without_lists if r.kind != "related"
    ]
    assert all(r.kind != "related" for r in without_lists)


def test_new_phrase_rules_are_given_codes_by_adding_lines_only():
    new_language = (
        "# Xx boilerplate phrases.\n\n"
        '[[rule]]\nkind = "syndication"\nname = "originally-appeared"\nmax_words = 40\n'
        "match = '''x'''\n\n"
        '[[rule]]\nkind = "syndication"\nname = "a-new-rule"\nmax_words = 40\n'
        "match = '''y'''\n"
    )
    highest = max(
        int(i.code[1:]) for i in rule_table() if i.kind == "syndication" and i.code < "S9"
    )
    (assigned,) = assign_codes([new_language])
    assert (
        assigned.splitlines()
        == [
            *new_language.splitlines()[:5],
            'code = "S101"',  # the rule's code in every other language
            *new_language.splitlines()[5:11],
            f'code = "S{highest + 1}"',  # the next free syndication number
            *new_language.splitlines()[11:],
        ]
    )
    assert assign_codes([assigned]) == [assigned]


def test_every_finding_the_pipeline_names_in_its_source_has_a_code():
    """A new finding of the pipeline's own (a Finding with a literal kind and rule) needs its
    line in data/rules.toml; so do the page classifier's two rules, in both kinds."""
    pattern = re.compile(r'Finding\(\s*\w+,\s*"([a-z]+)",\s*"([a-z-]+)"')
    found = {
        match.groups()
        for path in (ROOT / "src" / "artclean").glob("*.py")
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    }
    assert ("comments", "comment-thread") in found
    found |= {
        (k, r) for k in ("navigation", "boilerplate") for r in ("not-prose", "outside-article")
    }
    for kind, rule in sorted(found):
        assert builtin_code(kind, rule)[0] == prefixes()[kind]
