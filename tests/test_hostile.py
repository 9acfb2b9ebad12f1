"""Hostile and broken input: every case has a defined result, never a traceback, a hang or a
partial write (issue 5; docs/reference/limits.md lists the same results).

A defined result is either a clean (exit 0, with the output stated here) or one line on stderr
starting "artclean: error: " with exit 2. Interrupted runs exit 130 and an output closed early
141 (see test_cli.py). Big inputs are generated in tmp_path at test time.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
import rapidfuzz.fuzz
from click.testing import CliRunner
from click.testing import Result as Outcome

import artclean.files
import artclean.reading
from artclean import Options, clean
from artclean.cli import cli
from artclean.duplicates import FUZZY_MAX_CHARS
from artclean.reading import MAX_INPUT_BYTES
from bench.corpus import near_copies
from conftest import installed_command
from fuzz.checks import check_clean, check_segment

PROSE = (
    "The council approved the plan on Tuesday after a debate that lasted four hours.",
    "Residents who spoke at the meeting were divided over the cost of the new bridge.",
    "Construction is due to start next spring and will take about two years.",
)
ARTICLE = "\n".join(PROSE) + "\n"


def invoke(*args: str, stdin: bytes = b"") -> Outcome:
    return CliRunner().invoke(cli, list(args), input=stdin)


def error_line(outcome: Outcome | subprocess.CompletedProcess[bytes]) -> str:
    """The one line a failed run prints: a message, not a traceback."""
    stderr = outcome.stderr if isinstance(outcome.stderr, str) else outcome.stderr.decode()
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("artclean: error: "), stderr
    return lines[0]


def cleans_to(data: bytes, expected: bytes, *args: str) -> None:
    outcome = invoke(*args, stdin=data)
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome
    assert (outcome.exit_code, outcome.stdout_bytes, outcome.stderr) == (0, expected, "")


def fails_with(data: bytes, message: str, *args: str) -> str:
    outcome = invoke(*args, stdin=data)
    assert outcome.exit_code == 2, outcome.output
    line = error_line(outcome)
    assert message in line, line
    assert outcome.stdout_bytes == b""
    return line


def prose_paragraphs(count: int, seed: int = 0) -> list[str]:
    """Distinct prose paragraphs: words drawn from the sentences above, numbered."""
    words = " ".join(PROSE).split()
    draw = random.Random(seed)
    return [f"{' '.join(draw.choices(words, k=40))} Item {i}." for i in range(count)]


def sampled_peak(work) -> int:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- degenerate documents ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", b""),
        (b"   \t  ", b""),
        (b"\n\n\r\n \t\n\r\r\n", b""),
        ("\ufeff".encode(), b""),
        ("\u200b\n\u00a0\n\x0c\n".encode(), b""),
        (b"One paragraph.", b"One paragraph.\n"),
        (b"One paragraph.\n", b"One paragraph.\n"),
        (
            b"First.\n\nSecond, without a final newline",
            b"First.\n\nSecond, without a final newline\n",
        ),
        (b"First.\r\nSecond, no final CRLF", b"First.\r\nSecond, no final CRLF\r\n"),
        (b"First.\rSecond, no final CR", b"First.\rSecond, no final CR\r"),
        (b"\n\n\nLeading blank lines go.\n\n\n", b"Leading blank lines go.\n"),
    ],
    ids=[
        "empty",
        "whitespace-only",
        "blank-lines-only",
        "bom-only",
        "invisible-lines-only",
        "single-paragraph-no-newline",
        "single-paragraph",
        "no-trailing-newline",
        "no-trailing-crlf",
        "no-trailing-cr",
        "blank-lines-around",
    ],
)
def test_degenerate_documents_clean_to_their_text(data: bytes, expected: bytes) -> None:
    cleans_to(data, expected)


def test_mixed_line_ends_are_each_kept() -> None:
    data = b"Line one of the text.\r\nLine two of the text.\nLine three of the text.\rLast.\n"
    cleans_to(data, data)


def test_cr_only_text_is_cut_into_lines() -> None:
    result = clean("\r".join(PROSE) + "\r")
    assert [k.text for k in result.kept] == list(PROSE)
    assert result.text == "\r".join(PROSE) + "\r"


# --- encodings ---------------------------------------------------------------------------------


def test_invalid_utf8_is_one_line_naming_the_byte() -> None:
    fails_with(b"Caf\xc3\xa9 ok.\nBad \xff here.\n", "<stdin>: not valid utf-8 at byte 14 ")


def test_invalid_utf8_after_a_bom_names_the_byte_in_the_file() -> None:
    """Regression: utf-8-sig counted from after the mark, three bytes short."""
    fails_with(b"\xef\xbb\xbfab\xff\n", "not valid utf-8 (as its byte-order mark says) at byte 5 ")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_a_byte_order_mark_decides_the_encoding(codec: str) -> None:
    mark = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-8": b"\xef\xbb\xbf"}
    mark |= {"utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
    text = "Café society returns — “quoted” — to the old town.\n"
    cleans_to(mark[codec] + text.encode(codec), text.encode())


def test_utf16_without_a_mark_names_the_encoding_to_use() -> None:
    data = "An article in UTF-16 without a byte-order mark.\n".encode("utf-16-le")
    fails_with(data, "looks like UTF-16 text without a byte-order mark; use --encoding utf-16-le")
    cleans_to(data, b"An article in UTF-16 without a byte-order mark.\n", "--encoding", "utf-16-le")


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_or_utf32_named_without_a_mark_is_one_line(codec: str) -> None:
    """Regression (fuzz): --encoding utf-32 raised a bare UnicodeError."""
    data = "Text without a byte-order mark.\n".encode(f"{codec}-le")
    fails_with(
        data, f"{codec} without a byte-order mark; use --encoding {codec}-le", "--encoding", codec
    )


def test_latin1_is_an_error_without_encoding_and_clean_with_it() -> None:
    data = "Café society returns to the old town, says the maître d'.\n".encode("latin-1")
    line = fails_with(data, "not valid utf-8 at byte 3 ")
    assert "--encoding" in line
    cleans_to(
        data,
        "Café society returns to the old town, says the maître d'.\n".encode(),
        "--encoding",
        "latin-1",
    )


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib", "hex"])
def test_a_bytes_codec_is_not_an_encoding(codec: str) -> None:
    """Regression: these decoded to bytes or failed inside the codec, with a traceback."""
    fails_with(b"aGVsbG8K", f"'{codec}' is not a text encoding", "--encoding", codec)


def test_an_unknown_encoding_is_refused_even_for_empty_input() -> None:
    fails_with(b"", "unknown encoding 'klingon'", "--encoding", "klingon")


# --- binary files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("magic", "what"), artclean.reading._MAGIC, ids=[w for _, w in artclean.reading._MAGIC]
)
def test_binary_files_are_refused_by_their_signature(magic: bytes, what: str) -> None:
    fails_with(magic + b"\x00\x01rest of the file", f"<stdin>: looks like {what}, not text")


def test_text_full_of_nul_bytes_is_refused() -> None:
    fails_with(b"text\x00with\x00nul\x00bytes\x00" * 40, "binary data (it contains NUL bytes)")


def test_a_few_nul_bytes_in_text_are_kept_as_text() -> None:
    """Up to 1% NUL bytes in the first 8 KiB is text with stray NULs: nothing is dropped."""
    data = ARTICLE.encode().replace(b"Tuesday", b"Tues\x00day")
    cleans_to(data, data)


def test_nul_bytes_after_the_first_8_kib_are_kept_as_text() -> None:
    data = b"A long article. " * 600 + b"\n\x00\x00\x00\n"
    cleans_to(data, data)


# --- characters --------------------------------------------------------------------------------


def test_control_characters_are_text_and_reach_the_output_unchanged() -> None:
    line = (
        "A paragraph with \x07 bell, \x1b[31m escape \x1b[0m and \x08 backspace characters in it."
    )
    cleans_to(line.encode() + b"\n", line.encode() + b"\n")


def test_separator_controls_are_not_line_ends() -> None:
    """Only CR and LF end lines: U+2028, NEL, VT and FS stay inside their paragraph."""
    line = "One\u2028paragraph\x85with\x0bodd\x1cseparators inside it, all kept as written."
    assert [k.text for k in clean(line).kept] == [line]


def test_a_line_of_only_form_feed_or_zero_width_space_separates_paragraphs() -> None:
    result = clean(f"{PROSE[0]}\n\x0c\n{PROSE[1]}\n\u200b\n{PROSE[2]}\n")
    assert [k.text for k in result.kept] == list(PROSE)


@pytest.mark.parametrize(
    "mark",
    ["\u200b", "\u200d", "\u2060", "\u00ad", "\u200e", "\u200f"],
    ids=["zwsp", "zwj", "word-joiner", "soft-hyphen", "lrm", "rlm"],
)
def test_a_copy_with_invisible_characters_is_still_a_duplicate(mark: str) -> None:
    copy = PROSE[0].replace(" ", mark + " ", 3)
    result = clean(f"{PROSE[0]}\n{PROSE[1]}\n{copy}\n")
    assert [(r.index, r.kind, r.duplicate_of) for r in result.removed] == [(2, "duplicate", 0)]
    assert copy in [r.text for r in result.removed]  # removed, not lost


def test_a_copy_inside_bidi_isolates_is_a_near_duplicate() -> None:
    copy = "\u2067" + PROSE[0] + "\u2069"
    result = clean(f"{PROSE[0]}\n{PROSE[1]}\n{copy}\n")
    assert [(r.index, r.kind) for r in result.removed] == [(2, "duplicate")]


def test_combining_marks_decomposed_and_precomposed_are_one_text() -> None:
    composed = "Le café où la reine a dîné est fermé depuis l'été dernier, dit le maire."
    decomposed = composed.replace("é", "e\u0301").replace("î", "i\u0302")
    result = clean(f"{composed}\n{PROSE[1]}\n{decomposed}\n")
    assert [(r.index, r.rule) for r in result.removed] == [(2, "exact")]


def test_zalgo_text_and_very_long_words_are_kept_whole() -> None:
    zalgo = "".join(c + "\u0301\u0316\u0334\u0360" for c in "Headline with stacked marks")
    word = "supercalifragilistic" * 5_000  # a 100,000-character word
    text = f"{zalgo}\n{word}\n{PROSE[0]}\n"
    result = check_clean(text)
    assert [k.text for k in result.kept] == [zalgo, word, PROSE[0]]


# --- scripts without spaces, right-to-left scripts ---------------------------------------------

ZH = (
    "议会周二批准了这项计划，辩论持续了四个小时，居民们对新桥的费用意见不一。"
    "市长表示旧桥已经无法继续修补。"
)
JA = (
    "市議会は火曜日、四時間に及ぶ議論の末にその計画を承認した。"
    "住民の意見は新しい橋の費用をめぐって分かれた。"
)
TH = "สภาอนุมัติแผนเมื่อวันอังคารหลังจากการอภิปรายนานสี่ชั่วโมง ผู้อยู่อาศัยแตกแยกเรื่องค่าใช้จ่ายของสะพานใหม่"


@pytest.mark.parametrize("paragraph", [ZH, JA, TH], ids=["chinese", "japanese", "thai"])
def test_near_duplicates_are_found_in_scripts_without_spaces(paragraph: str) -> None:
    """Character shingles where there are no words; one character dropped from the copy."""
    copy = paragraph[:9] + paragraph[10:]
    result = clean(f"{paragraph}\n\n{PROSE[1]}\n\n{copy}\n")
    assert [(r.index, r.kind, r.duplicate_of) for r in result.removed] == [(2, "duplicate", 0)]


ARTICLES = {
    "chinese": [
        "议会周二批准了这项计划，辩论持续了四个小时。",
        "居民们对新桥的费用意见不一，一些人认为应该修缮旧桥。",
        "市长表示，旧桥已经无法继续修补，必须尽快建造新桥。",
        "工程预计明年春天开工，大约需要两年时间完成。",
        "反对者说，这笔钱最好用于修复镇上的道路。",
    ],
    "arabic": [
        "وافق المجلس على الخطة يوم الثلاثاء بعد نقاش استمر أربع ساعات.",
        "انقسم السكان الذين تحدثوا في الاجتماع حول تكلفة الجسر الجديد.",
        "قال رئيس البلدية إنه لم يعد من الممكن إصلاح الجسر القديم.",
        "من المقرر أن يبدأ البناء في الربيع المقبل ويستغرق نحو عامين.",
        "يقول المعارضون إن الأموال من الأفضل إنفاقها على إصلاح الطرق.",
    ],
    "hebrew": [
        "המועצה אישרה את התוכנית ביום שלישי לאחר דיון שנמשך ארבע שעות.",
        "התושבים שדיברו בישיבה היו חלוקים בשאלת עלות הגשר החדש.",
        "ראש העירייה אמר כי אי אפשר עוד לתקן את הגשר הישן.",
        "הבנייה אמורה להתחיל באביב הבא ותימשך כשנתיים.",
        "המתנגדים אומרים שעדיף להוציא את הכסף על תיקון הכבישים.",
    ],
    "thai": [
        "สภาอนุมัติแผนเมื่อวันอังคารหลังจากการอภิปรายนานสี่ชั่วโมง",
        "ผู้อยู่อาศัยที่พูดในที่ประชุมมีความเห็นแตกแยกเรื่องค่าใช้จ่ายของสะพานใหม่",
        "นายกเทศมนตรีกล่าวว่าไม่สามารถซ่อมสะพานเก่าได้อีกต่อไป",
        "การก่อสร้างมีกำหนดเริ่มในฤดูใบไม้ผลิหน้าและใช้เวลาประมาณสองปี",
        "ฝ่ายค้านกล่าวว่าเงินจำนวนนี้ควรใช้ซ่อมถนนในเมืองมากกว่า",
    ],
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
@pytest.mark.parametrize("newline", ["\n", "\n\n"], ids=["lines", "blocks"])
def test_nothing_is_removed_from_an_article_for_its_script(language: str, newline: str) -> None:
    text = newline.join(ARTICLES[language]) + "\n"
    for profile in ("auto", "page", "article"):
        result = clean(text, Options(profile=profile))
        assert result.removed == () or profile == "page", (profile, result.removed)
        assert result.text == text or profile == "page"
    assert clean(text).text == text


# --- big inputs --------------------------------------------------------------------------------


@pytest.mark.slow
def test_one_50_mb_line_without_a_newline(tmp_path: Path) -> None:
    words = " ".join(PROSE).split()
    line = " ".join(random.Random(1).choices(words, k=9_000_000))[: 50 * 10**6]
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(
        [installed_command(), str(path), "-o", str(tmp_path / "out.txt")],
        capture_output=True,
        timeout=300,
    )
    elapsed = time.monotonic() - started
    assert (done.returncode, done.stderr) == (0, b"")
    assert (tmp_path / "out.txt").read_bytes() == line.encode() + b"\n"
    assert elapsed < 120, elapsed


@pytest.mark.slow
def test_a_million_one_word_lines() -> None:
    text = "".join(f"w{i}\n" for i in range(1_000_000))
    started = time.monotonic()
    result = clean(text)
    elapsed = time.monotonic() - started
    assert result.text == text
    assert result.stats.paragraphs_in == 1_000_000
    assert elapsed < 180, elapsed


@pytest.mark.slow
def test_100000_identical_lines_are_kept_as_structure() -> None:
    """A text with four or more copies is part of the document's structure (documented), so
    all stay; two copies are a scraping repeat, and the second goes."""
    line = "The council approved the plan on Tuesday after a debate.\n"
    started = time.monotonic()
    result = clean(line * 100_000)
    assert time.monotonic() - started < 60
    assert (result.stats.paragraphs_out, result.removed) == (100_000, ())
    assert [r.index for r in clean(line * 2).removed] == [1]


def count_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    ratio = rapidfuzz.fuzz.ratio

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return ratio(*args, **kwargs)

    monkeypatch.setattr(rapidfuzz.fuzz, "ratio", counted)
    return calls


@pytest.mark.slow
def test_100000_near_duplicate_paragraphs_cost_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Comparisons per paragraph stay bounded (MinHash candidates, at most a handful verified),
    so 100,000 near-copies cost about ten times 10,000; checked by counting rapidfuzz calls."""
    calls = count_comparisons(monkeypatch)
    clean(near_copies(10_000))
    small = calls[0]
    calls[0] = 0
    started = time.monotonic()
    result = clean(near_copies(100_000))
    elapsed = time.monotonic() - started
    assert result.stats.paragraphs_in == 100_000
    assert calls[0] <= 6 * 100_000
    assert calls[0] <= 12 * small
    assert elapsed < 120, elapsed


