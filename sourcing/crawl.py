"""Run one spider in a subprocess (Twisted's reactor cannot restart inside one process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcing.raw_zone import RawZone, new_run_id


class CrawlError(RuntimeError):
    """A crawl that did not finish: the message says why and what to look at."""


@dataclass
class CrawlResult:
    source: str
    path: Path | None  # the raw-zone file written, None when the crawl yielded nothing
    items: int
    stats: dict[str, Any]

    @property
    def summary(self) -> dict[str, int]:
        keys = {
            "requests": "downloader/request_count",
            "replayed": "har/hit",
            "not_recorded": "har/miss",
            "errors": "log_count/ERROR",
            "http_errors": "httperror/response_ignored_count",
            "suppressed": "suppression/dropped",
        }
        out = {"items": self.items}
        out.update({name: int(self.stats.get(key, 0)) for name, key in keys.items()})
        # The spider's own counters (skipped records, deleted comments...) are named
        # "<source>/<what>".
        prefix = f"{self.source}/"
        out.update(
            {k[len(prefix) :]: int(v) for k, v in self.stats.items() if k.startswith(prefix)}
        )
        return out


def crawl(
    source: str,
    zone: RawZone,
    *,
    replay: str | Path | None = None,
    record: str | Path | None = None,
    spider_args: dict[str, str] | None = None,
    cache_dir: Path | None = None,
    timeout: float = 3600,
    settings: dict[str, str] | None = None,
) -> CrawlResult:
    """Crawl `source` into a new raw-zone file and return what it fetched."""
    out = zone.new_file(source, new_run_id())
    with tempfile.TemporaryDirectory() as tmp:
        stats_file = Path(tmp) / "stats.json"
        cmd = [
            sys.executable,
            "-m",
            "spiders.runner",
            source,
            "--out",
            str(out),
            "--stats",
            str(stats_file),
        ]
        if replay:
            cmd += ["--replay", str(replay)]
        if record:
            cmd += ["--record", str(record)]
        if cache_dir and not replay:
            cmd += ["--cache", str(cache_dir)]
        for key, value in (spider_args or {}).items():
            cmd += ["-a", f"{key}={value}"]
        # People who asked to be forgotten stay out of the raw zone (`sourcing forget`).
        settings = {
            "SUPPRESSION_FILE": str(zone.root.parent / "suppression.sha256"),
            **(settings or {}),
        }
        for key, value in settings.items():
            cmd += ["-s", f"{key}={value}"]
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired as exc:
            raise CrawlError(
                f"{source}: crawl still running after {timeout:.0f}s; stopped"
            ) from exc
        if proc.returncode != 0 or not stats_file.exists():
            raise CrawlError(f"{source}: the spider failed:\n{proc.stderr[-3000:]}")
        stats = json.loads(stats_file.read_text(encoding="utf-8"))
    reason = stats.get("finish_reason")
    if reason != "finished":
        raise CrawlError(
            f"{source}: the crawl stopped early ({reason}) after {stats.get('log_count/ERROR', 0)}"
            " errors; see the log above, fix the source or its arguments, and run it again"
        )
    result = CrawlResult(
        source, out if out.exists() else None, int(stats.get("item_scraped_count", 0)), stats
    )
    problem = crawl_problem(result, previous_items(zone, source, exclude=out))
    if problem:
        raise CrawlError(f"{source}: {problem}")
    return result


def previous_items(zone: RawZone, source: str, exclude: Path | None = None) -> int | None:
    """How many records the source's latest earlier crawl gave (None: never crawled)."""
    files = [f for f in zone.files([source]) if f != exclude]
    if not files:
        return None
    latest = max(files, key=lambda f: (f.parent.name, f.name))
    with latest.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def crawl_problem(result: CrawlResult, previous: int | None) -> str | None:
    """Why a crawl that ran to its end still failed, or None.

    Nothing fetched while requests failed means the source is down or changed; a collapse to
    under a tenth of the last crawl (of at least 20 records) means its format changed."""
    s = result.summary
    failed = s["http_errors"] + s["errors"] + s["not_recorded"]
    if result.items == 0 and failed:
        return (
            f"no records: {s['http_errors']} HTTP errors, {s['errors']} errors logged,"
            f" {s['not_recorded']} requests not in the recording; check the source's URL and"
            " arguments (or the HAR file) and run it again"
        )
    if previous is not None and previous >= 20 and result.items < previous / 10:
        return (
            f"only {result.items} records where the last crawl had {previous}: the source's"
            " format has probably changed; check its spider against a fresh response"
        )
    return None
