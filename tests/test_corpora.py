"""WARC/WET and Parquet corpora: the records of the JSONL path, read and written as people
store them. Files are built with the libraries themselves (FastWARC records, one gzip member
per record as Common Crawl writes them; pyarrow tables with row groups)."""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from artclean.cli import main

warc = pytest.importorskip("fastwarc.warc", reason="WARC input needs pip install 'artclean[warc]'")
pa = pytest.importorskip("pyarrow", reason="Parquet needs pip install 'artclean[parquet]'")
pq = pytest.importorskip("pyarrow.parquet")

ARTCLEAN = str(Path(sys.executable).with_name("artclean"))
DOCS = Path(__file__).parent.parent / "docs" / "guide" / "corpus-formats.md"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    with CliRunner().isolation(input=stdin) as streams:
        status = main(list(args))
    return status, streams[0].getvalue(), streams[1].getvalue().decode()


def page(number: int) -> str:
    """A page of its own with what scrapers bring along; every fifth needs nothing removed."""
    body = (
        f"Report {number} from the harbour: the ferry timetable changes on Monday, "
        f"and the council met {number} times to discuss the pier.\n\n"
        f"Fishermen said the catch of week {number} was the best in years."
    )
    if number % 5 == 4:
        return body
    return (
        body + "\n\nThis article originally appeared in The Harbour Times.\n\n"
        "Share on Facebook\nShare on Twitter\nShare by email"
    )


def records(count: int, host: str = "news.example.com") -> list[dict[str, str]]:
    return [
        {
            "url": f"https://www.{host}/story/{number}",
            "id": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "date": f"2024-02-21T10:00:{number % 60:02d}Z",
            "text": page(number),
        }
        for number in range(count)
    ]


def warc_record(
    kind: Any, content: bytes, *, url: str | None = None, record_id: str = "x", **headers: str
) -> bytes:
    """One WARC record as FastWARC writes it."""
    record = warc.WarcRecord()
    record.init_headers(kind, record_id.strip("<>").removeprefix("urn:").encode())
    for name, value in headers.items():
        record.headers[name.replace("_", "-")] = value
    if url is not None:
        record.headers["WARC-Target-URI"] = url
    record.set_bytes_content(content)
    stream = io.BytesIO()
    record.write(stream)
    return stream.getvalue()


def conversion(fields: dict[str, str]) -> bytes:
    return warc_record(
        warc.WarcRecordType.conversion,
        fields["text"].encode(),
        url=fields["url"],
        record_id=fields["id"],
        WARC_Date=fields["date"],
        Content_Type="text/plain",
    )


def wet(fields: list[dict[str, str]], *, info: bool = True) -> list[bytes]:
    """The gzip members of a WET file: a warcinfo record, then one per document."""
    members = [gzip.compress(conversion(each), mtime=0) for each in fields]
    if info:
        head = warc_record(warc.WarcRecordType.warcinfo, b"isPartOf: CC-MAIN-2024-10\r\n")
        members.insert(0, gzip.compress(head, mtime=0))
    return members


def jsonl_of(fields: list[dict[str, str]], tmp_path: Path, *args: str) -> list[dict[str, Any]]:
    """What the JSONL path makes of the same records."""
    source = tmp_path / "same.jsonl"
    source.write_text("".join(json.dumps(each) + "\n" for each in fields))
    status, stdout, stderr = run(str(source), "--input-format", "jsonl", "-q", *args)
    assert (status, stderr) == (0, "")
    return [json.loads(line) for line in stdout.splitlines()]


