"""Precision and recall of the normalizers per field, against hand-labelled records.

    uv run python -m bench.accuracy [--misses FIELD] [--labels DIR]   # the invented set
    uv run python -m bench.accuracy --real DIR [--misses FIELD]       # the real set

Each labels file names a `source`, the HAR its records come from (`har`) and the spider
arguments that aim the crawl at it (`args`). The real spider crawls that HAR into a temporary
raw zone, every record is normalized, and the postings are compared with the labels.

The invented set, `tests/data/labels/*.yaml`, labels recordings this project wrote (`har` is
relative to the project root; default: the source's bundled sample). The real set,
`tests/data/labels/real/*.yaml`, labels real postings by their ids; the texts are not in the
project: `har` is a file name inside DIR, the folder that the realdata-har.py script (it comes
with the real recordings) builds from them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.scoring import Report, score
from pipelines.normalize import normalize_record
from pipelines.rawzone.layout import RawZone
from pipelines.versions import latest_versions
from sourcing.crawl import crawl
from sourcing.sources import SOURCES

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "labels"
REAL_LABELS = LABELS / "real"
FIELDS = (
    "postings",
    "title",
    "company",
    "role",
    "seniority",
    "is_ml",
    "remote",
    "country",
    "countries",
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


def load_labels(folder: Path = LABELS, har_dir: Path | None = None) -> list[LabelSet]:
    """The label files of `folder`; with `har_dir` (the real set) `har` names a file in it."""
    sets = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        source = data["source"]
        args = {str(k): str(v) for k, v in (data.get("args") or {}).items()}
        if har_dir is not None:
            har = har_dir / data["har"]
        elif data.get("har"):
            har = ROOT / data["har"]
        else:
            har = SOURCES[source].sample
            args = {**dict(SOURCES[source].sample_args), **args}
        sets.append(LabelSet(path.stem, source, har, args, data["records"]))
    return sets


def missing_hars(label_sets: list[LabelSet]) -> list[Path]:
    return sorted({ls.har for ls in label_sets if not ls.har.is_file()})


def predict(labels: LabelSet, workdir: Path) -> dict[str, list[dict[str, Any]]]:
    """record id → normalized postings, from a crawl of the label set's HAR."""
    zone = RawZone(workdir / labels.name)
    crawl(labels.source, zone, replay=labels.har, spider_args=labels.args)
    return {
        str(raw["source_id"]): normalize_record(raw).postings
        for raw in latest_versions(zone.read([labels.source]))
    }


def _add(total: Report, report: Report, prefix: str) -> None:
    for name, s in report.scores.items():
        t = total.score(name)
        t.predicted += s.predicted
        t.labelled += s.labelled
        t.correct += s.correct
    for name, examples in report.misses.items():
        total.misses.setdefault(name, []).extend(f"{prefix} {e}" for e in examples)


def evaluate(label_sets: list[LabelSet], by: str = "name") -> dict[str, Report]:
    """Per label set (`by="name"`) or per source (`by="source"`), and "all": the report of
    the labelled records. Label sets that share a HAR and arguments share one crawl."""
    crawls: dict[tuple, dict[str, list[dict[str, Any]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for ls in label_sets:
            key = (ls.source, ls.har, tuple(sorted(ls.args.items())))
            if key not in crawls:
                crawls[key] = predict(ls, Path(tmp) / str(len(crawls)))
    reports: dict[str, Report] = {}
    every = Report()
    for ls in label_sets:
        predictions = crawls[(ls.source, ls.har, tuple(sorted(ls.args.items())))]
        report = score(predictions, ls.records)
        _add(reports.setdefault(getattr(ls, by), Report()), report, ls.name)
        _add(every, report, ls.name)
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


HOW_TO_REAL = """\
The real evaluation set crawls HAR files built from the real recordings{missing}.
Build them with the realdata-har.py script that comes with the real recordings, then run:

    python3 PATH/TO/realdata-har.py DIR
    uv run python -m bench.accuracy --real DIR
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--labels", type=Path, help="a folder of label files")
    parser.add_argument(
        "--real",
        metavar="DIR",
        nargs="?",
        const="",
        help="score the real set (tests/data/labels/real) on the HAR files in DIR",
    )
    parser.add_argument("--misses", metavar="FIELD", help="list the errors on one field")
    ns = parser.parse_args()
    if ns.real is not None:
        har_dir = Path(ns.real) if ns.real else None
        label_sets = load_labels(ns.labels or REAL_LABELS, har_dir or Path("DIR"))
        if not label_sets:
            sys.exit(f"no label files in {ns.labels or REAL_LABELS}")
        missing = missing_hars(label_sets) if har_dir else []
        if har_dir is None or missing:
            names = ", ".join(p.name for p in missing)
            sys.exit(HOW_TO_REAL.format(missing=f" ({names} not in {har_dir})" if missing else ""))
        reports = evaluate(label_sets, by="source")
    else:
        reports = evaluate(load_labels(ns.labels or LABELS))
    for source, report in reports.items():
        n = report.scores["postings"].labelled
        print(f"\n== {source} ({n} labelled postings) ==\n{table(report)}")
    if ns.misses:
        print(f"\n== errors on {ns.misses} ==")
        print("\n".join(reports["all"].misses.get(ns.misses, [])) or "(none)")


if __name__ == "__main__":
    main()
