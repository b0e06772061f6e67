"""Precision and recall of the normalizers per field, against hand-labelled records.

    uv run python -m bench.accuracy [--misses FIELD] [--labels DIR]

Each labels file `tests/data/labels/*.yaml` names a `source`, the HAR its records come from
(`har`, relative to the project root; default: the source's bundled sample) and the spider
arguments that aim the crawl at it (`args`). The real spider crawls that HAR into a temporary
raw zone, every record is normalized, and the postings are compared with the labels.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.scoring import Report, score
from pipelines.normalize import normalize_record
from pipelines.versions import latest_versions
from sourcing.crawl import crawl
from sourcing.raw_zone import RawZone
from sourcing.sources import SOURCES

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "labels"
FIELDS = (
    "postings",
    "company",
    "role",
    "seniority",
    "is_ml",
    "remote",
    "country",
    "salary",
    "equity",
    "skills",
)


@dataclass
class LabelSet:
    name: str  # the labels file's stem
    source: str
    har: Path
    args: dict[str, str]
    records: list[dict[str, Any]]


def load_labels(folder: Path = LABELS) -> list[LabelSet]:
    sets = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = data["source"]
        har = ROOT / data["har"] if data.get("har") else SOURCES[source].sample
        args = {str(k): str(v) for k, v in (data.get("args") or {}).items()}
        if not data.get("har"):
            args = {**dict(SOURCES[source].sample_args), **args}
        sets.append(LabelSet(path.stem, source, har, args, data["records"]))
    return sets


def predict(labels: LabelSet, workdir: Path) -> dict[str, list[dict[str, Any]]]:
    """record id → normalized postings, from a crawl of the label set's HAR."""
    zone = RawZone(workdir / labels.name)
    crawl(labels.source, zone, replay=labels.har, spider_args=labels.args)
    return {
        raw["source_id"]: normalize_record(raw).postings
        for raw in latest_versions(zone.read([labels.source]))
    }


def evaluate(label_sets: list[LabelSet]) -> dict[str, Report]:
    """Per label set and "all": the report of its labelled records."""
    reports: dict[str, Report] = {}
    with tempfile.TemporaryDirectory() as tmp:
        predictions = {ls.name: predict(ls, Path(tmp)) for ls in label_sets}
    every = Report()
    for ls in label_sets:
        source = ls.name
        reports[source] = score(predictions[source], ls.records)
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
            lines.append(
                f"{name:<11}{s.precision:>10.1%}{s.recall:>8.1%}{s.f1:>7.2f}"
                f"{s.predicted:>8}{s.labelled:>9}"
            )
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
