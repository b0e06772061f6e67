"""Where things live under the data directory. Every other module asks here.

    <data-dir>/raw/<source>/<YYYY-MM-DD>/<run-id>.jsonl   crawl files, the system of record
    <data-dir>/raw/.../<run-id>.jsonl.part                  a crawl still writing (or killed)
    <data-dir>/failed/<source>/<YYYY-MM-DD>/<run-id>.jsonl  a failed crawl's file, never loaded
    <data-dir>/logs/<source>/<run-id>.log                   each crawl's Scrapy log
    <data-dir>/suppression.sha256, suppression.key          people who asked to be forgotten
    <data-dir>/.httpcache/                                  Scrapy's HTTP cache of live crawls

Crawl files are written once (renamed into place when the crawl finishes) and then only read.

The data directory may be a URL (`s3://bucket/prefix`: `storage`); the layout under it is the
same. Only Scrapy's HTTP cache then stays on this machine (`cache_dir`).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from pipelines.rawzone.read import ReadStats, read_files
from pipelines.rawzone.storage import as_path, is_local

RAW = "raw"
SUPPRESSION_FILE = "suppression.sha256"
KEY_FILE = "suppression.key"  # the suppression list's secret HMAC key, beside it, owner-only
PART = ".part"  # the suffix of a crawl file still being written


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


def crawl_day(path: Path | str) -> str:
    """The crawl date of a raw-zone file: its folder, `YYYY-MM-DD`."""
    return as_path(path).parent.name


def part_file(path: Path) -> Path:
    """Where a crawl writes `path` until it has finished."""
    return path.with_name(path.name + PART)


def key_file(suppression_file: Path | str) -> Path:
    """The suppression list's key, kept beside the list."""
    return as_path(suppression_file).with_name(KEY_FILE)


class RawZone:
    """The raw zone of one data directory: `<data_dir>/raw`, and the files kept beside it."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = as_path(data_dir)
        self.root = self.data_dir / RAW

    @property
    def suppression_file(self) -> Path:
        return self.data_dir / SUPPRESSION_FILE

    @property
    def is_local(self) -> bool:
        return is_local(self.data_dir)

    @property
    def cache_dir(self) -> Path:
        """Scrapy's HTTP cache: `<data-dir>/.httpcache`, or for a data directory on an object
        store a folder of this machine's cache (Scrapy writes it as local files)."""
        if self.is_local:
            return self.data_dir / ".httpcache"
        name = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:16]
        return Path(platformdirs.user_cache_dir("ml-sourcing")) / "httpcache" / name

    def new_file(self, source: str, run_id: str, now: datetime | None = None) -> Path:
        day = (now or datetime.now(UTC)).strftime("%Y-%m-%d")
        return self.root / source / day / f"{run_id}.jsonl"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    def log_file(self, source: str, run_id: str) -> Path:
        return self.logs_dir / source / f"{run_id}.log"

    def failed_file(self, path: Path) -> Path:
        """Where a failed crawl's file is set aside, out of the raw zone."""
        return self.data_dir / "failed" / path.relative_to(self.root)

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

    def every_file(self) -> list[Path]:
        """Every file that may hold records, loaded or not: crawl files, gzipped ones, and the
        `.part` a crawl killed mid-way left behind (what erasure must reach)."""
        if not self.root.exists():
            return []
        patterns = ("*.jsonl", "*.jsonl.gz", f"*.jsonl{PART}")
        return sorted(path for pattern in patterns for path in self.root.rglob(pattern))

    def days(self) -> list[str]:
        """The crawl dates (`YYYY-MM-DD` folders) that hold a crawl file, oldest first."""
        return sorted({crawl_day(path) for path in self.files()})

    def relative(self, path: Path) -> str:
        """`raw/<source>/<day>/<run-id>.jsonl`: how the warehouse names a crawl file."""
        return path.relative_to(self.data_dir).as_posix()

    def read(
        self, sources: Iterable[str] | None = None, stats: ReadStats | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every record of the zone, file by file in name order (so, oldest crawl first).

        A bad line (`parse_line`) is counted in `stats` and logged, never fatal."""
        for _, record in read_files(self.files(sources), stats):
            yield record

    def read_with_files(
        self,
        sources: Iterable[str] | None = None,
        stats: ReadStats | None = None,
        day: str | None = None,
    ) -> Iterator[tuple[Path, dict[str, Any]]]:
        """Like `read` (of one crawl date, or all), with the crawl file each record came from."""
        return read_files(self.files(sources, day), stats)
