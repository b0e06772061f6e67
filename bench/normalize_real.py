"""Normalization of real records per CPU-second, beside the floor of the same records.

    uv run python -m bench.normalize --real DIR [--raw-dir DATA_DIR]

DIR is the HAR folder that the real recordings' realdata-har.py builds: its Hacker News
threads (`hn_hiring.har`, every thread it holds) and Greenhouse boards (`greenhouse-boards.har`
with the board tokens beside it) are crawled by the real spiders into a raw zone, then each
source is timed in a fresh process:

- ready: CPU seconds to import the normalizer and normalize the first record (gazetteer,
  skills taxonomy and the other tables loaded), what every process pays once;
- floor: JSON parse of each raw-zone line plus a tag strip of every string in the record, the
  least any normalizer has to do;
- normalize: JSON parse plus `normalize_record` of each line, caches starting empty;
- warm: the same again, every reading of a title, place or field already cached: the most any
  faster first reading could give (Hacker News comments are each read once, Greenhouse boards
  repeat titles and places across jobs).

A second table splits the normalize time, in another fresh process, between the source's
extractor (records to postings) and `normalize_posting` (each posting's fields): what either
half would allow if the other cost nothing.

CPU time (`time.process_time`) rather than wall time, since other jobs share the cores. The
project's modules are compiled to bytecode first, as the deployment image and CI compile them:
a worker loads them from `.pyc` files, while a machine that sets PYTHONDONTWRITEBYTECODE would
otherwise compile every module's source again in each process (a quarter of the ready time).
"""

from __future__ import annotations

import compileall
import json
import multiprocessing as mp
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_PIPELINES = Path(__file__).resolve().parents[1] / "pipelines"
_THREAD_URL = re.compile(r"hn\.algolia\.com/api/v1/items/(\d+)")
_TAG = re.compile(r"<[^>]*>")
# source → (HAR file in DIR, what the spider argument is read from)
REAL = {"hn_hiring": "hn_hiring.har", "greenhouse": "greenhouse-boards.har"}


@dataclass
class Timing:
    source: str
    records: int
    postings: int
    ready: float  # CPU s
    floor: float  # CPU s over all records
    normalize: float  # CPU s over all records
    warm: float  # CPU s over all records, normalized a second time

    def row(self) -> str:
        floor, norm, warm = (self.records / s for s in (self.floor, self.normalize, self.warm))
        return (
            f"{self.source:<11} {self.records:>8,} {self.postings:>9,} {self.ready:>8.2f} "
            f"{floor:>13,.0f} {norm:>13,.0f} {floor / norm:>7.1f}× {warm:>10,.0f}"
        )


def _spider_args(source: str, har: Path) -> dict[str, str]:
    """The arguments that aim the spider at everything the HAR holds."""
    if source == "hn_hiring":
        urls = [e["request"]["url"] for e in json.loads(har.read_text("utf-8"))["log"]["entries"]]
        threads = dict.fromkeys(m.group(1) for u in urls if (m := _THREAD_URL.search(u)))
        return {"threads": ",".join(threads)}
    return {"boards": har.with_suffix(".tokens").read_text("utf-8").strip()}


def raw_files(har_dir: Path, data_dir: Path) -> dict[str, list[Path]]:
    """source → its raw-zone files in `data_dir`, crawled from `har_dir` when there are none."""
    from pipelines.rawzone.layout import RawZone
    from sourcing.crawl import crawl

    zone = RawZone(data_dir)
    out = {}
    for source, name in REAL.items():
        if not zone.files([source]):
            har = har_dir / name
            crawl(source, zone, replay=har, spider_args=_spider_args(source, har))
        out[source] = zone.files([source])
    return out


def _strip(value: Any) -> None:
    if isinstance(value, str):
        _TAG.sub(" ", value)
    elif isinstance(value, dict):
        for v in value.values():
            _strip(v)
    elif isinstance(value, list):
        for v in value:
            _strip(v)


