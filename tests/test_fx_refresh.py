"""The ECB rate history → monthly USD table, and `sourcing fx refresh` against a local server.

The ECB-shaped zip is invented (round numbers, so the expected means are easy to check) and
served from 127.0.0.1: no test touches the internet.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines import fx
from pipelines.fx_refresh import monthly_usd_rates, refresh_table, table_csv
from sourcing.cli import main

# Units per euro, newest day first, "N/A" when not quoted, a trailing comma on every line:
# the shape of the ECB's eurofxref-hist.csv.
ECB_CSV = """Date,USD,JPY,GBP,INR,CAD,
2014-02-04,1.5,150,0.75,100,N/A,
2014-02-03,1.5,150,1.0,120,N/A,
2014-01-03,1.4,140,0.7,N/A,1.4,
2014-01-02,1.2,120,0.8,96,1.6,
2013-12-31,1.3,130,0.9,90,1.5,
"""


def ecb_zip(text: str = ECB_CSV, name: str = "eurofxref-hist.csv") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, text)
    return out.getvalue()


def test_monthly_means_in_usd_per_unit() -> None:
    rates, newest = monthly_usd_rates(ECB_CSV, start="2014-01")
    assert newest == "2014-02-04"
    expected = {
        ("2014-01", "USD"): 1.0,
        ("2014-01", "EUR"): 1.3,
        ("2014-01", "GBP"): 1.75,  # mean of 1.2/0.8 and 1.4/0.7
        ("2014-01", "JPY"): 0.01,
        ("2014-01", "INR"): 0.0125,  # one quoted day
        ("2014-01", "CAD"): 0.875,  # mean of 1.2/1.6 and 1.4/1.4
        ("2014-02", "USD"): 1.0,
        ("2014-02", "EUR"): 1.5,
        ("2014-02", "GBP"): 1.75,
        ("2014-02", "JPY"): 0.01,
        ("2014-02", "INR"): 0.01375,
    }
    assert rates == pytest.approx(expected)


def test_refresh_keeps_what_the_ecb_lacks_and_pegs_aed() -> None:
    existing = [
        (m, c, r)
        for m in ("2013-12", "2014-01", "2014-02", "2014-03")
        for c, r in (("USD", 1.0), ("EUR", 9.0), ("CAD", 0.8), ("AED", 0.3), ("SGD", 0.7))
    ]
    result = refresh_table(ecb_zip(), existing, start="2014-01")
    table = {(m, c): r for m, c, r in result.rows}
    assert (result.first_month, result.last_month) == ("2014-01", "2014-02")
    assert {m for m, _ in table} == {"2014-01", "2014-02"}
    assert table[("2014-01", "EUR")] == 1.3
    assert table[("2014-01", "CAD")] == 0.875
    assert table[("2014-02", "CAD")] == 0.8  # not quoted that month: the old row
    assert table[("2014-02", "AED")] == round(1 / 3.6725, 6)
    assert ("2014-01", "GBP") not in table  # only the old table's currencies
    assert result.kept == ["2014-01 SGD", "2014-02 CAD", "2014-02 SGD"]
    assert (result.from_ecb, result.pegged) == (5, 2)
    assert table_csv(result.rows).splitlines()[:3] == [
        "month,currency,usd_per_unit",
        "2014-01,USD,1",
        "2014-01,EUR,1.3",
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>moved</html>", "not a zip file"),
        (ecb_zip(name="readme.txt"), "expected one CSV"),
        (ecb_zip("Date,JPY,\n2014-01-02,120,\n"), "no Date or USD column"),
        (ecb_zip("Date,USD,\n2013-12-31,1.3,\n"), "no USD rates from 2014-01"),
    ],
)
def test_bad_downloads_are_refused(body: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        refresh_table(body, [("2014-01", "USD", 1.0)], start="2014-01")


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 answering /eurofxref-hist.zip; yields its base URL and the
    paths it was asked for."""
    requested: list[str] = []
    body = ecb_zip()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            found = self.path == "/eurofxref-hist.zip"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(body) if found else 0))
            self.end_headers()
            if found:
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", requested
    finally:
        server.shutdown()
        server.server_close()


def test_cli_refresh_writes_table_and_sidecar(local_server, tmp_path: Path) -> None:
    base, requested = local_server
    out = tmp_path / "fx_rates.csv"
    url = f"{base}/eurofxref-hist.zip"
    result = CliRunner().invoke(main, ["fx", "refresh", "--url", url, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert requested == ["/eurofxref-hist.zip"]
    with out.open(newline="") as f:
        rows = {(r["month"], r["currency"]): float(r["usd_per_unit"]) for r in csv.DictReader(f)}
    shipped = fx.currencies()
    assert {c for _, c in rows} == shipped
    assert len(rows) == 2 * len(shipped)
    assert rows[("2014-02", "GBP")] == 1.75
    assert rows[("2014-02", "AED")] == round(1 / 3.6725, 6)
    assert rows[("2014-01", "SGD")] == fx.usd_per_unit("SGD", datetime.date(2014, 1, 1))
    meta = json.loads((tmp_path / "fx_rates.meta.json").read_text())
    assert meta["url"] == url
    assert meta["data_through"] == "2014-02-04"
    assert meta["months"] == ["2014-01", "2014-02"]
    assert "AED from its USD peg (3.6725 AED/USD)" in meta["description"]
    assert "2014-02 CAD" in meta["kept_from_previous"]
    assert "11 from the ECB, 2 from USD pegs, 39 kept" in result.output
    assert set(tmp_path.iterdir()) == {out, tmp_path / "fx_rates.meta.json"}  # no temp files


def test_cli_refresh_failure_writes_nothing(local_server, tmp_path: Path) -> None:
    base, _ = local_server
    out = tmp_path / "fx_rates.csv"
    result = CliRunner().invoke(
        main, ["fx", "refresh", "--url", f"{base}/gone.zip", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "404" in result.output
    assert list(tmp_path.iterdir()) == []


def test_cli_refresh_from_a_local_copy_of_the_ecb_file(tmp_path: Path) -> None:
    copy = tmp_path / "eurofxref-hist.zip"
    copy.write_bytes(ecb_zip())
    out = tmp_path / "out" / "fx_rates.csv"
    result = CliRunner().invoke(main, ["fx", "refresh", "--file", str(copy), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "11 from the ECB, 2 from USD pegs" in result.output
    meta = json.loads((tmp_path / "out" / "fx_rates.meta.json").read_text())
    assert meta["url"] == "eurofxref-hist.zip" and meta["data_through"] == "2014-02-04"


def test_cli_refresh_refuses_a_file_that_is_not_the_ecb_zip(tmp_path: Path) -> None:
    bad = tmp_path / "rates.zip"
    bad.write_text("Date,USD\n")
    out = tmp_path / "fx_rates.csv"
    result = CliRunner().invoke(main, ["fx", "refresh", "--file", str(bad), "-o", str(out)])
    assert result.exit_code == 1 and "not a zip file" in result.output
    assert not out.exists()
    both = ["fx", "refresh", "--file", str(bad), "--url", "http://127.0.0.1:9/x.zip"]
    assert CliRunner().invoke(main, both).exit_code == 2
