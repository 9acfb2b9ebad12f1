"""Re-lay a dev set's page dumps as other converters would, for layouts the set does not have.

    python tests/bench/relayout.py wrapped  IN.jsonl OUT.jsonl   # every line hard-wrapped at 72
    python tests/bench/relayout.py markdown IN.jsonl OUT.jsonl   # html2text-like Markdown

`markdown` writes what html2text and Markdown scrapers make of a page: every short line
without closing punctuation (a menu entry, a footer link) becomes a list item linking to a URL,
every other line a paragraph wrapped at 78 columns between blank lines, as html2text wraps
(a word longer than the line, or a line of Chinese or Japanese without spaces, is not broken;
words are counted as artclean counts them: two characters a word in text without spaces).
The gold and the snippets are left as they are: a cleaner scores well only if it finds the
same article in the new layout. Score the output with ../shared/bench/score.py or
traf_score.py as usual.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap

from artclean.features import word_count

MENU_WORDS = 4


def wrapped(text: str) -> str:
    return "\n".join(textwrap.fill(line, 72) if line.strip() else line for line in text.split("\n"))


def markdown(text: str) -> str:
    lines: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if word_count(stripped) <= MENU_WORDS and not stripped.endswith((".", "!", "?", ":")):
            slug = re.sub(r"\W+", "-", stripped.lower()).strip("-")[:40]
            lines.append(f"  * [{stripped}](https://www.example.com/{slug}/)")
        else:
            lines += ["", textwrap.fill(stripped, 78, break_long_words=False), ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def main() -> int:
    if len(sys.argv) != 4 or sys.argv[1] not in ("wrapped", "markdown"):
        print("usage:\n" + "\n".join(__doc__.splitlines()[2:4]), file=sys.stderr)
        return 2
    layout = wrapped if sys.argv[1] == "wrapped" else markdown
    with (
        open(sys.argv[2], encoding="utf-8") as source,
        open(sys.argv[3], "w", encoding="utf-8") as out,
    ):
        for line in source:
            record = json.loads(line)
            record["text"] = layout(record["text"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