def lines(output: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


# --- WARC / WET -------------------------------------------------------------------------------


def test_every_wet_record_comes_out_once_in_order_as_the_jsonl_path_cleans_it(
    tmp_path: Path,
) -> None:
    fields = records(12)
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(b"".join(wet(fields)))
    status, stdout, stderr = run(str(path), "--input-format", "warc", "-q", "-j", "1")
    assert (status, stderr) == (0, "")
    out = lines(stdout)
    assert [record["id"] for record in out] == [each["id"] for each in fields]
    assert list(out[0]) == ["url", "id", "date", "text"]
    assert out[0]["url"] == fields[0]["url"] and out[0]["date"] == fields[0]["date"]
    assert out == jsonl_of(fields, tmp_path)
    assert "originally appeared" not in out[0]["text"]


def test_format_json_adds_the_artclean_object_as_for_jsonl(tmp_path: Path) -> None:
    fields = records(3)
    path = tmp_path / "crawl.wet.gz"
    members = wet(fields)  # once: the warcinfo record's id is random, and so its size
    path.write_bytes(b"".join(members))
    status, stdout, _ = run(str(path), "--input-format", "warc", "-q", "--format", "json")
    out = lines(stdout)
    assert status == 0
    assert list(out[0]) == ["url", "id", "date", "text", "artclean"]
    assert out[0]["artclean"]["source"] == f"{path}@{len(members[0])}"
    kinds = {removal["kind"] for removal in out[0]["artclean"]["removed"]}
    assert {"syndication", "share"} <= kinds


@pytest.mark.parametrize("damage", ["corrupt", "truncated"])
def test_a_damaged_member_in_the_middle_costs_only_its_record(damage: str, tmp_path: Path) -> None:
    fields = records(9)
    members = wet(fields)
    bad = 5  # the member of record 4
    if damage == "corrupt":
        broken = bytearray(members[bad])
        broken[20:40] = bytes(20)
        members[bad] = bytes(broken)
    else:
        members[bad] = members[bad][: len(members[bad]) // 2]
    offset = sum(len(member) for member in members[:bad])
    path = tmp_path / "damaged.wet.gz"
    path.write_bytes(b"".join(members))
    status, stdout, stderr = run(str(path), "--input-format", "warc", "-q", "-j", "1")
    assert status == 2
    skipped = len(members[bad])
    message = (
        rf"{re.escape(str(path))}@{offset}: damaged gzip member \(.+\); {skipped} bytes skipped\n"
    )
    assert re.fullmatch(message, stderr)
    expected = jsonl_of(fields[:4] + fields[5:], tmp_path)
    assert lines(stdout) == expected


def test_damage_on_standard_input_is_survived_too_end_to_end(tmp_path: Path) -> None:
    fields = records(6)
    members = wet(fields, info=False)
    members[2] = members[2][:-9]  # cut short: its CRC and length are missing
    offset = len(members[0]) + len(members[1])
    done = subprocess.run(
        [ARTCLEAN, "-", "--input-format", "warc", "-q", "-j", "2"],
        input=b"".join(members),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"<stdin>@{offset}: damaged gzip member")
    assert lines(done.stdout) == jsonl_of(fields[:2] + fields[3:], tmp_path)


def test_a_member_cut_short_at_the_end_is_reported(tmp_path: Path) -> None:
    members = wet(records(3))
    members[-1] = members[-1][:30]
    path = tmp_path / "cut.wet.gz"
    path.write_bytes(b"".join(members))
    status, stdout, stderr = run(str(path), "--input-format", "warc", "-q")
    offset = sum(len(member) for member in members[:-1])
    assert (status, stderr) == (2, f"{path}@{offset}: gzip member cut short at the end of input\n")
    assert len(lines(stdout)) == 2


def test_records_without_text_are_skipped_and_counted_not_errors(tmp_path: Path) -> None:
    html = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>Hi</p></html>"
    plain = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + page(1).encode(
        "utf-8"
    )
    members = [
        warc_record(warc.WarcRecordType.warcinfo, b"software: test\r\n"),
        warc_record(
            warc.WarcRecordType.request, b"GET / HTTP/1.1\r\n\r\n", url="https://a.example/"
        ),
        warc_record(
            warc.WarcRecordType.response,
            html,
            url="https://a.example/",
            Content_Type="application/http; msgtype=response",
        ),
        warc_record(
            warc.WarcRecordType.response,
            plain,
            url="https://a.example/plain",
            Content_Type="application/http; msgtype=response",
        ),
        warc_record(
            warc.WarcRecordType.resource,
            page(2).encode(),
            url="https://a.example/notes.txt",
            Content_Type="text/plain",
        ),
    ]
    path = tmp_path / "mixed.warc"  # uncompressed: parsed as it streams
    path.write_bytes(b"".join(members))
    status, stdout, stderr = run(str(path), "--input-format", "warc", "-j", "1")
    assert status == 0
    out = lines(stdout)
    assert [record["url"] for record in out] == [
        "https://a.example/plain",
        "https://a.example/notes.txt",
    ]
    assert "originally appeared" not in out[0]["text"]
    assert re.search(r"records skipped \(not text\)\s+3\n", stderr)
    assert re.search(r"records failed\s+0\n", stderr)


def test_a_record_over_max_size_is_reported_and_left_out(tmp_path: Path) -> None:
    fields = records(3)
    fields[1]["text"] = "A long paragraph of the harbour report. " * 40
    path = tmp_path / "crawl.wet.gz"
    members = wet(fields)
    path.write_bytes(b"".join(members))
    status, stdout, stderr = run(str(path), "--input-format", "warc", "-q", "--max-size", "1K")
    offset = len(members[0]) + len(members[1])
    size = len(fields[1]["text"])
    assert (status, stderr) == (
        2,
        f"{path}@{offset}: a record of {size} bytes is over the limit of 1024 bytes "
        "(--max-size); left out\n",
    )
    assert [record["id"] for record in lines(stdout)] == [fields[0]["id"], fields[2]["id"]]


def test_jobs_two_writes_what_jobs_one_writes(tmp_path: Path) -> None:
    path = tmp_path / "crawl.wet.gz"
    path.write_bytes(b"".join(wet(records(40))))
    one = run(str(path), "--input-format", "warc", "-q", "-j", "1")
    two = run(str(path), "--input-format", "warc", "-q", "-j", "2")
    assert one == two and one[0] == 0


def test_templates_are_learned_per_host_of_the_url(tmp_path: Path) -> None:
    fields = records(8)
    for each in fields:
        each["text"] += "\n\nThe Harbour Gazette is published by Quayside Media Group Ltd."
    path = tmp_path / "crawl.wet.gz"
    path.write_bytes(b"".join(wet(fields)))
    status, stdout, stderr = run(str(path), "--input-format", "warc", "-q", "--learn-templates")
    assert (status, stderr) == (0, "")
    out = lines(stdout)
    assert all("Quayside" not in record["text"] for record in out)
    assert out == jsonl_of(fields, tmp_path, "--learn-templates")


def test_a_directory_of_wet_files_is_one_stream_in_name_order(tmp_path: Path) -> None:
    fields = records(6)
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "b.wet.gz").write_bytes(b"".join(wet(fields[3:])))
    (tmp_path / "crawl" / "a.wet.gz").write_bytes(b"".join(wet(fields[:3])))
    (tmp_path / "crawl" / "notes.txt").write_text("not a crawl")
    status, stdout, _ = run(str(tmp_path / "crawl"), "--input-format", "warc", "-q")
    assert status == 0
    assert [record["id"] for record in lines(stdout)] == [each["id"] for each in fields]


def test_a_file_that_is_not_warc_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "page.wet"
    path.write_text("<html>hello</html>")
    status, stdout, stderr = run(str(path), "--input-format", "warc", "-q")
    assert (status, stdout) == (2, b"")
    assert stderr.count("\n") == 1 and stderr.startswith(f"{path}: not a WARC file")


@pytest.mark.parametrize(
    ("kind", "modules", "name"),
    [("warc", ["fastwarc", "fastwarc.warc"], "FastWARC"), ("parquet", ["pyarrow"], "pyarrow")],
)
def test_without_the_extra_the_error_names_it(
    kind: str, modules: list[str], name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)  # import fails, as when not installed
    monkeypatch.delitem(sys.modules, f"artclean.{kind}", raising=False)
    path = tmp_path / "corpus"
    path.write_bytes(b"")
    status, _, stderr = run(str(path), "--input-format", kind, "-q")
    assert status == 2
    assert stderr == (
        f"artclean: error: --input-format {kind} needs {name}: pip install 'artclean[{kind}]'\n"
    )


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_wet_to_parquet_holds_the_records_of_the_jsonl_output(
    output_format: str, tmp_path: Path
) -> None:
    fields = records(9)
    source = tmp_path / "crawl.warc.wet.gz"
    members = wet(fields)
    members[5] = members[5][:40] + bytes(30) + members[5][70:]  # a damaged record: reported
    source.write_bytes(b"".join(members))
    common = [str(source), "--input-format", "warc", "-q", "--format", output_format]
    status, expected_lines, stderr = run(*common)
    assert status == 2 and stderr.count("damaged gzip member") == 1
    expected = lines(expected_lines)
    target = tmp_path / "clean.parquet"
    assert run(*common, "-o", str(target)) == (2, b"", stderr)
    table = pq.read_table(target)
    names = ["url", "id", "date", "text"] + (["artclean"] if output_format == "json" else [])
    assert table.schema.names == names
    assert all(pa.types.is_string(field.type) for field in table.schema)
    rows = table.to_pylist()
    for row in rows:
        if "artclean" in row:
            row["artclean"] = json.loads(row["artclean"])
    assert rows == expected and len(rows) == 8
    assert [row["url"] for row in rows] == [f["url"] for f in fields if f is not fields[4]]


def test_a_directory_of_wet_files_to_out_dir_is_a_parquet_file_each(tmp_path: Path) -> None:
    fields = records(6)
    crawl = tmp_path / "crawl"
    (crawl / "2024").mkdir(parents=True)
    (crawl / "CC-MAIN-00000.warc.wet.gz").write_bytes(b"".join(wet(fields[:4])))
    (crawl / "2024" / "b.warc").write_bytes(b"".join(conversion(f) for f in fields[4:]))
    out = tmp_path / "out"
    status, stdout, stderr = run(
        str(crawl), "--input-format", "warc", "-q", "--out-dir", str(out), "-j", "2"
    )
    assert (status, stdout, stderr) == (0, b"", "")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.parquet")) == [
        "2024/b.parquet",
        "CC-MAIN-00000.parquet",
    ]
    texts = pq.read_table(out / "CC-MAIN-00000.parquet").column("text").to_pylist()
    texts += pq.read_table(out / "2024" / "b.parquet").column("text").to_pylist()
    status, stdout, _ = run(str(crawl), "--input-format", "warc", "-q")
    assert texts == [record["text"] for record in lines(stdout)]  # a directory's files first
    assert texts == [r["text"] for r in jsonl_of(fields, tmp_path)]


