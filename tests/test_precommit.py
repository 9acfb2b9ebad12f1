"""End to end with the real pre-commit: the hooks in .pre-commit-hooks.yaml guard a commit.

A temporary copy of this project becomes the hook repository (so the test uses the working
tree as it is, committed or not); pre-commit installs it into its own virtual environment
from the package registry, once per test session. Then, in a fresh git repository, a commit
with a duplicated paragraph is stopped and a clean one goes through.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import artclean

pytest.importorskip("pre_commit")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = (
    "The committee met on Thursday and agreed to publish the full minutes of every meeting "
    "within a week."
)
DUPLICATED = f"# Minutes\n\n{SENTENCE}\n\nOther news.\n\n{SENTENCE}\n"
CLEAN = f"# Minutes\n\n{SENTENCE}\n\nOther news.\n"
IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
}


def git(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """A git repository holding this project, its commit, and the environment to run in."""
    base = tmp_path_factory.mktemp("precommit")
    env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(base / "cache")}
    env.pop("PRE_COMMIT", None)
    repo = base / "artclean"
    repo.mkdir()
    for name in (".pre-commit-hooks.yaml", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, repo / name)
    shutil.copytree(
        ROOT / "src", repo / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__")
    )
    git("init", "-q", cwd=repo, env=env)
    git("add", "-A", cwd=repo, env=env)
    assert git("commit", "-q", "-m", "artclean", cwd=repo, env=env).returncode == 0
    rev = git("rev-parse", "HEAD", cwd=repo, env=env).stdout.strip()
    return repo, rev, env


def site(tmp_path: Path, hook_repo: tuple[Path, str, dict[str, str]], hook: str) -> Path:
    """A content repository with artclean's hook installed."""
    repo, rev, env = hook_repo
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n-   repo: {repo}\n    rev: {rev}\n    hooks:\n    -   id: {hook}\n",
        encoding="utf-8",
    )
    git("init", "-q", cwd=tmp_path, env=env)
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return tmp_path


def commit(path: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    git("add", "-A", cwd=path, env=env)
    return git("commit", "-m", message, cwd=path, env=env)


def test_the_manifest_is_valid():
    validated = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", ".pre-commit-hooks.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr


# pre-commit installs the hook repository into a virtual environment of its own, from the
# package registry: these run in CI's `python -m pytest -m slow` step.
@pytest.mark.slow
def test_the_check_hook_stops_a_duplicated_paragraph_and_passes_a_clean_commit(tmp_path, hook_repo):
    env = hook_repo[2]
    repo = site(tmp_path, hook_repo, "artclean")
    (repo / "post.md").write_text(DUPLICATED, encoding="utf-8")
    (repo / "code.py").write_text(f"# {SENTENCE}\n# {SENTENCE}\n", encoding="utf-8")

    stopped = commit(repo, env, "Add the minutes")
    assert stopped.returncode != 0
    assert "post.md:7:1: D001 repeats the paragraph at line 3 (similarity 100)" in (
        stopped.stdout + stopped.stderr
    )
    assert "code.py" not in stopped.stdout + stopped.stderr
    assert git("rev-parse", "HEAD", cwd=repo, env=env).returncode != 0  # nothing committed

    (repo / "post.md").write_text(CLEAN, encoding="utf-8")
    passed = commit(repo, env, "Add the minutes")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "artclean" in passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr


# pre-commit installs the hook repository into a virtual environment of its own, from the
# package registry: these run in CI's `python -m pytest -m slow` step.
@pytest.mark.slow
def test_the_fix_hook_fixes_the_file_and_the_second_commit_goes_through(tmp_path, hook_repo):
    env = hook_repo[2]
    repo = site(tmp_path, hook_repo, "artclean-fix")
    (repo / "post.md").write_text(DUPLICATED, encoding="utf-8")

    stopped = commit(repo, env, "Add the minutes")
    assert stopped.returncode != 0
    assert "files were modified by this hook" in stopped.stdout + stopped.stderr
    assert (repo / "post.md").read_text(encoding="utf-8") == CLEAN

    passed = commit(repo, env, "Add the minutes")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def readme_snippet() -> str:
    """The .pre-commit-config.yaml the README tells users to write."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```$", readme, re.M | re.S)
    (snippet,) = [block for block in blocks if block.startswith("repos:")]
    return snippet


def test_the_snippet_names_this_release_and_the_guide_shows_the_same() -> None:
    snippet = readme_snippet()
    assert re.search(r"^    rev: (\S+)", snippet, re.M).group(1) == f"v{artclean.__version__}"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(r"^## (\S+)", changelog, re.M).group(1) == artclean.__version__
    guide = (ROOT / "docs" / "guide" / "content-repositories.md").read_text(encoding="utf-8")
    for line in snippet.splitlines():
        assert line in guide.splitlines()


# pre-commit installs the hook repository into a virtual environment of its own, from the
# package registry: these run in CI's `python -m pytest -m slow` step.
@pytest.mark.slow
def test_the_readme_snippet_works_as_copied(tmp_path: Path) -> None:
    """The README's snippet, only `repo:` pointed at a clone of this repository.

    The clone is of the last commit, and the release tag the snippet names is set on it there:
    CI's clone may not carry tags, and one it carries may name an earlier commit whose output
    differs from this tree's. That the tag exists where the project is published is the
    release's job (CHANGELOG.md).
    """
    env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env.pop("PRE_COMMIT", None)
    clone = tmp_path / "artclean"
    cloned = git("clone", "--quiet", str(ROOT), str(clone), cwd=tmp_path, env=env)
    assert cloned.returncode == 0, cloned.stderr
    snippet = readme_snippet()
    url = re.search(r"^-   repo: (\S+)", snippet, re.M).group(1)
    tag = re.search(r"^    rev: (\S+)", snippet, re.M).group(1)
    assert git("tag", "--force", tag, cwd=clone, env=env).returncode == 0
    repo = tmp_path / "site"
    repo.mkdir()
    git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        snippet.replace(url, str(clone), 1), encoding="utf-8"
    )
    (repo / "post.md").write_text(DUPLICATED, encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)

    def pre_commit() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "--all-files"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    stopped = pre_commit()
    assert stopped.returncode == 1, stopped.stdout + stopped.stderr
    assert "post.md:7:1: D001 repeats the paragraph at line 3 (similarity 100)" in (stopped.stdout)
    assert "would fix" not in stopped.stdout + stopped.stderr  # no summary under pre-commit
    (repo / "post.md").write_text(CLEAN, encoding="utf-8")
    git("add", "-A", cwd=repo, env=env)
    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
