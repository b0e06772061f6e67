"""Reading raw-zone files: each line one record, a bad line counted and skipped, never fatal."""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


@dataclass
class ReadStats:
    files: int = 0
    records: int = 0
    bad_lines: dict[str, int] = field(default_factory=dict)  # file -> lines skipped as bad


def read_files(
    paths: Iterable[Path], stats: ReadStats | None = None
) -> Iterator[tuple[Path, dict[str, Any]]]:
    """(file, record) for every good line of `paths`, in order; bad lines counted in `stats`."""
    stats = stats if stats is not None else ReadStats()
    for path in paths:
        stats.files += 1
        with path.open("rb") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                record, problem = parse_line(line)
                if record is None:
                    stats.bad_lines[str(path)] = stats.bad_lines.get(str(path), 0) + 1
                    logger.warning("Skipping line %d of %s: %s", number, path, problem)
                    continue
                stats.records += 1
                yield path, record


def count_records(path: Path) -> int:
    """How many non-empty lines a crawl file holds."""
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def text_lines(path: Path) -> list[str]:
    """A raw file's lines as text, ends kept (gzipped or not; undecodable bytes replaced), so
    a file can be rewritten without the lines it must lose."""
    data = path.read_bytes()
    text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")
    return text.splitlines(keepends=True)


def as_record(line: str) -> dict[str, Any] | None:
    """A line's JSON object, or None (blank, not JSON, not an object); no field checks."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


# The provenance fields every raw record carries, and the types the warehouse stores them as.
_FIELDS: dict[str, tuple[type, ...]] = {
    "source": (str,),
    "source_id": (str, int),
    "fetched_at": (str,),
    "url": (str, type(None)),
    "record": (dict,),
    "context": (dict, type(None)),
}


def parse_line(line: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """(record, None) for a well-formed raw-zone line, else (None, what is wrong with it).

    A line that is not UTF-8, not JSON, not an object, or whose provenance fields have the
    wrong type (a spider that wrote `"url": 14`) is one bad record: skipped and counted by
    the reader, never a failure of the whole file or date."""
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8"
    except ValueError:
        return None, "not JSON"
    if not isinstance(record, dict):
        return None, "not a JSON object"
    for name, types in _FIELDS.items():
        value = record.get(name)
        if name in ("url", "context") and name not in record:
            continue
        if not isinstance(value, types) or isinstance(value, bool):
            return None, f"field {name!r} is {type(value).__name__}"
    record["source_id"] = str(record["source_id"])
    return record, None