def test_a_1_mb_paragraph_is_cleaned_and_compared_exactly() -> None:
    words = " ".join(PROSE).split()
    big = " ".join(random.Random(2).choices(words, k=200_000))[:1_000_000]
    assert len(big) > FUZZY_MAX_CHARS
    result = clean(f"{big}\n\n{PROSE[1]}\n\n{big}\n")
    assert [(r.index, r.rule) for r in result.removed] == [(2, "exact")]
    near = big[:500_000] + "X" + big[500_001:]
    result = clean(f"{big}\n\n{PROSE[1]}\n\n{near}\n")
    assert result.removed == ()  # over FUZZY_MAX_CHARS only identical copies are duplicates


# --- pathological cases that used to be super-linear ---------------------------------------------


def test_long_teasers_cost_one_comparison_each() -> None:
    """Regression: partial_ratio grew with the cube of a teaser's length (a 78 kB page of
    3,000-character teasers took 8.5 s); a teaser is now compared with the opening only."""
    draw = random.Random(5)
    vocabulary = ["alpha", "beta", "gamma", "delta", "epsilon"]
    longs = [" ".join(draw.choices(vocabulary, k=700)) for _ in range(4)]
    teasers = [" ".join(draw.choices(vocabulary, k=500)) + "..." for _ in range(40)]
    started = time.monotonic()
    check_clean("\n\n".join(longs + teasers) + "\n")
    assert time.monotonic() - started < 5


