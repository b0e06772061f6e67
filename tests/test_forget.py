"""`sourcing forget`, end to end: after it, no file of the data directory (raw zone, DuckDB
file, exports, cache) holds the person, and later crawls and rebuilds keep them out."""

import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse.erase import read_suppression

# dlindqvist posted in both sample months; the email is obfuscated in the post
# ("dl [at] example [dot] org"), so it is found only by decoding.
PERSON = ("dlindqvist", "dl@example.org", "example-dlindqvist", "dlindqvist.example.org")
SOURCES = "hn_wants,greenhouse"


def sourcing(*args, check=True):
    proc = subprocess.run(
        [sys.executable, "-m", "sourcing.cli", *args], capture_output=True, text=True, timeout=600
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"sourcing {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def files_holding(data: Path, needles) -> list[Path]:
    """Every file under `data` whose bytes hold one of `needles` (case-insensitive)."""
    found = []
    for path in data.rglob("*"):
        if path.is_file():
            blob = path.read_bytes().lower()
            if any(n.lower().encode() in blob for n in needles):
                found.append(path)
    return found


def candidates(data: Path) -> set[str]:
    con = duckdb.connect(str(data / "sourcing.duckdb"), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT handle FROM candidates").fetchall()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def forgotten(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    sourcing("run", "--sample", "--sources", SOURCES, "--data-dir", str(data))
    for fmt in ("csv", "jsonl", "parquet"):
        sourcing(
            "export", "leads", "--kind", "candidates", "--format", fmt,
            "-o", str(data / "exports" / f"all.{fmt}"), "--data-dir", str(data),
        )  # fmt: skip
    before = files_holding(data, PERSON)
    proc = sourcing("forget", "--email", "DL@example.org", "--data-dir", str(data))
    return data, before, proc


def test_the_person_was_there_before(forgotten):
    data, before, _ = forgotten
    names = {p.name for p in before}
    assert any(p.suffix == ".jsonl" and "raw" in p.parts for p in before)
    assert {"all.csv", "all.jsonl"} <= names


def test_no_file_of_the_data_directory_holds_them(forgotten):
    data, _, proc = forgotten
    assert files_holding(data, PERSON) == []
    assert "dlindqvist" not in candidates(data) and len(candidates(data)) >= 30
    assert "removed 2 raw records" in proc.stdout  # both months
    assert not any(n in proc.stdout + proc.stderr for n in PERSON)  # never echoed


def test_the_suppression_list_holds_only_a_hash(forgotten):
    data, _, _ = forgotten
    text = (data / "suppression.sha256").read_text()
    assert "example.org" not in text and "dl@" not in text
    (kind, _), *_ = read_suppression(data).values()
    assert kind == "email" and re.search(r"\b[0-9a-f]{64}\b", text)
    con = duckdb.connect(str(data / "sourcing.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT kind FROM suppression_list").fetchall() == [("email",)]
    finally:
        con.close()


def test_a_later_crawl_and_rebuild_keep_them_out(forgotten):
    data, _, _ = forgotten
    out = sourcing("run", "--sample", "--sources", SOURCES, "--data-dir", str(data)).stdout
    assert "suppressed 2" in out
    sourcing("rebuild", "--data-dir", str(data))
    assert files_holding(data, PERSON) == []
    assert "dlindqvist" not in candidates(data)
    assert len(list(data.glob("raw/hn_wants/*/*.jsonl"))) == 2


def test_forget_by_handle_and_by_url(forgotten):
    data, _, _ = forgotten
    sourcing("forget", "--handle", "kofi_builds", "--data-dir", str(data))
    sourcing("forget", "--url", "github.com/example-yusuf-cv/", "--data-dir", str(data))
    assert files_holding(data, ("kofi_builds", "kofi@example.net", "example-yusuf-cv")) == []
    assert not {"kofi_builds", "yusuf_cv"} & candidates(data)
    assert len(read_suppression(data)) == 3


def test_forget_needs_exactly_one_identifier(tmp_path):
    assert sourcing("forget", "--data-dir", str(tmp_path), check=False).returncode == 2
    both = sourcing(
        "forget", "--email", "a@example.com", "--handle", "a", "--data-dir", str(tmp_path),
        check=False,
    )  # fmt: skip
    assert both.returncode == 2
