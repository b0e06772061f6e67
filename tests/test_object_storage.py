"""The data directory on an object store: `--data-dir s3://bucket/prefix` against an
S3-compatible server these tests start on 127.0.0.1 (moto's server mode), never the internet.

One source of the bundled sample is run into the bucket (twice) and into a local folder, and
a snapshot is exported there; the tests read what landed."""

from __future__ import annotations

import importlib.util
import json
import logging
from pathlib import Path

import duckdb
import pytest

from pipelines.rawzone.layout import RawZone
from pipelines.rawzone.scrub import scrub_other_files
from pipelines.rawzone.storage import is_local
from sourcing.paths import data_dir, db_path
from tests.test_cli import snapshot
from warehouse.objectstore import connect_snapshot, raw_records
from warehouse.snapshot import verify

moto_server = pytest.importorskip("moto.server")

SOURCE = "greenhouse"
BUCKET = "sourcing-test"
DATA = f"s3://{BUCKET}/team/data"
SNAPSHOT = f"s3://{BUCKET}/team/snapshots/latest"


def counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
        ).fetchall()
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for (t,) in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def s3():
    """A moto S3 server on a free local port, the AWS_* settings aimed at it (the spiders'
    subprocesses inherit them), and an empty bucket; the fsspec file system on it."""
    import fsspec

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
        env.setenv("AWS_ACCESS_KEY_ID", "testing")
        env.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        env.setenv("AWS_DEFAULT_REGION", "us-east-1")
        env.delenv("AWS_PROFILE", raising=False)
        fs = fsspec.filesystem("s3", skip_instance_cache=True, use_listings_cache=False)
        fs.mkdir(BUCKET)
        try:
            yield fs
        finally:
            fsspec.filesystem("s3").clear_instance_cache()
            server.stop()


@pytest.fixture(scope="module")
def runs(s3, sourcing, tmp_path_factory):
    """`sourcing run --sample --sources greenhouse` into the bucket twice (the warehouse
    snapshotted after each) and once into a local folder; a dataset exported to the bucket."""
    tmp = tmp_path_factory.mktemp("object-storage")
    db = tmp / "s3.duckdb"
    run = ("run", "--sample", "--sources", SOURCE)
    first = sourcing(*run, "--data-dir", DATA, "--db", db).stdout
    after_first = snapshot(db), counts(db)
    second = sourcing(*run, "--data-dir", DATA, "--db", db).stdout
    sourcing(*run, "--data-dir", tmp / "local")
    sourcing("export", "dataset", "-o", SNAPSHOT, "--db", db)
    return {"db": db, "local": tmp / "local", "after_first": after_first, "out": [first, second]}


def test_the_crawl_files_land_in_the_bucket_written_whole(s3, runs):
    files = s3.glob(f"{BUCKET}/team/data/raw/{SOURCE}/*/*")
    assert len(files) == 2 and all(f.endswith(".jsonl") for f in files)  # no .part left
    lines = [s3.cat_file(f).decode().splitlines() for f in files]
    assert [len(x) for x in lines] == [13, 13]
    assert all(json.loads(line)["source"] == SOURCE for x in lines for line in x)
    assert s3.glob(f"{BUCKET}/team/data/logs/{SOURCE}/*.log")  # each crawl's log beside it
    assert not Path("s3:").exists()  # no local folder posing as the bucket


def test_the_warehouse_loads_what_a_local_run_loads(runs):
    after_first = runs["after_first"][1]
    assert after_first == counts(runs["local"] / "sourcing.duckdb")
    assert after_first["postings"] == 13 and after_first["crawl_files"] == 1


def test_a_second_identical_run_changes_no_table(runs):
    assert snapshot(runs["db"]) == runs["after_first"][0]
    assert "13 records" in runs["out"][1]


def test_the_raw_zone_reads_back_through_the_pathlib_api_and_duckdb(runs):
    zone = RawZone(DATA)
    assert not zone.is_local and [len(zone.files())] == [2]
    assert sum(1 for _ in zone.read()) == 26
    con = duckdb.connect()
    sql = raw_records(con, DATA)
    rows = con.execute(f"SELECT source, count(DISTINCT source_id) FROM ({sql}) GROUP BY 1")
    assert rows.fetchall() == [(SOURCE, 13)]


