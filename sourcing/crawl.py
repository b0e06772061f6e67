"""Run one spider in a subprocess (Twisted's reactor cannot restart inside one process)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.rawzone.files import publish
from pipelines.rawzone.layout import RawZone, new_run_id, part_file
from pipelines.rawzone.read import count_records


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


# Set when the user interrupted the run (Ctrl-C, SIGTERM): the crawl under way stops, and
# `sourcing.runner` loads nothing after it.
INTERRUPTED = threading.Event()
_ACTIVE: set[subprocess.Popen] = set()  # the spider processes running now


def stop_active(sig: int = signal.SIGTERM) -> None:
    """Ask every running spider to stop (Scrapy shuts down gracefully on SIGTERM)."""
    for proc in list(_ACTIVE):
        if proc.poll() is None:
            proc.send_signal(sig)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While a command runs, SIGTERM and Ctrl-C stop it whole: the spider under way is told
    to stop, INTERRUPTED is set so nothing after it is loaded (a second Ctrl-C aborts at
    once)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        if signum == signal.SIGINT and INTERRUPTED.is_set():
            raise KeyboardInterrupt
        INTERRUPTED.set()
        stop_active()

    before = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    INTERRUPTED.clear()
    for sig in before:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


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
    """Crawl `source` into a new raw-zone file and return what it fetched.

    A crawl that fails, stops early or is interrupted raises CrawlError with its first real
    error in one line and the path of its log; whatever file it wrote is set aside under
    `<data-dir>/failed/`, out of the raw zone, so it neither loads nor closes any posting."""
    run_id = new_run_id()
    final, final_log = zone.new_file(source, run_id), zone.log_file(source, run_id)
    with tempfile.TemporaryDirectory() as tmp:
        # The spider writes local files; on an object store they are uploaded when done.
        if zone.is_local:
            out, log = final, final_log
        else:
            out, log = Path(tmp) / final.name, Path(tmp) / final_log.name
        log.parent.mkdir(parents=True, exist_ok=True)
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
            "SUPPRESSION_FILE": str(zone.suppression_file),
            **(settings or {}),
        }
        for key, value in settings.items():
            cmd += ["-s", f"{key}={value}"]
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
        try:
            returncode = _run(cmd, env, log, timeout, source, out)
            stats = (
                json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else None
            )
            return _result(source, zone, out, final, log, returncode, stats)
        finally:
            if log != final_log and log.exists():
                publish(log, final_log)


def _result(
    source: str,
    zone: RawZone,
    out: Path,
    final: Path,
    log: Path,
    returncode: int,
    stats: dict[str, Any] | None,
) -> CrawlResult:
    """The crawl's result with its file published at `final`, or CrawlError (its file set
    aside)."""
    first = first_error(log)
    where = f"; log: {zone.log_file(source, final.stem)}"
    if INTERRUPTED.is_set():
        raise CrawlError(f"{source}: interrupted{_set_aside(zone, out, final)}{where}")
    if returncode != 0 or stats is None:
        raise CrawlError(
            f"{source}: the spider failed: {first or f'exit status {returncode}'}"
            f"{_set_aside(zone, out, final)}{where}"
        )
    reason = stats.get("finish_reason")
    if reason != "finished":
        raise CrawlError(
            f"{source}: the crawl stopped early ({reason}) after"
            f" {stats.get('log_count/ERROR', 0)} errors: {first or 'no error logged'}"
            f"{_set_aside(zone, out, final)}{where}"
        )
    result = CrawlResult(
        source, final if out.exists() else None, int(stats.get("item_scraped_count", 0)), stats
    )
    problem = crawl_problem(result, previous_items(zone, source, exclude=final))
    if problem:
        cause = f"; first error: {first}" if first and "robots.txt" not in problem else ""
        raise CrawlError(f"{source}: {problem}{cause}{_set_aside(zone, out, final)}{where}")
    if out != final and out.exists():
        publish(out, final)
    return result


def _run(cmd: list[str], env: dict, log: Path, timeout: float, source: str, out: Path) -> int:
    """Run the spider with its output going to `log`; stop it on timeout or interrupt."""
    with log.open("ab") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT, env=env)
        _ACTIVE.add(proc)
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            _stop(proc)
            raise CrawlError(
                f"{source}: crawl still running after {timeout:.0f}s; stopped; log: {log}"
            ) from exc
        except BaseException:  # Ctrl-C inside Dagster's step: stop the spider, then re-raise
            INTERRUPTED.set()
            _stop(proc)
            part_file(out).unlink(missing_ok=True)
            raise
        finally:
            _ACTIVE.discard(proc)


def _stop(proc: subprocess.Popen) -> None:
    """Stop a spider: SIGTERM asks Scrapy to close gracefully, which waits for requests in
    flight; a second SIGTERM a moment later forces it (two signals sent at once arrive as
    one); SIGKILL if it still runs. A stopped crawl's file is never loaded, so nothing is
    lost by not waiting for slow responses."""
    for sig, wait in ((signal.SIGTERM, 3), (signal.SIGTERM, 3)):
        if proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            pass
    proc.kill()
    proc.wait()


def _set_aside(zone: RawZone, out: Path, final: Path) -> str:
    """Move a failed crawl's file `out` (and any half-written `.part`) out of the raw zone
    into `<data-dir>/failed/`, kept for a look but never loaded; say where it went. (`out` is
    `final`, the raw-zone file, or on an object store the local file never uploaded there.)"""
    part_file(out).unlink(missing_ok=True)
    if not out.exists():
        return ""
    aside = zone.failed_file(final)
    if zone.is_local:
        aside.parent.mkdir(parents=True, exist_ok=True)
    publish(out, aside)
    return f"; its file was set aside, not loaded: {aside}"


# What Scrapy logs for a failure, most telling first (`first_error`).
_TRACEBACK_END = re.compile(r"^(?:[\w.]+(?:Error|Exception|Exit)|[\w.]+\.\w+Error)\b.*$")
_LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[([^\]]+)\] (ERROR|WARNING|INFO|DEBUG): (.*)$"
)
# A spider's own warning about a failure (`greenhouse board 'x': HTTP 503, skipped`).
_SPIDER_FAILURE = re.compile(r"HTTP \d{3}|fail|error|timed? ?out|refused|DNS", re.IGNORECASE)
_IGNORED = re.compile(r"Ignoring response <(\d{3}) ([^>]+)>")
_GAVE_UP = re.compile(r"Gave up retrying <\w+ ([^>]+)> \(failed \d+ times\): (.*)")
_DOWNLOAD = re.compile(r"Error downloading <\w+ ([^>]+)>(?:: (.*))?")
_ROBOTS = re.compile(r"Forbidden by robots\.txt: <\w+ ([^>]+)>")


def first_error(log: Path) -> str | None:
    """The first real error of a crawl's log, in one line: an HTTP status with its URL, a
    download error (DNS, refused, timeout), robots.txt, or an exception's last line."""
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines):
        m = _LOG_LINE.match(line)
        if not m:
            continue
        logger, level, text = m.groups()
        if hit := _IGNORED.search(text):
            return f"HTTP {hit.group(1)} from {hit.group(2)}"
        if hit := _GAVE_UP.search(text):
            return f"{hit.group(2)} from {hit.group(1)} (gave up retrying)"
        if hit := _ROBOTS.search(text):
            return f"robots.txt disallows {hit.group(1)}"
        if level == "WARNING" and "." not in logger and _SPIDER_FAILURE.search(text):
            return text
        if level != "ERROR":
            continue
        if hit := _DOWNLOAD.search(text):
            cause = hit.group(2) or _exception_after(lines, number) or "download failed"
            return f"{cause} ({hit.group(1)})"
        return _exception_after(lines, number) or text
    return next((line for line in reversed(lines) if _TRACEBACK_END.match(line)), None)


