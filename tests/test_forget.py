"""`sourcing forget`, end to end: after it, no file of the data directory (raw zone, DuckDB
file, exports, cache) holds the person, and later crawls and rebuilds keep them out."""

import hashlib
import json
import re
import stat
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.rawzone import suppression
from pipelines.rawzone.identity import identifier_hash
from pipelines.rawzone.suppression import is_suppressed
from warehouse.erase import forget_files

# dlindqvist posted in both sample months; the email is obfuscated in the post
# ("dl [at] example [dot] org"), so it is found only by decoding.
PERSON = ("dlindqvist", "dl@example.org", "example-dlindqvist", "dlindqvist.example.org")
SOURCES = "hn_wants,greenhouse"


def suppressed_kinds(data: Path) -> list[str]:
    return sorted(e.kind for e in suppression.read_entries(data / "suppression.sha256").values())


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
def forgotten(tmp_path_factory, sourcing):
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
    # The email given, and the person's handle and links found in their posts.
    kinds = suppressed_kinds(data)
    assert kinds[0] == "email" and "handle" in kinds and re.search(r"\b[0-9a-f]{64}\b", text)
    con = duckdb.connect(str(data / "sourcing.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT kind FROM suppression_list ORDER BY kind").fetchall()
        assert [r[0] for r in rows] == kinds
    finally:
        con.close()


def test_a_later_crawl_and_rebuild_keep_them_out(forgotten, sourcing):
    data, _, _ = forgotten
    out = sourcing("run", "--sample", "--sources", SOURCES, "--data-dir", str(data)).stdout
    assert "suppressed 2" in out
    sourcing("rebuild", "--data-dir", str(data))
    assert files_holding(data, PERSON) == []
    assert "dlindqvist" not in candidates(data)
    assert len(list(data.glob("raw/hn_wants/*/*.jsonl"))) == 2


def test_forget_by_handle_and_by_url(forgotten, sourcing):
    data, _, _ = forgotten
    sourcing("forget", "--handle", "kofi_builds", "--data-dir", str(data))
    sourcing("forget", "--url", "github.com/example-yusuf-cv/", "--data-dir", str(data))
    assert files_holding(data, ("kofi_builds", "kofi@example.net", "example-yusuf-cv")) == []
    assert not {"kofi_builds", "yusuf_cv"} & candidates(data)
    assert set(suppressed_kinds(data)) == {"email", "handle", "url"}


def test_forget_needs_exactly_one_identifier(tmp_path, sourcing):
    assert sourcing("forget", "--data-dir", str(tmp_path), check=False).exit_code == 2
    both = sourcing(
        "forget", "--email", "a@example.com", "--handle", "a", "--data-dir", str(tmp_path),
        check=False,
    )  # fmt: skip
    assert both.exit_code == 2


# ----------------------------------------------------------------- the raw zone, unit by unit


def hn_post(source, sid, author, text):
    return {
        "source": source,
        "source_id": sid,
        "url": f"https://news.ycombinator.com/item?id={sid}",
        "fetched_at": "2026-11-01T00:00:00+00:00",
        "record": {"author": author, "id": int(sid), "text": text},
        "context": {"month": "2026-11"},
    }


def write_zone(data: Path, records: list[dict]) -> Path:
    folder = data / "raw" / "hn_wants" / "2026-11-01"
    folder.mkdir(parents=True)
    path = folder / "run.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def kept(path: Path) -> list[str]:
    return [json.loads(line)["source_id"] for line in path.read_text().splitlines()]


def test_forget_matches_whole_identifiers_only(tmp_path):
    path = write_zone(
        tmp_path,
        [
            hn_post("hn_wants", "1", "jane", "SEEKING WORK | email jane@example.com"),
            hn_post("hn_wants", "2", "ee", "SEEKING WORK | email ee@example.com.au"),
            hn_post("hn_wants", "3", "mo", "SEEKING WORK | mail: the.e@example.community"),
            hn_post("hn_wants", "4", "gh", "SEEKING WORK | https://github.com/example-jojo"),
        ],
    )
    result = forget_files(tmp_path, "email", "e@example.com", tmp_path / "sourcing.duckdb")
    assert result.records_removed == 0 and kept(path) == ["1", "2", "3", "4"]
    result = forget_files(tmp_path, "url", "github.com/example-jo", tmp_path / "x.duckdb")
    assert result.records_removed == 0


def test_forgetting_an_email_forgets_the_person_everywhere_they_posted(tmp_path):
    path = write_zone(
        tmp_path,
        [
            hn_post("hn_wants", "1", "sam_ml", "SEEKING WORK | sam@example.org | "
                    "https://github.com/example-sam | https://github.com/pytorch/pytorch"),
            hn_post("hn_wants", "2", "sam_ml", "SEEKING WORK | Remote | PyTorch"),
            hn_post("hn_wants", "3", "kim", "SEEKING WORK | https://github.com/pytorch/pytorch"),
            hn_post("hn_wants", "4", "lee", "SEEKING WORK | github.com/example-samuel"),
        ],
    )  # fmt: skip
    result = forget_files(tmp_path, "email", "sam@example.org", tmp_path / "sourcing.duckdb")
    # Both of sam's posts go; a link that other people posted too (a public repository) is
    # not sam's, so kim stays, and lee's profile is not sam's though it starts the same.
    assert kept(path) == ["3", "4"] and result.records_removed == 2
    assert suppressed_kinds(tmp_path) == ["email", "handle", "url"]
    # A later crawl (the spiders' pipeline) drops sam's posts by handle alone.
    later = suppression.load(tmp_path / "suppression.sha256")
    assert is_suppressed(hn_post("hn_wants", "9", "Sam_ML", "SEEKING WORK"), later)
    assert not is_suppressed(hn_post("hn_wants", "9", "kim", "SEEKING WORK"), later)


def test_the_suppression_list_is_keyed_and_the_key_is_owner_only(tmp_path):
    forget_files(tmp_path, "handle", "sam_ml", tmp_path / "sourcing.duckdb")
    key = tmp_path / "suppression.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "suppression.sha256").stat().st_mode) == 0o600
    text = (tmp_path / "suppression.sha256").read_text()
    assert hashlib.sha256(b"handle:sam_ml").hexdigest() not in text  # no plain hash
    assert identifier_hash("handle", "sam_ml", bytes.fromhex(key.read_text())) in text


def test_forget_by_handle_reaches_exports_recordings_and_snapshots(tmp_path):
    write_zone(tmp_path, [hn_post("hn_wants", "1", "sam_ml", "SEEKING WORK | Remote")])
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "leads.csv").write_text("handle,email\r\nsam_ml,\r\nkim,\r\n")
    (exports / "others.csv").write_text("handle,email\r\nkim,\r\n")
    (exports / "notes.txt").write_text("sam_ml is a word here, not a field\n")
    pq.write_table(pa.Table.from_pylist([{"handle": "sam_ml"}]), exports / "leads.parquet")
    (tmp_path / "hn.har").write_text(
        json.dumps({"log": {"entries": [{"text": '{"author":"sam_ml"}'}]}})
    )
    snap = tmp_path / "snap"
    folder = snap / "candidates" / "month=2026-11"
    folder.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([{"handle": "sam_ml"}]), folder / "data_0.parquet")
    pq.write_table(pa.Table.from_pylist([{"title": "ML"}]), snap / "postings.parquet")
    person_file = "candidates/month=2026-11/data_0.parquet"
    manifest = {
        "generator": "ml-sourcing export dataset",
        "tables": {
            "candidates": {"rows": 1, "files": [{"path": person_file, "rows": 1}]},
            "postings": {"rows": 1, "files": [{"path": "postings.parquet", "rows": 1}]},
        },
    }
    (snap / "manifest.json").write_text(json.dumps(manifest))
    result = forget_files(tmp_path, "handle", "sam_ml", tmp_path / "sourcing.duckdb")
    gone = {p.relative_to(tmp_path).as_posix() for p in result.other_files_removed}
    assert gone == {
        "exports/leads.csv",
        "exports/leads.parquet",
        "hn.har",
        "snap/candidates/month=2026-11/data_0.parquet",
    }
    assert (exports / "others.csv").exists() and (exports / "notes.txt").exists()
    after = json.loads((snap / "manifest.json").read_text())
    assert after["tables"]["candidates"] == {"rows": 0, "files": []}
    assert after["tables"]["postings"]["rows"] == 1