@pytest.mark.slow
def test_many_long_near_threshold_paragraphs_stay_fast() -> None:
    """Paragraphs at FUZZY_MAX_CHARS that all share their MinHash values but differ by 10%:
    each is verified against a few candidates, each verification bounded by the length cap."""
    draw = random.Random(6)
    base = list(" ".join(draw.choices(["alpha", "beta", "gamma", "delta"], k=1_600)))
    paragraphs = []
    for _ in range(100):
        copy = base[:]
        for _ in range(len(copy) // 10):
            copy[draw.randrange(len(copy))] = draw.choice("xyz")
        paragraphs.append("".join(copy))
    started = time.monotonic()
    clean("\n\n".join(paragraphs) + "\n")
    assert time.monotonic() - started < 20


@pytest.mark.slow
def test_100000_near_copies_no_longer_go_quadratic_in_run_detection() -> None:
    """Regression: duplicates._runs took min() over a class at every run start (13.8 s for
    100,000 near-copies against 0.4 s for 10,000)."""
    started = time.monotonic()
    clean(near_copies(30_000))
    assert time.monotonic() - started < 20


# --- resource limits ---------------------------------------------------------------------------


def test_input_over_max_size_is_refused_in_one_line() -> None:
    fails_with(
        b"x" * 1025 + b"\n",
        "<stdin>: larger than 1 KiB (each input is cleaned in memory); use --max-size",
        "--max-size",
        "1K",
    )
    cleans_to(b"x" * 1023 + b"\n", b"x" * 1023 + b"\n", "--max-size", "1K")
    cleans_to(b"x" * 2000 + b"\n", b"x" * 2000 + b"\n", "--max-size", "0")


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "1e30", ""])
def test_a_bad_max_size_is_a_usage_error(value: str) -> None:
    outcome = invoke("--max-size", value, stdin=ARTICLE.encode())
    assert outcome.exit_code == 2
    assert "Traceback" not in outcome.stderr and "--max-size" in outcome.stderr