def _exception_after(lines: list[str], number: int) -> str | None:
    """The exception line that ends the traceback logged after line `number`."""
    for line in lines[number + 1 :]:
        if _LOG_LINE.match(line):
            return None
        if _TRACEBACK_END.match(line):
            return line.strip()
    return None


def previous_items(zone: RawZone, source: str, exclude: Path | None = None) -> int | None:
    """How many records the source's latest earlier crawl gave (None: never crawled)."""
    files = [f for f in zone.files([source]) if f != exclude]
    if not files:
        return None
    return count_records(max(files, key=lambda f: (f.parent.name, f.name)))


def crawl_problem(result: CrawlResult, previous: int | None) -> str | None:
    """Why a crawl that ran to its end still failed, or None.

    Nothing fetched while requests failed means the source is down or changed; a collapse to
    under a tenth of the last crawl (of at least 20 records) means its format changed."""
    s = result.summary
    robots = int(result.stats.get("robotstxt/forbidden", 0))
    if result.items == 0 and robots:
        return (
            f"no records: robots.txt disallowed {robots} request{'s' if robots != 1 else ''};"
            " the site does not allow crawling these pages, so they are left alone"
        )
    # The spider's own failure counters: boards, threads or pages it could not read.
    own = {k.replace("_", " "): v for k, v in s.items() if k.endswith("_failed") and v}
    failed = s["http_errors"] + s["errors"] + s["not_recorded"] + sum(own.values())
    if result.items == 0 and failed:
        return (
            f"no records: {s['http_errors']} HTTP errors, {s['errors']} errors logged,"
            f" {s['not_recorded']} requests not in the recording"
            + "".join(f", {v} {k}" for k, v in own.items())
            + "; check the source's URL and arguments (or the HAR file) and run it again"
        )
    if previous is not None and previous >= 20 and result.items < previous / 10:
        return (
            f"only {result.items} records where the last crawl had {previous}: the source's"
            " format has probably changed; check its spider against a fresh response"
        )
    return None
