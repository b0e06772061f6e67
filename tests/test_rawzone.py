"""The raw zone's package: its layout (the paths every existing data directory already
uses), atomic writes, the one suppression-list parser, and its place in the layers."""

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from pipelines.rawzone import suppression
from pipelines.rawzone.files import write_atomically
from pipelines.rawzone.identity import identifier_hash
from pipelines.rawzone.layout import RawZone, crawl_day, part_file


def test_the_layout_is_the_one_existing_data_directories_have(tmp_path):
    zone = RawZone(tmp_path)
    out = zone.new_file("greenhouse", "RUN", datetime(2026, 11, 28, tzinfo=UTC))
    assert out == tmp_path / "raw/greenhouse/2026-11-28/RUN.jsonl"
    assert (
        crawl_day(out) == "2026-11-28"
        and zone.relative(out) == "raw/greenhouse/2026-11-28/RUN.jsonl"
    )
    assert part_file(out) == tmp_path / "raw/greenhouse/2026-11-28/RUN.jsonl.part"
    assert zone.failed_file(out) == tmp_path / "failed/greenhouse/2026-11-28/RUN.jsonl"
    assert zone.log_file("greenhouse", "RUN") == tmp_path / "logs/greenhouse/RUN.log"
    assert zone.suppression_file == tmp_path / "suppression.sha256"
    assert zone.cache_dir == tmp_path / ".httpcache"


def test_only_finished_crawl_files_load_but_erasure_reaches_every_file(tmp_path):
    zone = RawZone(tmp_path)
    folder = tmp_path / "raw/hn_wants/2026-11-01"
    folder.mkdir(parents=True)
    record = {"source": "hn_wants", "source_id": 1, "fetched_at": "x", "record": {}}
    for name in ("a.jsonl", "b.jsonl.gz", "c.jsonl.part"):
        (folder / name).write_text(json.dumps(record) + "\n")
    assert [p.name for p in zone.files()] == ["a.jsonl"]
    assert [p.name for p in zone.every_file()] == ["a.jsonl", "b.jsonl.gz", "c.jsonl.part"]
    assert [r["source_id"] for r in zone.read()] == ["1"] and zone.days() == ["2026-11-01"]


def test_an_atomic_write_is_owner_only_and_leaves_nothing_behind_when_it_fails(tmp_path):
    path = write_atomically(tmp_path / "deep/er/file.txt", b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(write_atomically(path, b"x", mode=0o644).stat().st_mode) == 0o644
    with pytest.raises(TypeError):
        write_atomically(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"x" and sorted(os.listdir(path.parent)) == ["file.txt"]


def test_the_suppression_list_reads_keyed_and_old_plain_lines(tmp_path):
    listed = tmp_path / "suppression.sha256"
    hashes = suppression.add(listed, [("handle", "@Sam_ML"), ("email", "sam@example.org")])
    key = bytes.fromhex((tmp_path / "suppression.key").read_text())
    assert hashes[0] == identifier_hash("handle", "sam_ml", key)
    old = identifier_hash("url", "github.com/example-sam")  # a line from before the key
    listed.write_text(listed.read_text() + f"url\t{old}\t\t\n")
    loaded = suppression.load(listed)
    assert loaded.holds([("handle", "sam_ml")]) and loaded.holds(
        [("url", "github.com/example-sam")]
    )
    assert not loaded.holds([("handle", "kim")])
    assert {r["kind"] for r in suppression.rows(listed)} == {"handle", "email", "url"}
    assert suppression.add(listed, [("handle", "sam_ml")]) == hashes[:1]  # no duplicate line
    assert len(suppression.read_entries(listed)) == 3
    assert not suppression.load(tmp_path / "missing") and not suppression.load(None)


def test_the_package_imports_no_scrapy_dagster_or_duckdb():
    code = (
        "import sys, pipelines.rawzone.scrub, pipelines.rawzone.suppression;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'scrapy', 'dagster', 'duckdb'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