@dataclass
class Split:
    source: str
    records: int
    extract: float  # CPU s of the extractor over all records
    postings: float  # CPU s of normalize_posting over the postings they gave

    def row(self) -> str:
        return (
            f"{self.source:<11} {self.extract:>10.2f} {self.postings:>11.2f} "
            f"{self.records / self.extract:>22,.0f} {self.records / self.postings:>25,.0f}"
        )


def _lines(files: list[Path]) -> list[bytes]:
    return [line for f in files for line in f.read_bytes().splitlines() if line.strip()]


def _time(source: str, files: list[Path], results) -> None:
    """In a fresh process: ready, floor and normalize CPU seconds of one source's records."""
    lines = _lines(files)
    start = time.process_time()
    from pipelines.normalize import normalize_record

    normalize_record(json.loads(lines[0]))
    ready = time.process_time() - start

    start = time.process_time()
    for line in lines:
        _strip(json.loads(line)["record"])
    floor = time.process_time() - start

    def normalize_all() -> tuple[int, float]:
        postings = 0
        start = time.process_time()
        for line in lines:
            postings += len(normalize_record(json.loads(line)).postings)
        return postings, time.process_time() - start

    postings, normalize = normalize_all()
    _, warm = normalize_all()
    results.put(Timing(source, len(lines), postings, ready, floor, normalize, warm))


def _split(source: str, files: list[Path], results) -> None:
    """In a fresh process: CPU seconds of the extractor over every record, then of
    `normalize_posting` over the postings it gave (as `normalize_record` calls them; what the
    two halves share, such as place lookups, is warm for the second)."""
    from pipelines.normalize import extractor, normalize_posting, normalize_record

    lines = _lines(files)
    normalize_record(json.loads(lines[0]))
    raws = [json.loads(line) for line in lines]
    extract = extractor(source)
    start = time.process_time()
    extractions = [extract(raw["record"], raw.get("context") or {}) for raw in raws]
    extracting = time.process_time() - start
    start = time.process_time()
    for raw, extraction in zip(raws, extractions, strict=True):
        if not extraction.skip_reason:
            for i, posting in enumerate(extraction.postings):
                normalize_posting(posting, raw, i, len(extraction.postings))
    results.put(Split(source, len(lines), extracting, time.process_time() - start))


def _in_fresh_process(target, source: str, files: list[Path]) -> Timing | Split:
    """`target(source, files, results)` run in a spawned process (caches and imports start
    empty), and what it put in `results`."""
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    proc = ctx.Process(target=target, args=(source, files, results))
    proc.start()
    result = results.get()
    proc.join()
    return result


def run_real(har_dir: Path, data_dir: Path | None = None) -> int:
    """Print the table; 1 (with what to run) when DIR lacks the HAR files."""
    missing = [name for name in REAL.values() if not (har_dir / name).is_file()]
    if missing:
        print(
            f"{har_dir} lacks {', '.join(missing)}: build the HAR files from the real recordings "
            "with their realdata-har.py (python3 realdata-har.py REALDATA_DIR OUT_DIR)"
        )
        return 1
    compileall.compile_dir(_PIPELINES, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        files = raw_files(har_dir, data_dir or Path(tmp))
        print(
            f"{'source':<11} {'records':>8} {'postings':>9} {'ready s':>8} "
            f"{'floor rec/s':>13} {'normal. rec/s':>13} {'ratio':>8} {'warm rec/s':>10}"
        )
        for source, paths in files.items():
            print(_in_fresh_process(_time, source, paths).row(), flush=True)
        print(
            "records per CPU-second; floor = JSON parse + tag strip of the same records; ratio "
            "= floor / normalize; ready = CPU s to import the normalizer and load its tables; "
            "warm = normalized again, every cached reading warm\n"
        )
        print(
            f"{'source':<11} {'extract s':>10} {'postings s':>11} "
            f"{'rec/s if postings free':>22} {'rec/s if extraction free':>25}"
        )
        for source, paths in files.items():
            print(_in_fresh_process(_split, source, paths).row(), flush=True)
    print(
        "CPU s of the extractor over the records and of normalize_posting over their postings, "
        f"each in a fresh process (load {os.getloadavg()[0]:.1f})"
    )
    return 0