def test_a_snapshot_on_the_store_reads_with_a_hive_partitioned_query(s3, runs):
    assert s3.exists(f"{SNAPSHOT.removeprefix('s3://')}/manifest.json")
    assert verify(SNAPSHOT) == []
    con = connect_snapshot(SNAPSHOT)
    by_month = con.execute(
        f"SELECT month, count(*) FROM read_parquet('{SNAPSHOT}/postings/*/*.parquet',"
        " hive_partitioning = true) GROUP BY month ORDER BY month"
    ).fetchall()
    assert by_month and all(len(month) == 7 or month == "unknown" for month, _ in by_month)
    assert sum(n for _, n in by_month) == con.execute("SELECT count(*) FROM postings").fetchone()[0]
    assert sum(n for _, n in by_month) == runs["after_first"][1]["postings"]


def test_a_new_snapshot_replaces_the_old_one_whole(s3, runs, sourcing):
    root = SNAPSHOT.removeprefix("s3://")
    s3.pipe_file(f"{root}/postings/month=1999-01/data_0.parquet", b"stale")
    with pytest.raises(AssertionError, match="which the snapshot did not write"):
        sourcing("export", "dataset", "-o", SNAPSHOT, "--db", runs["db"])
    s3.rm_file(f"{root}/postings/month=1999-01/data_0.parquet")
    manifest = json.loads(s3.cat_file(f"{root}/manifest.json"))
    listed = {f"{root}/{f['path']}" for t in manifest["tables"].values() for f in t["files"]}
    sourcing("export", "dataset", "-o", SNAPSHOT, "--db", runs["db"])
    assert set(s3.find(root)) == listed | {f"{root}/manifest.json"}


def test_a_missing_bucket_is_told_plainly(s3, sourcing):
    result = sourcing("rebuild", "--data-dir", "s3://no-such-bucket/data", check=False)
    assert result.exit_code == 1
    assert "cannot use s3://no-such-bucket/data as the data directory" in result.output
    assert "does the bucket exist?" in result.output


def test_a_url_data_dir_keeps_the_warehouse_file_local_and_a_path_stays_a_path():
    remote = data_dir("s3://acme/prod")
    assert not is_local(remote) and str(remote) == "s3://acme/prod"
    assert db_path(remote) == Path("sourcing.duckdb")
    assert RawZone("s3://acme/prod").cache_dir.is_absolute()  # Scrapy's cache on this machine
    local = data_dir("data")
    assert type(local) is type(Path("data")) and db_path(local) == Path("data/sourcing.duckdb")


def test_a_scheme_without_its_driver_names_the_extra_to_install(sourcing):
    if importlib.util.find_spec("gcsfs"):
        pytest.skip("gcsfs is installed here")
    result = sourcing("rebuild", "--data-dir", "gs://acme/prod", check=False)
    assert result.exit_code == 1 and "uv sync --extra gcs" in result.output


def test_forget_deletes_a_snapshot_file_on_the_store_that_holds_the_person(s3, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = f"{BUCKET}/forget/data"
    name = "snap/candidates/month=2026-11/data_0.parquet"
    pq.write_table(pa.table({"email": ["jane@example.com", "kim@example.org"]}), tmp_path / "a")
    s3.put_file(str(tmp_path / "a"), f"{root}/{name}")
    listed = name.removeprefix("snap/")
    table = {"rows": 2, "files": [{"path": listed, "rows": 2}]}
    s3.pipe_file(f"{root}/snap/manifest.json", json.dumps({"tables": {"candidates": table}}))
    removed = scrub_other_files(RawZone(f"s3://{root}"), {("email", "jane@example.com")})
    assert [str(p) for p in removed if not is_local(p)] == [f"s3://{root}/{name}"]
    assert not s3.exists(f"{root}/{name}")
    manifest = json.loads(s3.cat_file(f"{root}/snap/manifest.json"))
    assert manifest["tables"]["candidates"] == {"rows": 0, "files": []}
    assert manifest["erased_files"] == [listed]


def test_a_long_lived_process_sees_the_crawl_files_another_machine_adds(s3):
    root = f"{BUCKET}/shared/data/raw/greenhouse"
    s3.pipe_file(f"{root}/2026-01-01/a.jsonl", b"{}\n")
    zone = RawZone(f"s3://{BUCKET}/shared/data")
    assert zone.days() == ["2026-01-01"]
    s3.pipe_file(f"{root}/2026-01-02/b.jsonl", b"{}\n")  # another worker's crawl
    assert zone.days() == ["2026-01-01", "2026-01-02"]
