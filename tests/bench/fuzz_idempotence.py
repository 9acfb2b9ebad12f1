"""Count generated documents that a second cleaning changes (cleaning must be idempotent).

    python tests/bench/fuzz_idempotence.py [FIRST_SEED] [COUNT] [--save DIR]

Each document is 3 to 10 blocks: sentences hard-wrapped at 54 to 80 columns, lists of one to
four boilerplate lines and headlines, and wrapped sentences cut short with one such line put
between their lines (a newsletter prompt inside a paragraph), with LF or CRLF line ends. The
same sentences recur, so copies, near copies and truncated copies meet the boilerplate rules.
Prints how many of COUNT documents (seeds FIRST_SEED onwards; default 0 and 3000) come out
different when their clean output is cleaned again; --save writes those inputs to DIR.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from pathlib import Path

from artclean import clean

SENTENCES = [
    "The city council voted on Tuesday to approve the plan after a debate that lasted four "
    "hours, with residents divided over the cost of the new bridge.",
    "The library director said the change was long overdue, because demand had grown every "
    "year since the pandemic and many residents discovered e-books for the first time.",
    "Road works on the main street will start in May and last until the autumn, the council "
    "said, and buses will be diverted through the old town during that time.",
    "Residents who want to comment on the plan can do so at the town hall until the end of the "
    "month, when the council will publish a final version of the budget.",
    "The airport authority said on Friday that the new terminal would open in March, two years "
    "later than planned, and that",
    "On Thursday, investigators held the mayor and the city's port director Maria Lopez at the "
    "airport on charges of fraud and money laundering.",
    "Cookies help us deliver our services. By using our services, you agree to our use of "
    "cookies and our updated privacy policy and terms of use for this website.",
    "Sign up for our newsletter to get the latest news from the city council, the library and "
    "the airport delivered to your inbox every morning of the week.",
]
LINES = [
    "Council approves a new budget for the city library after long debate",
    "Villages ask for better bus links to the city and a tram to airport",
    "Mayor says the road works on the main street will start in May",
    "This article originally appeared in The New York Times.",
    "Subscribe to our newsletter for the latest news.",
    "Copyright 2024 The Daily Bugle. All rights reserved.",
    "Share this on WhatsApp",
    "Share on Facebook",
    "Home",
    "News",
    "You may also like",
    "Photo: A view of the new bridge over the river from the old town, by Jane Doe",
    "https://www.example.com/news/2019/11/18/some-very-long-slug-of-an-article-here.html",
    "Read more: The council will publish its final budget for the library next month.",
    "  * 19:29 Jane Smith",
    "  * [Council approves a new budget](https://www.example.com/x/)",
]


def document(seed: int) -> str:
    """One generated document; the same seed gives the same document."""
    rng = random.Random(seed)
    width = rng.choice([60, 66, 72, 78, 80])
    blocks = []
    for _ in range(rng.randint(3, 10)):
        kind = rng.random()
        if kind < 0.45:
            blocks.append(textwrap.fill(rng.choice(SENTENCES), width - rng.randint(0, 6)))
        elif kind < 0.7:
            blocks.append("\n".join(rng.choice(LINES) for _ in range(rng.randint(1, 4))))
        else:
            lines = textwrap.fill(rng.choice(SENTENCES), width).split("\n")
            lines = lines[: rng.randint(1, len(lines))]
            lines.insert(rng.randint(0, len(lines)), rng.choice(LINES))
            blocks.append("\n".join(lines))
    newline = rng.choice(["\n", "\n", "\r\n"])
    return ("\n\n".join(blocks) + "\n").replace("\n", newline)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("first", nargs="?", type=int, default=0, help="first seed (0)")
    parser.add_argument("count", nargs="?", type=int, default=3000, help="documents (3000)")
    parser.add_argument("--save", type=Path, help="write the inputs a second cleaning changes")
    args = parser.parse_args(argv)
    if args.save is not None:
        args.save.mkdir(parents=True, exist_ok=True)
    changed = 0
    for seed in range(args.first, args.first + args.count):
        text = document(seed)
        once = clean(text).text
        if clean(once).text != once:
            changed += 1
            if args.save is not None:
                (args.save / f"{seed}.txt").write_bytes(text.encode("utf-8"))
    print(f"{changed} of {args.count} documents changed by a second cleaning")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
