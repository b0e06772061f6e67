"""`sourcing fx refresh`: download the ECB's rate history and rewrite the shipped rate table."""

from __future__ import annotations

import csv
import datetime
import json
from pathlib import Path

import httpx

from pipelines import fx
from pipelines.fx_refresh import ECB_HIST_URL, Refresh, Row, describe, refresh_table, table_csv
from pipelines.rawzone.files import write_atomically
from spiders.settings import USER_AGENT

SOURCES = {"ecb": ECB_HIST_URL}  # where `sourcing fx refresh --source NAME` downloads from


def table_path(output: str | Path | None) -> Path:
    """The table to write: `output`, else the shipped one."""
    return Path(output) if output else Path(str(fx.TABLE))


def summary(result: Refresh) -> str:
    """One line on what a refresh read and kept."""
    return (
        f"{len(result.rows)} rows, {result.first_month}..{result.last_month} "
        f"(ECB data through {result.data_through}): {result.from_ecb} from the ECB, "
        f"{result.pegged} from USD pegs, {len(result.kept)} kept from the previous table"
    )


def download(url: str, timeout: float = 60.0) -> bytes:
    """The body at `url`; an HTTP error status raises `httpx.HTTPError`."""
    response = httpx.get(
        url, timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )
    response.raise_for_status()
    return response.content


def read_rows(path: Path) -> list[Row]:
    with path.open(newline="", encoding="utf-8") as f:
        return [(r["month"], r["currency"], float(r["usd_per_unit"])) for r in csv.DictReader(f)]


def meta_path(table: Path) -> Path:
    """The sidecar holding a table's provenance: `fx_rates.csv` → `fx_rates.meta.json`."""
    return table.with_name(f"{table.stem}.meta.json")


def refresh(
    url: str, output: Path, today: datetime.date | None = None, file: Path | None = None
) -> Refresh:
    """Download the ECB history (or read `file`, a copy of `eurofxref-hist.zip` fetched
    earlier), rebuild the table on top of the shipped one and write it with its sidecar.
    Nothing is written when the download, the read or the parsing fails."""
    retrieved = (today or datetime.date.today()).isoformat()
    body = file.read_bytes() if file else download(url)
    if file:
        url = file.name
    result = refresh_table(body, read_rows(Path(str(fx.TABLE))))
    meta = {
        "description": describe(result, url, retrieved),
        "source": "ECB euro foreign exchange reference rates (eurofxref-hist)",
        "url": url,
        "retrieved": retrieved,
        "data_through": result.data_through,
        "months": [result.first_month, result.last_month],
        "kept_from_previous": result.kept,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(output, table_csv(result.rows).encode("utf-8"))
    write_atomically(meta_path(output), (json.dumps(meta, indent=2) + "\n").encode("utf-8"))
    return result
