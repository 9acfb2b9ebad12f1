"""Re-lay a dev set's page dumps as other converters would, for layouts the set does not have.

    python tests/bench/relayout.py wrapped  IN.jsonl OUT.jsonl   # every line hard-wrapped at 72
    python tests/bench/relayout.py markdown IN.jsonl OUT.jsonl   # html2text-like Markdown
    python tests/bench/relayout.py links    IN.jsonl OUT.jsonl   # the same, links in prose
    python tests/bench/relayout.py pictures IN.jsonl OUT.jsonl   # the same, figures in prose

`markdown` writes what html2text and Markdown scrapers make of a page: every short line
without closing punctuation (a menu entry, a footer link) becomes a list item linking to a URL,
every other line a paragraph wrapped at 78 columns between blank lines, as html2text wraps
(a word longer than the line, or a line of Chinese or Japanese without spaces, is not broken;
words are counted as artclean counts them: two characters a word in text without spaces).
`links` also makes three words of every third paragraph of prose a link to a long address, as
an article links its sources; html2text wraps the words but never breaks an address, so its
line runs past 78 columns. The gold and the snippets are left as they are: a cleaner scores
well only if it finds the same article in the new layout (an address kept with the article
costs every cleaner the same). `pictures` puts a figure, as html2text writes an image
(`![alt](source)`), after every third paragraph of 25 words or more. Score the output with
../shared/bench/score.py or traf_score.py as usual.
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


def links(text: str) -> str:
    return markdown(text, linked=True)


def pictures(text: str) -> str:
    return markdown(text, figures=True)


def markdown(text: str, linked: bool = False, figures: bool = False) -> str:
    lines: list[str] = []
    prose = long = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if word_count(stripped) <= MENU_WORDS and not stripped.endswith((".", "!", "?", ":")):
            slug = re.sub(r"\W+", "-", stripped.lower()).strip("-")[:40]
            lines.append(f"  * [{stripped}](https://www.example.com/{slug}/)")
        else:
            words = stripped.split(" ")
            prose += 1
            link = linked and prose % 3 == 0 and len(words) >= 12
            if link:
                slug = re.sub(r"\W+", "-", stripped.lower()).strip("-")[:60]
                address = f"https://www.example.com/news/2019/11/18/{slug}.html"
                words[3:6] = [f"[{' '.join(words[3:6])}]({address})"]
                stripped = " ".join(words)
            # (an address is never broken, at a hyphen either)
            wrapped = textwrap.fill(stripped, 78, break_long_words=False, break_on_hyphens=not link)
            lines += ["", wrapped, ""]
            long += len(words) >= 25
            if figures and len(words) >= 25 and long % 3 == 0:
                alt = " ".join(words[: long % 5])  # empty one time in five
                lines += ["", f"![{alt}](https://www.example.com/uploads/2019/11/{long}.jpg)", ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def main() -> int:
    layouts = {"wrapped": wrapped, "markdown": markdown, "links": links, "pictures": pictures}
    if len(sys.argv) != 4 or sys.argv[1] not in layouts:
        print("usage:\n" + "\n".join(__doc__.splitlines()[2:6]), file=sys.stderr)
        return 2
    layout = layouts[sys.argv[1]]
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
