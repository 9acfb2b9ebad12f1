"""Coverage-guided fuzzing of artclean with atheris (libFuzzer). Not collected by pytest.

    pip install -e '.[test]'          # atheris is in the test extra on Linux x86-64
    python tests/fuzz/fuzz_artclean.py TARGET [libFuzzer options] [CORPUS_DIR ...]

TARGET is one of:
    segment    segment.segment and assemble on arbitrary text
    markdown   markdown.layout on arbitrary text
    clean      artclean.clean on arbitrary text, as plain text and as Markdown
    pages      artclean.clean on documents built from fuzzed paragraphs, with repeats, teasers,
               boilerplate lines and mixed line ends (reaches the duplicate and phrase rules)
    decode     reading.decode_chunks on arbitrary bytes, encodings and chunkings

For example, ten minutes of the clean target with a 10-second hang limit, crashes saved under
/tmp/fuzz/:

    python tests/fuzz/fuzz_artclean.py clean -max_total_time=600 -timeout=10 \\
        -artifact_prefix=/tmp/fuzz/ -max_len=20000 /tmp/fuzz/corpus-clean

A crash or hang is written as an artifact file (raw bytes); copy it into
fixtures/regressions/TARGET-<name>.bin and tests/test_regressions.py replays it with the same
checks (tests/fuzz/checks.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports():
    # Everything these import is instrumented for coverage too (duplicates, boilerplate...).
    from checks import check_clean, check_decode, check_markdown, check_segment

    from artclean import Options, pipeline, reading  # noqa: F401

ENCODINGS = ["utf-8", "utf-8", "latin-1", "utf-16", "utf-16-le", "cp1252", "utf-32", "ascii"]
PIECES = [
    "The council approved the plan on Tuesday after a debate that lasted four hours.",
    "Residents who spoke at the meeting were divided over the cost of the new bridge.",
    "“We cannot keep patching the old one,” said the mayor.",
    "You may also like",
    "Share on Facebook",
    "Advertisement",
    "This article originally appeared in The Gazette.",
    "© 2024 Gazette Ltd. All rights reserved.",
    "Read more",
    "议会周二批准了这项计划，辩论持续了四个小时。",
    "สภาอนุมัติแผนเมื่อวันอังคารหลังจากการอภิปรายนานสี่ชั่วโมง",
    "وافق المجلس على الخطة يوم الثلاثاء بعد نقاش استمر أربع ساعات.",
    "# Heading",
    "```",
    "- item",
    "> quote",
    "---",
]
NEWLINES = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \n", "\n\u200b\n"]


def text_of(data: bytes) -> str:
    return atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))


def fuzz_segment(data: bytes) -> None:
    check_segment(text_of(data))


def fuzz_markdown(data: bytes) -> None:
    check_markdown(text_of(data))


def fuzz_clean(data: bytes) -> None:
    text = text_of(data)
    check_clean(text)
    check_clean(text, Options(syntax="markdown", profile="content"))


def fuzz_pages(data: bytes) -> None:
    """A document of fuzzed and stock paragraphs, some repeated, some cut short."""
    provider = atheris.FuzzedDataProvider(data)
    own: list[str] = []
    parts: list[str] = []
    for _ in range(provider.ConsumeIntInRange(1, 40)):
        choice = provider.ConsumeIntInRange(0, 5)
        if choice == 0 or not own:
            own.append(provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 300)))
            parts.append(own[-1])
        elif choice == 1:
            parts.append(PIECES[provider.ConsumeIntInRange(0, len(PIECES) - 1)])
        elif choice == 2:
            parts.append(own[provider.ConsumeIntInRange(0, len(own) - 1)])
        elif choice == 3:
            base = own[provider.ConsumeIntInRange(0, len(own) - 1)]
            cut = provider.ConsumeIntInRange(0, len(base))
            parts.append(base[:cut] + ["…", "...", " Read more"][provider.ConsumeIntInRange(0, 2)])
        elif choice == 4:
            base = own[provider.ConsumeIntInRange(0, len(own) - 1)]
            parts.append(base.replace("e", "a", 1).replace("“", '"'))
        else:
            parts.append(parts[provider.ConsumeIntInRange(0, len(parts) - 1)] if parts else "")
    newline = NEWLINES[provider.ConsumeIntInRange(0, len(NEWLINES) - 1)]
    text = newline.join(parts)
    similarity = provider.ConsumeIntInRange(1, 100)
    profile = ["auto", "page", "article", "content"][provider.ConsumeIntInRange(0, 3)]
    syntax = ["text", "markdown"][provider.ConsumeIntInRange(0, 1)]
    check_clean(text, Options(similarity=float(similarity), profile=profile, syntax=syntax))


def fuzz_decode(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    encoding = ENCODINGS[provider.ConsumeIntInRange(0, len(ENCODINGS) - 1)]
    errors = ["strict", "replace"][provider.ConsumeIntInRange(0, 1)]
    step = provider.ConsumeIntInRange(1, 64)
    padded = provider.ConsumeBool()
    body = provider.ConsumeBytes(provider.remaining_bytes())
    # Padding moves the body past the first 8 KiB chunk, so that it is read in pieces.
    check_decode((b"a" * 8192 if padded else b"") + body, encoding, errors, step)


TARGETS = {
    "segment": fuzz_segment,
    "markdown": fuzz_markdown,
    "clean": fuzz_clean,
    "pages": fuzz_pages,
    "decode": fuzz_decode,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