def test_wet_to_parquet_end_to_end_and_what_it_refuses(tmp_path: Path) -> None:
    source = tmp_path / "a.wet.gz"
    source.write_bytes(b"".join(wet(records(3))))
    target = tmp_path / "clean.parquet"
    done = subprocess.run(
        [ARTCLEAN, str(source), "--input-format", "warc", "-o", str(target), "-q"],
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert pq.read_table(target).num_rows == 3
    status, _, stderr = run("-", "--input-format", "warc", "--out-dir", str(tmp_path / "o"))
    assert (status, stderr) == (
        2,
        "artclean: error: standard input has no name to write under --out-dir: "
        "use -o FILE.parquet\n",
    )
    status, _, stderr = run(str(source), "--input-format", "warc", "--in-place")
    assert status == 2 and "use -o FILE or --out-dir DIR" in stderr


# --- Parquet ----------------------------------------------------------------------------------


def parquet_file(path: Path, fields: list[dict[str, str]], row_group: int = 4) -> pa.Table:
    table = pa.table(
        {
            "id": [each["id"] for each in fields],
            "text": [each["text"] for each in fields],
            "url": [each["url"] for each in fields],
            "score": pa.array([index / 4 for index in range(len(fields))], pa.float32()),
            "tags": [[f"t{index}"] for index in range(len(fields))],
        }
    ).replace_schema_metadata({"origin": "test crawl"})
    pq.write_table(table, path, row_group_size=row_group)
    return table


def test_parquet_keeps_every_column_the_schema_and_the_row_groups(tmp_path: Path) -> None:
    fields = records(10)
    source, target = tmp_path / "in.parquet", tmp_path / "clean.parquet"
    original = parquet_file(source, fields)
    schema = pq.ParquetFile(source).schema_arrow  # as stored (list items are "element")
    status, stdout, stderr = run(str(source), "--input-format", "parquet", "-q", "-o", str(target))
    assert (status, stdout, stderr) == (0, b"", "")
    written = pq.ParquetFile(target)
    assert written.schema_arrow.equals(schema, check_metadata=True)
    assert written.num_row_groups == 3
    table = written.read()
    for name in ("id", "url", "score", "tags"):
        assert table.column(name).equals(original.column(name))
    expected = [record["text"] for record in jsonl_of(fields, tmp_path)]
    assert table.column("text").to_pylist() == expected


def test_a_row_group_over_the_output_limit_is_written_as_several_with_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import artclean.parquet

    monkeypatch.setattr(artclean.parquet, "GROUP_BYTES", 2000)  # about three rows of output
    monkeypatch.setattr(artclean.parquet, "SLICE_BYTES", 600)  # a row or two at a time
    fields = records(10)
    source, target = tmp_path / "in.parquet", tmp_path / "clean.parquet"
    parquet_file(source, fields, row_group=10)
    status, _, _ = run(str(source), "--input-format", "parquet", "-q", "-o", str(target))
    written = pq.ParquetFile(target)
    assert status == 0 and written.num_row_groups > 1
    rows = [written.metadata.row_group(i).num_rows for i in range(written.num_row_groups)]
    assert sum(rows) == 10
    expected = [record["text"] for record in jsonl_of(fields, tmp_path)]
    assert written.read().column("text").to_pylist() == expected


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_row_group_read_in_many_slices_comes_out_whole_as_the_jsonl_path_cleans_it(
    jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import artclean.parquet

    monkeypatch.setattr(artclean.parquet, "SLICE_BYTES", 700)  # two or three rows a slice
    fields = records(25)
    source, target = tmp_path / "in.parquet", tmp_path / "clean.parquet"
    original = parquet_file(source, fields, row_group=12)  # groups of 12, 12 and 1 rows
    args = ("--input-format", "parquet", "-q", "-j", jobs, "--format", "json")
    status, stdout, stderr = run(str(source), *args, "-o", str(target))
    assert (status, stdout, stderr) == (0, b"", "")
    written = pq.ParquetFile(target)
    groups = [written.metadata.row_group(i).num_rows for i in range(written.num_row_groups)]
    assert groups == [12, 12, 1]  # under the output limit, the input's row groups are kept
    table = written.read()
    for name in ("id", "url", "score", "tags"):
        assert table.column(name).equals(original.column(name))
    expected = jsonl_of(fields, tmp_path, "--format", "json")
    assert table.column("text").to_pylist() == [record["text"] for record in expected]
    results = [json.loads(value) for value in table.column("artclean").to_pylist()]
    for row, (result, record) in enumerate(zip(results, expected, strict=True)):
        assert result.pop("source") == f"{source}:row {row}"
        assert result == {k: v for k, v in record["artclean"].items() if k != "source"}


@pytest.mark.parametrize("codec", ["ZSTD", "GZIP", "NONE"])
def test_parquet_output_is_compressed_as_the_input_text_column_is(
    codec: str, tmp_path: Path
) -> None:
    source, target = tmp_path / "in.parquet", tmp_path / "clean.parquet"
    pq.write_table(pa.table({"text": [page(n) for n in range(4)], "n": [0, 1, 2, 3]}), source,
                   compression=codec)  # fmt: skip
    assert run(str(source), "--input-format", "parquet", "-q", "-o", str(target))[0] == 0
    group = pq.ParquetFile(target).metadata.row_group(0)
    written = {group.column(i).compression for i in range(group.num_columns)}
    assert written == {"UNCOMPRESSED" if codec == "NONE" else codec}


def test_parquet_format_json_adds_the_result_as_a_json_string_column(tmp_path: Path) -> None:
    source, target = tmp_path / "in.parquet", tmp_path / "clean.parquet"
    parquet_file(source, records(3))
    status, _, _ = run(
        str(source), "--input-format", "parquet", "-q", "-o", str(target), "--format", "json"
    )
    table = pq.read_table(target)
    assert status == 0 and table.schema.names[-1] == "artclean"
    result = json.loads(table.column("artclean")[0].as_py())
    assert result["source"] == f"{source}:row 0"
    assert "syndication" in {removal["kind"] for removal in result["removed"]}


def test_parquet_to_stdout_is_jsonl_of_every_column(tmp_path: Path) -> None:
    fields = records(3)
    source = tmp_path / "in.parquet"
    parquet_file(source, fields)
    status, stdout, _ = run(str(source), "--input-format", "parquet", "-q")
    out = lines(stdout)
    assert status == 0
    assert list(out[0]) == ["id", "text", "url", "score", "tags"]
    assert [record["text"] for record in out] == [r["text"] for r in jsonl_of(fields, tmp_path)]


@pytest.mark.parametrize(("choice", "rows"), [("pass", 3), ("skip", 2)])
def test_a_null_text_is_reported_then_kept_or_dropped(
    choice: str, rows: int, tmp_path: Path
) -> None:
    source, target = tmp_path / "in.parquet", tmp_path / "clean.parquet"
    pq.write_table(pa.table({"text": [page(0), None, page(2)], "n": [0, 1, 2]}), source)
    status, _, stderr = run(
        str(source), "--input-format", "parquet", "-q", "-o", str(target), "--on-bad-line", choice
    )
    assert (status, stderr) == (2, f"{source}:row 1: 'text' is null, not a string\n")
    assert pq.read_table(target).column("n").to_pylist() == ([0, 1, 2] if rows == 3 else [0, 2])


def test_parquet_out_dir_mirrors_a_directory_of_parquet_files(tmp_path: Path) -> None:
    fields = records(8)
    (tmp_path / "in" / "2024").mkdir(parents=True)
    parquet_file(tmp_path / "in" / "a.parquet", fields[:4])
    parquet_file(tmp_path / "in" / "2024" / "b.parquet", fields[4:])
    out = tmp_path / "out"
    status, _, _ = run(
        str(tmp_path / "in"), "--input-format", "parquet", "-q", "--out-dir", str(out)
    )
    assert status == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "2024",
        "2024/b.parquet",
        "a.parquet",
    ]
    expected = [record["text"] for record in jsonl_of(fields, tmp_path)]
    texts = pq.read_table(out / "2024" / "b.parquet").column("text").to_pylist()
    texts = pq.read_table(out / "a.parquet").column("text").to_pylist() + texts
    assert texts == expected


def test_files_whose_columns_differ_cannot_share_one_parquet_output(tmp_path: Path) -> None:
    parquet_file(tmp_path / "a.parquet", records(2))
    pq.write_table(pa.table({"text": [page(1)]}), tmp_path / "b.parquet")
    target = tmp_path / "clean.parquet"
    status, _, stderr = run(
        str(tmp_path / "a.parquet"), str(tmp_path / "b.parquet"), "--input-format", "parquet",
        "-q", "-o", str(target),
    )  # fmt: skip
    assert status == 2
    assert stderr.startswith(f"{tmp_path / 'b.parquet'}: its columns differ from those of")
    assert pq.read_table(target).num_rows == 2


def test_parquet_jobs_two_and_templates_work_as_for_jsonl(tmp_path: Path) -> None:
    fields = records(30)
    for each in fields:
        each["text"] += "\n\nThe Harbour Gazette is published by Quayside Media Group Ltd."
    source = tmp_path / "in.parquet"
    parquet_file(source, fields, row_group=7)
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"clean-{jobs}.parquet"
        status, _, _ = run(
            str(source), "--input-format", "parquet", "-q", "-j", jobs, "--learn-templates",
            "-o", str(target),
        )  # fmt: skip
        assert status == 0
        outputs.append(pq.read_table(target))
    assert outputs[0].equals(outputs[1])
    expected = [record["text"] for record in jsonl_of(fields, tmp_path, "--learn-templates")]
    assert outputs[0].column("text").to_pylist() == expected
    assert all("Quayside" not in text for text in expected)


@pytest.mark.parametrize("where", ["-o", "--out-dir"])
def test_a_parquet_output_that_cannot_be_written_is_one_line_and_exit_2(
    where: str, tmp_path: Path
) -> None:
    limit = 16 << 10  # ulimit -f: the output is larger
    source = tmp_path / "in" / "shard.parquet"
    source.parent.mkdir()
    texts = [page(number) + "\n\n" + random.Random(number).randbytes(3000).hex()
             for number in range(12)]  # fmt: skip
    pq.write_table(pa.table({"text": texts}), source)
    target = tmp_path / ("clean.parquet" if where == "-o" else "out")
    done = subprocess.run(
        [ARTCLEAN, str(source), "--input-format", "parquet", "-q", where, str(target)],
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
        check=False,
    )
    written = target if where == "-o" else target / "shard.parquet"
    assert (done.returncode, done.stderr.decode()) == (
        2,
        f"artclean: error: {written}: cannot write (File too large)\n",
    )
    left = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*"))
    assert left == ["in", "in/shard.parquet"] + ([] if where == "-o" else ["out"])  # no temporary


def test_parquet_needs_files_not_stdin() -> None:
    status, _, stderr = run("-", "--input-format", "parquet")
    assert status == 2 and "give files, not stdin" in stderr


def test_a_file_that_is_not_parquet_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "fake.parquet"
    path.write_text("hello")
    status, _, stderr = run(str(path), "--input-format", "parquet", "-q")
    assert status == 2 and stderr.startswith(f"{path}: not a Parquet file")


# --- Dask -------------------------------------------------------------------------------------


@pytest.mark.dask
@pytest.mark.parametrize("kind", ["warc", "warc-parquet", "parquet"])
def test_dask_writes_the_records_the_local_cli_writes(kind: str, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    fields = records(16)
    source = kind.split("-")[0]
    if source == "warc":
        (tmp_path / "a.wet.gz").write_bytes(b"".join(wet(fields[:9])))
        (tmp_path / "b.wet.gz").write_bytes(b"".join(wet(fields[9:])))
    else:
        parquet_file(tmp_path / "a.parquet", fields[:9], row_group=4)
        parquet_file(tmp_path / "b.parquet", fields[9:], row_group=4)
    local_out = tmp_path / ("local.jsonl" if kind == "warc" else "local.parquet")
    common = ["--input-format", source, "-q", "--format", "json"]
    inputs = [str(tmp_path / f"a.{'wet.gz' if source == 'warc' else source}")]
    inputs.append(inputs[0].replace("a.", "b."))
    assert run(*inputs, *common, "-o", str(local_out))[0] == 0
    parts = tmp_path / "parts"
    dask = ["--engine", "dask", "-j", "2", "--out-dir", str(parts)]
    if kind == "warc-parquet":
        dask += ["--part-format", "parquet"]
    done = subprocess.run([ARTCLEAN, *inputs, *common, *dask], capture_output=True, check=False)
    assert (done.returncode, done.stderr) == (0, b"")
    names = sorted(parts.iterdir())
    if kind == "warc":
        assert [name.name for name in names] == ["part-00000.jsonl", "part-00001.jsonl"]
        assert b"".join(name.read_bytes() for name in names) == local_out.read_bytes()
        return
    if kind == "warc-parquet":  # a part per file, the columns and rows of -o clean.parquet
        assert [name.name for name in names] == ["part-00000.parquet", "part-00001.parquet"]
        assert [pq.read_metadata(name).num_rows for name in names] == [9, 7]
        assert pq.read_schema(names[0]).names == ["url", "id", "date", "text", "artclean"]
    else:
        assert len(names) == 5  # a row group each: 4+4+1 rows, then 4+3
    together = pa.concat_tables(pq.read_table(name) for name in names)
    assert together.equals(pq.read_table(local_out))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--input-format", "warc", "--part-format", "parquet", "--out-dir", "out"],
            "--part-format is the format of the parts of --engine dask; add --engine dask",
        ),
        (
            ["--input-format", "parquet", "--engine", "dask", "--part-format", "jsonl",
             "--out-dir", "out"],
            "--input-format parquet is written to parquet parts; --part-format chooses between "
            "jsonl and parquet for WARC input",
        ),
    ],
)  # fmt: skip
def test_part_format_is_for_dask_and_warc_input(
    arguments: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    source = tmp_path / "crawl.wet.gz"
    source.write_bytes(b"".join(wet(records(2))))
    monkeypatch.chdir(tmp_path)
    assert run(str(source), *arguments) == (2, b"", f"artclean: error: {message}\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.dask
@pytest.mark.parametrize("kind", ["warc", "parquet"])
def test_dask_a_part_that_cannot_be_written_is_one_line_and_exit_2(
    kind: str, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    limit = 16 << 10  # ulimit -f, which the workers inherit: every part is larger
    fields = records(12)
    for number, each in enumerate(fields):
        each["text"] += "\n\n" + random.Random(number).randbytes(3000).hex()
    if kind == "warc":
        source = tmp_path / "crawl.wet.gz"
        source.write_bytes(b"".join(wet(fields)))
    else:
        source = tmp_path / "shard.parquet"
        parquet_file(source, fields, row_group=12)
    done = subprocess.run(
        [ARTCLEAN, str(source), "--input-format", kind, "--engine", "dask", "-j", "2", "-q",
         "--out-dir", str(tmp_path / "out")],
        capture_output=True,
        timeout=300,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
        check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    suffix = "jsonl" if kind == "warc" else "parquet"
    assert done.stderr.decode().splitlines() == [
        f"artclean: error: {tmp_path / 'out' / f'part-00000.{suffix}'}: cannot write "
        "(File too large)"
    ]
    assert list((tmp_path / "out").iterdir()) == []  # no part, no temporary file


# --- Hugging Face datasets --------------------------------------------------------------------


def recipe() -> str:
    """The Python block of the docs' `datasets` recipe."""
    text = DOCS.read_text()
    section = text[text.index("## Hugging Face datasets") :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


class InMemoryDataset:
    """What the recipe uses of `datasets.Dataset`, over a pyarrow table: `map(batched=True)`
    hands each batch as a dict of lists and merges the columns it returns."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table

    def map(self, function: Any, *, batched: bool = False, batch_size: int = 1000) -> Any:
        assert batched
        out = []
        for batch in self.table.to_batches(max_chunksize=batch_size):
            columns = batch.to_pydict()
            columns.update(function(columns))
            out.append(pa.table(columns))
        return InMemoryDataset(pa.concat_tables(out))


def test_the_datasets_recipe_cleans_as_the_jsonl_path(tmp_path: Path) -> None:
    fields = records(7)
    dataset = InMemoryDataset(pa.table({"text": [each["text"] for each in fields]}))
    namespace: dict[str, Any] = {"dataset": dataset}
    exec(recipe(), namespace)
    cleaned = namespace["dataset"].table
    expected = [record["text"] for record in jsonl_of(fields, tmp_path)]
    assert cleaned.column("text").to_pylist() == expected
    assert json.loads(cleaned.column("artclean")[0].as_py())["removed"]


def test_the_engine_option_says_it_reads_every_record_format() -> None:
    from artclean.cli import cli

    help_text = " ".join(CliRunner().invoke(cli, ["--help"]).stdout.split())
    engine = help_text.split("--engine [local|dask]", 1)[1].split("--scheduler", 1)[0]
    assert "jsonl, warc or parquet" in engine