def test_an_endless_stream_stops_at_the_limit_instead_of_filling_memory() -> None:
    process = subprocess.Popen(
        [installed_command(), "--max-size", "8M"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    chunk = b"an endless stream of words from a program that never stops\n" * 1000
    written = 0
    with pytest.raises(BrokenPipeError):  # artclean stops reading and exits
        while written < 64 * 2**20:
            process.stdin.write(chunk)
            written += len(chunk)
    assert written < 16 * 2**20
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert stderr.decode().strip() == (
        "artclean: error: <stdin>: larger than 8 MiB (each input is cleaned in memory); "
        "use --max-size to raise the limit"
    )


def test_the_default_limit_is_64_mib(tmp_path: Path) -> None:
    assert MAX_INPUT_BYTES == 64 * 2**20
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.write(ARTICLE.encode() * 100)
        stream.truncate(MAX_INPUT_BYTES + 1)  # a hole reads as NUL bytes, past the sniffed head
    outcome = invoke(str(path))
    assert outcome.exit_code == 2
    assert error_line(outcome).endswith(
        "larger than 64 MiB (each input is cleaned in memory); use --max-size to raise the limit"
    )


# The figures of docs/reference/limits.md (reading.MEMORY_FACTOR): about 6 bytes per input
# byte for prose, up to 14 for one huge line (every word becomes a string object once), plus
# about 0.7 KB per paragraph.
BYTES_PER_PARAGRAPH = 1_000


@pytest.mark.parametrize(
    ("text", "per_byte"),
    [
        ("\n\n".join(prose_paragraphs(4_000)) + "\n", 8),
        (" ".join(prose_paragraphs(8_000)), 16),
        ("".join(f"w{i}\n" for i in range(50_000)), 8),
        ("".join(random.Random(3).choices([chr(c) for c in range(0x4E00, 0x5000)], k=10**6)), 8),
    ],
    ids=["prose", "one-long-line", "short-lines", "chinese-line"],
)
@pytest.mark.slow
def test_memory_for_one_document_is_a_small_multiple_of_its_size(text: str, per_byte: int) -> None:
    """Python's allocations while cleaning (tracemalloc), against the documented bound."""
    paragraphs = clean(text).stats.paragraphs_in
    peak = sampled_peak(lambda: clean(text))
    bound = per_byte * len(text.encode()) + BYTES_PER_PARAGRAPH * paragraphs
    assert peak < bound, (peak, bound)


# --- paths and output --------------------------------------------------------------------------


def test_a_missing_path(tmp_path: Path) -> None:
    outcome = invoke(str(tmp_path / "missing.txt"))
    assert (outcome.exit_code, error_line(outcome)) == (
        2,
        f"artclean: error: {tmp_path / 'missing.txt'}: no such file",
    )


def test_a_directory_given_as_input(tmp_path: Path) -> None:
    outcome = invoke(str(tmp_path))
    assert (outcome.exit_code, error_line(outcome)) == (
        2,
        f"artclean: error: {tmp_path} is a directory: give --out-dir DIR or --in-place, "
        "or --format jsonl for one JSON line per file",
    )


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every file is readable, so the refusal is simulated where open() is called."""
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(artclean.reading, "open", refuse, raising=False)
    outcome = invoke(str(path))
    assert (outcome.exit_code, error_line(outcome)) == (
        2,
        f"artclean: error: {path}: permission denied",
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without read permission")
def test_an_unreadable_file_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    outcome = invoke(str(path))
    assert error_line(outcome) == f"artclean: error: {path}: permission denied"


def test_an_output_directory_without_write_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(artclean.files, "_new_temporary", refuse)  # the temporary beside it
    target = tmp_path / "out.txt"
    outcome = invoke("-o", str(target), stdin=ARTICLE.encode())
    assert (outcome.exit_code, error_line(outcome)) == (
        2,
        f"artclean: error: {target}: cannot write (Permission denied)",
    )
    assert not target.exists()


def test_an_output_path_that_is_a_directory(tmp_path: Path) -> None:
    outcome = invoke("-o", str(tmp_path), stdin=ARTICLE.encode())
    assert outcome.exit_code == 2 and "is a directory" in outcome.stderr
    assert "Traceback" not in outcome.stderr


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_full_disk_leaves_the_target_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("the previous contents\n")

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        def fdopen(*args, **kwargs):  # type: ignore[no-untyped-def]
            stream = real_fdopen(*args, **kwargs)
            stream.write = full
            return stream

        monkeypatch.setattr(artclean.files.os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(artclean.files.os, failing, full)
    outcome = invoke("-o", str(target), stdin=ARTICLE.encode())
    assert outcome.exit_code == 2
    assert (
        error_line(outcome) == f"artclean: error: {target}: cannot write (No space left on device)"
    )
    assert target.read_text() == "the previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary file left


@pytest.fixture
def tiny_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, where the machine allows mounting one (as root); skipped otherwise."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_really_full_disk(tmp_path: Path, tiny_filesystem: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text("\n\n".join(prose_paragraphs(2_000)) + "\n")
    target = tiny_filesystem / "out.txt"
    done = subprocess.run(
        [installed_command(), str(source), "-o", str(target)], capture_output=True, timeout=120
    )
    assert done.returncode == 2
    assert error_line(done) == f"artclean: error: {target}: cannot write (No space left on device)"
    assert list(tiny_filesystem.iterdir()) == []


def test_standard_output_on_a_full_device() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [installed_command()],
            input=ARTICLE.encode(),
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert done.returncode == 2
    assert (
        error_line(done)
        == "artclean: error: standard output: cannot write (No space left on device)"
    )


def test_standard_output_closed_before_the_start(tmp_path: Path) -> None:
    def close_stdout() -> None:
        os.close(1)

    common = {
        "input": ARTICLE.encode(),
        "stderr": subprocess.PIPE,
        "timeout": 60,
        "preexec_fn": close_stdout,
    }
    done = subprocess.run([installed_command()], **common)  # type: ignore[call-overload]
    assert done.returncode == 2
    assert error_line(done) == "artclean: error: standard output is closed; use -o FILE"
    done = subprocess.run([installed_command(), "-o", str(tmp_path / "out.txt")], **common)  # type: ignore[call-overload]
    assert (done.returncode, done.stderr) == (0, b"")
    assert (tmp_path / "out.txt").read_text() == ARTICLE


def interrupted(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr.decode()


def test_ctrl_c_while_reading_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    process = subprocess.Popen(
        [installed_command(), "-o", str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdin is not None
    process.stdin.write(ARTICLE.encode())
    process.stdin.flush()
    time.sleep(1.5)  # started, and waiting for the rest of standard input
    status, stderr = interrupted(process)
    assert status == 130
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "artclean: interrupted"
    assert list(tmp_path.iterdir()) == []  # no output file, no temporary file


def test_ctrl_c_while_cleaning_keeps_the_previous_output(tmp_path: Path) -> None:
    source = tmp_path / "many.txt"
    source.write_text("".join(f"line number {i} of many\n" for i in range(400_000)))
    target = tmp_path / "out.txt"
    target.write_text("the previous contents\n")
    process = subprocess.Popen(
        [installed_command(), str(source), "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(3)
    status, stderr = interrupted(process)
    assert status == 130, stderr
    assert "Traceback" not in stderr
    assert target.read_text() == "the previous contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.txt", "out.txt"]


def test_every_hostile_document_here_keeps_the_invariants() -> None:
    """The documents above, through the fuzz harness's checks (segmentation and clean)."""
    for text in [
        "",
        "\r",
        "\ufeff\r\n",
        "\x00\x1b[2J\u202e\u2028\u0301",
        ZH + "\n" + ZH[:9] + ZH[10:],
        "\n\n".join(ARTICLES["arabic"]),
        PROSE[0] + "\r" + PROSE[0] + "\n\n" + PROSE[0] + "\r\n",
    ]:
        check_segment(text)
        check_clean(text)


def test_the_library_never_needs_the_cli() -> None:
    """clean() imports neither click nor rich, even on hostile input."""
    code = (
        "import sys; from artclean import clean; clean('\\x00\\u202e text\\r\\n' * 3); "
        "assert 'click' not in sys.modules and 'rich' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# --- --explain on hostile text -------------------------------------------------------------------


def test_explain_shows_escape_sequences_and_bidi_overrides_instead_of_obeying_them() -> None:
    text = "Hello \x1b[2J\x1b]0;title\x07 world \u202e reversed, a paragraph of text.\n"
    outcome = invoke("--explain", stdin=text.encode())
    assert outcome.exit_code == 0
    assert "\x1b" not in outcome.stdout and "\u202e" not in outcome.stdout
    assert "Hello ␛[2J␛]0;title␇ world <U+202E> reversed" in outcome.stdout


def test_explain_takes_a_path_with_brackets_literally(tmp_path: Path) -> None:
    """Regression: the summary line was parsed as rich markup; 'a[/b].txt' raised MarkupError."""
    (tmp_path / "a[").mkdir()
    path = tmp_path / "a[" / "b].txt"
    path.write_text(ARTICLE)
    outcome = invoke(str(path), "--explain")
    assert outcome.exit_code == 0, outcome.output
    assert f"{path}: kept 3 of 3 paragraphs" in outcome.stdout


@pytest.mark.slow
def test_explain_is_linear_in_the_number_of_paragraphs() -> None:
    """Regression: each kept row looked its text up by scanning every kept paragraph."""
    outcome = invoke(
        "--explain", stdin="".join(f"line {i} of many\n" for i in range(20_000)).encode()
    )
    assert outcome.exit_code == 0
    assert outcome.stdout.count("keep") == 20_000


def test_a_bad_input_among_several_is_reported_and_the_others_go_on(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ARTICLE)
    bad.write_bytes(b"A bad \xff byte.\n")
    outcome = invoke(str(good), str(bad), str(good))
    assert outcome.exit_code == 2
    assert outcome.stdout == ARTICLE + ARTICLE  # each good document, whole
    assert f"{bad}: not valid utf-8 at byte 6 " in error_line(outcome)
    target = tmp_path / "out.txt"
    outcome = invoke(str(good), str(bad), "-o", str(target))
    assert outcome.exit_code == 2 and not target.exists()
