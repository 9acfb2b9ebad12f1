"""A column of texts cleaned at once: the shape of a batch in Hugging Face `datasets`.

`Dataset.map(clean_batch, batched=True)` hands a dict of columns (lists) and takes back the
columns to replace or add; `clean_batch` cleans the text column as `artclean --input-format
jsonl` cleans the text field of each record (the same clean text, a line break at the end
only if the original had one), and with `with_result` adds the artclean result of each row
as a JSON string column `artclean`, as the Parquet output does. A null text stays null.
Nothing here imports `datasets`: any mapping of lists will do (a pyarrow `RecordBatch`'s
`to_pydict()`, a pandas frame's `to_dict("list")`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .jsonl import RESULT_KEY, RecordJob, clean_record
from .options import Options


def clean_batch(
    batch: Mapping[str, Sequence[Any]],
    *,
    text_field: str = "text",
    options: Options | None = None,
    with_result: bool = False,
) -> dict[str, list[Any]]:
    """The cleaned `text_field` column of `batch` (and the `artclean` column, if asked)."""
    job = RecordJob(options or Options(), text_field=text_field, with_result=with_result)
    texts: list[str | None] = []
    results: list[str | None] = []
    for text in batch[text_field]:
        if text is None:
            texts.append(None)
            results.append(None)
            continue
        record: dict[str, Any] = {text_field: text}
        clean_record(record, job, where=None, site="")
        texts.append(record[text_field])
        if with_result:
            results.append(json.dumps(record[RESULT_KEY], ensure_ascii=False))
    columns: dict[str, list[Any]] = {text_field: texts}
    if with_result:
        columns[RESULT_KEY] = results
    return columns
