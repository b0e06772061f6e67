"""Precision and recall of the normalizers per field, against hand-labelled records.

    uv run python -m bench.accuracy [--misses FIELD] [--labels DIR]

Crawls each labelled source's bundled sample into a temporary raw zone (the real spiders,
replaying the HAR), normalizes every record and compares the postings with the labels in
`tests/data/labels/<source>.yaml`.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

import yaml

from bench.scoring import Report, score
from pipelines.normalize import normalize_record
from pipelines.versions import latest_versions
from sourcing.crawl import crawl
from sourcing.raw_zone import RawZone
from sourcing.sources import SOURCES

LABELS = Path(__file__).resolve().parent.parent / "tests" / "data" / "labels"
FIELDS = ("postings", "company", "role", "seniority", "is_ml", "remote", "country", "salary",
          "equity", "skills")


def load_labels(folder: Path = LABELS) -> dict[str, list[dict[str, Any]]]:
    """source → its labelled records."""
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["source"]] = data["records"]
    return out


def predict(source: str, workdir: Path) -> dict[str, list[dict[str, Any]]]:
    """record id → normalized postings, from a crawl of the source's bundled sample."""
    zone = RawZone(workdir)
    sample = SOURCES[source].sample
    args = dict(SOURCES[source].sample_args)
    crawl(source, zone, replay=sample, spider_args=args)
    return {
        raw["source_id"]: normalize_record(raw).postings
        for raw in latest_versions(zone.read([source]))
    }


def evaluate(labels: dict[str, list[dict[str, Any]]]) -> dict[str, Report]:
    """Per source and "all": the report of its labelled records."""
    reports: dict[str, Report] = {}
    with tempfile.TemporaryDirectory() as tmp:
        predictions = {s: predict(s, Path(tmp)) for s in labels}
    every = Report()
    for source, records in labels.items():
        reports[source] = score(predictions[source], records)
        for name, s in reports[source].scores.items():
            total = every.score(name)
            total.predicted += s.predicted
            total.labelled += s.labelled
            total.correct += s.correct
        for name, examples in reports[source].misses.items():
            every.misses.setdefault(name, []).extend(f"{source} {e}" for e in examples)
    reports["all"] = every
    return reports


def table(report: Report) -> str:
    lines = [f"{'field':<11}{'precision':>10}{'recall':>8}{'F1':>7}{'filled':>8}{'labelled':>9}"]
    for name in FIELDS:
        s = report.scores.get(name)
        if s:
            lines.append(f"{name:<11}{s.precision:>10.1%}{s.recall:>8.1%}{s.f1:>7.2f}"
                         f"{s.predicted:>8}{s.labelled:>9}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--misses", metavar="FIELD", help="list the errors on one field")
    ns = parser.parse_args()
    reports = evaluate(load_labels(ns.labels))
    for source, report in reports.items():
        n = report.scores["postings"].labelled
        print(f"\n== {source} ({n} labelled postings) ==\n{table(report)}")
    if ns.misses:
        print(f"\n== errors on {ns.misses} ==")
        print("\n".join(reports["all"].misses.get(ns.misses, [])) or "(none)")


if __name__ == "__main__":
    main()
