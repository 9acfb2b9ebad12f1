"""Configuration: found walking up from each file, every key checked, the command line wins."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from artclean.check import options_for
from artclean.cli import main
from artclean.config import ConfigError, Settings, SettingsFinder, find_settings, load_settings

SENTENCE = (
    "Each application process holds its own pool, so the number of connections is the pool "
    "size times the number of processes."
)
# similarity 85.7 to SENTENCE, below the default threshold of 90: a copy with words added (one
# with words put in place of others would be a parallel sentence, never a copy)
NEAR = SENTENCE.replace("own pool,", "own pool of connections,").replace(
    "number of connections", "total number of open connections to the server"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_nearest_configuration_applies(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.artclean]\nsimilarity = 80\n")
    write(tmp_path / "docs" / "pyproject.toml", "[tool.artclean]\nsimilarity = 95\n")
    finder = SettingsFinder()
    assert finder(tmp_path / "docs" / "guide").similarity == 95
    assert finder(tmp_path / "docs").similarity == 95
    assert finder(tmp_path).similarity == 80


def test_a_pyproject_without_the_table_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.artclean]\nkeep = ['related']\n")
    write(tmp_path / "site" / "pyproject.toml", "[project]\nname = 'site'\n")
    settings = find_settings(tmp_path / "site")
    assert settings.path == tmp_path / "pyproject.toml"
    assert settings.keep == frozenset({"related"})


def test_artclean_toml_comes_before_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.artclean]\nsimilarity = 80\n")
    write(tmp_path / "artclean.toml", "similarity = 85\n")
    assert find_settings(tmp_path).similarity == 85


def test_no_configuration_means_the_defaults():
    options = options_for("post.md", Settings())
    assert (options.profile, options.syntax, options.similarity) == ("content", "markdown", 90)
    assert options_for("notes.txt").syntax == "text"


def test_every_key(tmp_path):
    config = write(
        tmp_path / "artclean.toml",
        """\
        similarity = 88
        keep = ["syndication", "related"]
        language = "en"
        profile = "article"
        include = ["posts/**/*.md"]
        exclude = ["drafts"]

        [phrases]
        subscribe = ["^join our discord"]
        share = ["^toot this$"]
        """,
    )
    settings = load_settings(config)
    assert settings is not None
    assert settings.option_values() == {
        "similarity": 88.0,
        "keep": frozenset({"syndication", "related"}),
        "languages": ("en",),
        "profile": "article",
        "phrases": (("subscribe", "^join our discord"), ("share", "^toot this$")),
    }
    assert settings.selects(tmp_path / "posts" / "2024" / "a.md")
    assert not settings.selects(tmp_path / "posts" / "drafts" / "a.md")
    assert not settings.selects(tmp_path / "notes" / "a.md")


@pytest.mark.parametrize(
    ("pattern", "path", "selected"),
    [
        ("*.txt", "notes/a.txt", True),
        ("*.txt", "notes/a.md", False),
        ("drafts", "posts/drafts/a.md", True),
        ("posts/drafts", "posts/drafts/a.md", True),
        ("posts/drafts", "other/posts/drafts/a.md", False),
        ("**/generated/*.md", "docs/api/generated/x.md", True),
        ("docs/*.md", "docs/api/x.md", False),
    ],
)
def test_exclude_patterns(tmp_path, pattern, path, selected):
    settings = Settings(path=tmp_path / "artclean.toml", exclude=(pattern,))
    assert settings.selects(tmp_path / path) is not selected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("similarty = 90\n", "unknown key 'similarty'"),
        ("similarity = 150\n", "similarity must be a number in (0, 100], not 150"),
        ("similarity = 'high'\n", "similarity must be a number in (0, 100], not 'high'"),
        ("keep = ['spam']\n", "keep must be a list of kinds"),
        ("keep = 'related'\n", "keep must be a list of strings, not 'related'"),
        ("language = 'xx'\n", "language must be a language or a list of languages"),
        ("profile = 'blog'\n", "profile must be one of auto, page, article, content"),
        ("include = 'posts'\n", "include must be a list of strings"),
        ("[phrases]\nspam = ['x']\n", "phrases.spam: unknown kind 'spam'"),
        ("[phrases]\nshare = ['(unclosed']\n", "phrases.share: '(unclosed' is not a valid"),
        ("similarity = \n", "not valid TOML"),
    ],
)
def test_mistakes_name_the_file_and_the_key(tmp_path, text, message):
    config = write(tmp_path / "artclean.toml", text)
    with pytest.raises(ConfigError) as raised:
        load_settings(config)
    assert str(raised.value).startswith(f"{config}:")
    assert message in str(raised.value)


def test_pyproject_mistakes_name_the_table(tmp_path):
    config = write(tmp_path / "pyproject.toml", "[tool.artclean]\nsimilarty = 90\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.artclean\] unknown key"):
        load_settings(config)


def test_a_bad_configuration_is_one_line_and_exit_2(tmp_path, capsys):
    write(tmp_path / "pyproject.toml", "[tool.artclean]\nsimilarty = 90\n")
    post = write(tmp_path / "post.md", "Text.\n")
    assert main(["--check", str(post)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"artclean: error: {tmp_path / 'pyproject.toml'}: [tool.artclean] unknown key "
        "'similarty' (known keys: similarity, keep, language, profile, include, exclude, "
        "phrases, select, extend-select, ignore)\n"
    )


def test_the_configuration_changes_what_check_finds(tmp_path, capsys):
    post = write(tmp_path / "post.md", f"{SENTENCE}\n\nMiddle.\n\n{NEAR}\n\nJoin our Discord!\n")
    assert main(["--check", str(post)]) == 0
    write(
        tmp_path / "artclean.toml",
        "similarity = 80\n[phrases]\nsubscribe = ['^join our discord']\n",
    )
    assert main(["--check", str(post)]) == 1
    out = capsys.readouterr().out
    assert ":5:1: D002 repeats the paragraph at line 1" in out
    assert ":7:1: P900 matches the subscribe phrase rule '^join our discord'" in out


def test_the_command_line_wins(tmp_path, capsys):
    post = write(tmp_path / "post.md", f"{SENTENCE}\n\nMiddle.\n\n{NEAR}\n")
    write(tmp_path / "artclean.toml", "similarity = 80\n")
    assert main(["--check", str(post)]) == 1
    assert main(["--check", "--similarity", "99", str(post)]) == 0
    write(tmp_path / "artclean.toml", "keep = ['duplicate']\n")
    assert main(["--check", "--similarity", "80", str(post)]) == 0
    assert main(["--check", "--similarity", "80", "--keep", "related", str(post)]) == 1


def test_excluded_files_are_skipped_even_when_named(tmp_path, capsys):
    post = write(tmp_path / "drafts" / "post.md", f"{SENTENCE}\n\nMiddle.\n\n{SENTENCE}\n")
    write(tmp_path / "pyproject.toml", "[tool.artclean]\nexclude = ['drafts']\n")
    assert main(["--check", str(post)]) == 0
    assert "0 files checked, nothing to change; 1 excluded by configuration" in (
        capsys.readouterr().err
    )
