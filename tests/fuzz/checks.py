"""Invariants that must hold for any input: shared by the fuzz harness, the regression test over
fixtures/regressions/ and tests/test_hostile.py.

Each `check_*` function runs one stage on one input and raises AssertionError (with the input's
repr in the message) when an invariant fails; any other exception is a crash. None of them
asserts idempotence: the duplicate policy's own bugs are the property tests' business.
"""

from __future__ import annotations

import io
import json
import re

from artclean import Options, Result, clean
from artclean.markdown import layout, text_layout
from artclean.reading import InputError, decode_chunks, read_stream
from artclean.segment import Paragraph, assemble, is_blank, segment

_NEWLINE = re.compile(r"\r\n|\r|\n")
# What a line may hold and still be blank: whitespace and characters that print nothing.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"


def visible(text: str) -> str:
    """The characters of a text that a reader sees, in order (no whitespace, no invisibles)."""
    return "".join(text.translate({ord(c): None for c in _INVISIBLE}).split())


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, terminators excluded, as the segmenter counts them."""
    spans, start = [], 0
    for match in _NEWLINE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def check_paragraphs(text: str, paragraphs: tuple[Paragraph, ...], where: str) -> None:
    """Paragraphs are whole lines of the text (less a U+FEFF that starts one), in order,
    without overlap, covering every line that has something visible on it."""
    spans = lines_of(text)
    starts = {start: number for number, (start, _) in enumerate(spans, 1)}
    ends = {end: number for number, (_, end) in enumerate(spans, 1)}
    previous_end = -1
    covered: set[int] = set()
    for i, p in enumerate(paragraphs):
        assert p.index == i, (where, text, p)
        assert p.text == text[p.start : p.end], (where, text, p)
        assert p.start > previous_end or (i == 0 and p.start >= 0), (where, text, p)
        line_start = p.start  # a U+FEFF that starts a line stays outside the paragraph
        while line_start > 0 and text[line_start - 1] == "\ufeff":
            line_start -= 1
        assert starts.get(line_start) == p.line, (where, text, p)
        assert ends.get(p.end) == p.end_line, (where, text, p)
        assert p.line <= p.end_line, (where, text, p)
        assert not is_blank(p.text) or "\n" in p.text or "\r" in p.text, (where, text, p)
        covered.update(range(p.line, p.end_line + 1))
        previous_end = p.end
    for number, (start, end) in enumerate(spans, 1):
        if number not in covered:
            assert is_blank(text[start:end]), (where, text, number)


def check_segment(text: str) -> None:
    paragraphs = segment(text)
    check_paragraphs(text, paragraphs, "segment")
    blocks = [p.block for p in paragraphs]
    assert blocks == sorted(blocks), (text, blocks)
    everything = assemble(text, paragraphs, range(len(paragraphs)))
    if paragraphs:
        first, last = paragraphs[0], paragraphs[-1]
        body = text[first.start : last.end]
        assert everything.startswith(body), (text, everything)
        assert everything[len(body) :] in ("\n", "\r", "\r\n"), (text, everything)
    else:
        assert everything == "", (text, everything)
    assert visible(everything) == visible(text), text


def check_markdown(text: str) -> None:
    check_paragraphs(text, layout(text).paragraphs, "markdown")
    plain = text_layout(text)
    assert plain.paragraphs == segment(text), text


def in_input_order(result: Result) -> bool:
    """Kept paragraphs in input order, each at its own place or at the place of an earlier
    truncated copy of it (the documented move of a fuller text to its teaser's place)."""
    places: dict[int, set[int]] = {k.index: {k.index} for k in result.kept}
    for r in result.removed:
        if r.duplicate_of in places and r.index < r.duplicate_of:
            places[r.duplicate_of].add(r.index)
    previous = -1
    for kept in result.kept:
        later = [p for p in places[kept.index] if p > previous]
        if not later:
            return False
        previous = min(later)
    return True


def check_clean(text: str, options: Options | None = None) -> Result:
    """Nothing invented, nothing lost, order kept, stats true, JSON-serialisable, deterministic."""
    result = clean(text, options)
    body = text.removeprefix("\ufeff")
    syntax = options.syntax if options else "text"
    paragraphs = layout(body).paragraphs if syntax == "markdown" else segment(body)
    by_index = {p.index: p.text for p in paragraphs}
    kept = {k.index for k in result.kept}
    removed = {r.index for r in result.removed}
    assert not kept & removed, (text, kept & removed)
    assert kept | removed == set(by_index), (text, sorted(kept | removed), len(by_index))
    assert len(kept) == len(result.kept) and len(removed) == len(result.removed), text
    for k in result.kept:
        assert k.text == by_index[k.index], (text, k)
        assert k.line == paragraphs[k.index].line, (text, k)
    for r in result.removed:
        assert r.text == by_index[r.index], (text, r)
        assert r.duplicate_of is None or r.duplicate_of in by_index, (text, r)
    assert in_input_order(result), (text, [k.index for k in result.kept])
    rest = result.text
    for k in result.kept:
        before, found, rest = rest.partition(k.text)
        assert found and visible(before) == "", (text, result.text, k)
    assert visible(rest) == "", (text, result.text)
    assert visible(result.text) == "".join(visible(k.text) for k in result.kept), text
    stats = result.stats
    assert (stats.chars_in, stats.chars_out) == (len(body), len(result.text)), text
    assert (stats.paragraphs_in, stats.paragraphs_out) == (len(paragraphs), len(result.kept))
    assert sum(stats.removed.values()) == len(result.removed), text
    encoded = json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
    assert json.loads(encoded) == json.loads(json.dumps(result.to_dict())), text
    assert clean(text, options) == result, text
    return result


def check_decode(data: bytes, encoding: str, errors: str, step: int) -> str | None:
    """Decoding gives text or a one-line InputError, the same however the input arrives in
    chunks after the first 8 KiB (the part sniffed for binary data); a reported byte offset
    is where Python's own decoder fails."""
    step = max(1, step)
    pieces = [data[:8192]] + [data[i : i + step] for i in range(8192, len(data), step)]
    outcomes = []
    for chunks in ([data], pieces):
        try:
            outcomes.append(("text", "".join(decode_chunks(iter(chunks), "x", encoding, errors))))
        except InputError as error:
            message = str(error)
            assert "\n" not in message and message.startswith("x: "), message
            outcomes.append(("error", message))
    assert outcomes[0] == outcomes[1], (data[:200], outcomes)
    kind, value = outcomes[0]
    if encoding == "utf-8" and errors == "strict":
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        try:
            expected = data[bom:].decode("utf-8")
        except UnicodeDecodeError as error:
            if kind == "error" and "not valid utf-8" in value:
                assert f" at byte {bom + error.start} " in value, (data[:200], value)
        else:
            assert kind == "error" or value == expected, (data[:200], value)
    if kind == "text":
        assert read_stream(io.BytesIO(data), "x", encoding, errors) == value, data[:200]
        return value
    return None
