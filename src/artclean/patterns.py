"""Which files a batch or --check takes, in what order, and the profiles: names only, no
imports.

`options` and `discover` re-export these, and the command's help quotes them; they live in a
module of their own so that `artclean --version` and `--help` load nothing else to say them.
"""

from __future__ import annotations

# How a document is read (see options.Options.profile).
PROFILES = ("auto", "page", "article", "content")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
# The files a directory is searched for, by a batch and by --check alike (and by the pre-commit
# hooks' `files` pattern, which a test holds to this list): Markdown, then plain text.
CONTENT_SUFFIXES = (*MARKDOWN_SUFFIXES, ".txt", ".text")
# The order files are taken in, as --help and the docs say it.
WALK_ORDER = "a directory's files in name order, then each subdirectory in name order, depth first"

TEXT_PATTERNS = tuple(f"*{suffix}" for suffix in CONTENT_SUFFIXES)
JSONL_PATTERNS = ("*.jsonl", "*.jsonl.gz", "*.ndjson", "*.ndjson.gz")
WARC_PATTERNS = ("*.warc", "*.warc.gz", "*.wet", "*.wet.gz")
PARQUET_PATTERNS = ("*.parquet",)
# The files a directory holds for each --input-format of records.
RECORD_PATTERNS = {"jsonl": JSONL_PATTERNS, "warc": WARC_PATTERNS, "parquet": PARQUET_PATTERNS}
