"""The raw zone: append-only JSON Lines files, one per crawl, the system of record.

Layout: `<data-dir>/raw/<source>/<YYYY-MM-DD>/<run-id>.jsonl`. Files are written once (by a
crawl, renamed into place when it finishes) and then only read.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


def crawl_day(path: Path | str) -> str:
    """The crawl date of a raw-zone file: its folder, `YYYY-MM-DD`."""
    return Path(path).parent.name


@dataclass
class ReadStats:
    files: int = 0
    records: int = 0
    bad_lines: dict[str, int] = field(default_factory=dict)  # file -> lines skipped as bad


class RawZone:
    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / "raw"

    def new_file(self, source: str, run_id: str, now: datetime | None = None) -> Path:
        day = (now or datetime.now(UTC)).strftime("%Y-%m-%d")
        return self.root / source / day / f"{run_id}.jsonl"

    def files(self, sources: Iterable[str] | None = None, day: str | None = None) -> list[Path]:
        """The crawl files of `sources` (all: None), of one crawl date or all, in name order."""
        if not self.root.exists():
            return []
        wanted = set(sources) if sources is not None else None
        return sorted(
            path
            for path in self.root.glob(f"*/{day or '*'}/*.jsonl")
            if wanted is None or path.parent.parent.name in wanted
        )

    def days(self) -> list[str]:
        """The crawl dates (`YYYY-MM-DD` folders) that hold a crawl file, oldest first."""
        return sorted({crawl_day(path) for path in self.files()})

    def relative(self, path: Path) -> str:
        """`raw/<source>/<day>/<run-id>.jsonl`: how the warehouse names a crawl file."""
        return path.relative_to(self.root.parent).as_posix()

    def read(
        self, sources: Iterable[str] | None = None, stats: ReadStats | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every record of the zone, file by file in name order (so, oldest crawl first).

        A bad line (`parse_line`) is counted in `stats` and logged, never fatal."""
        for _, record in self.read_with_files(sources, stats):
            yield record

    def read_with_files(
        self,
        sources: Iterable[str] | None = None,
        stats: ReadStats | None = None,
        day: str | None = None,
    ) -> Iterator[tuple[Path, dict[str, Any]]]:
        """Like `read` (of one crawl date, or all), with the crawl file each record came from."""
        stats = stats if stats is not None else ReadStats()
        for path in self.files(sources, day):
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
