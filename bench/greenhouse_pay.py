"""Survey of the pay custom fields (`metadata`) of Greenhouse boards, and what the extractor
makes of them.

    uv run python -m bench.greenhouse_pay --boards DIR

DIR holds one JSON file per board, as the boards API answers (`{"jobs": [...]}`, the board
token as the file name or in `company`). Without such a folder there is nothing to survey:
record boards with `sourcing crawl greenhouse --record FILE.har -a boards=…` and save each
board's response as `<token>.json`. For every custom-field layout that concerns pay (field
name, value type and how the extractor reads it) it prints the boards and jobs that have
it, the jobs where it holds a figure, and the jobs whose salary the extractor takes from it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from pipelines.extract.greenhouse import (
    Pay,
    amount_text,
    job_place,
    metadata_pay,
    metadata_pays,
    pay_field_kind,
)


def _location(job: dict[str, Any]) -> str | None:
    location = job.get("location") or {}
    return location.get("name") if isinstance(location, dict) else None


_PAY_KIND = {"range": "range field", "text": "pay in words", "min/max": "lower+upper fields"}


def job_layout(fields: list[dict[str, Any]], stated: list[Pay]) -> str | None:
    """How one job states pay, e.g. "per place + not base pay"; None without pay fields."""
    kinds = [pay_field_kind(f) for f in fields]
    if not any(kinds):
        return None
    parts = {"per place" if p.place else _PAY_KIND[p.kind] for p in stated}
    if any(k == "not base pay" and _has_figure(f) for k, f in zip(kinds, fields, strict=True)):
        parts.add("not base pay")
    return " + ".join(sorted(parts)) or "placeholders only"


def survey(
    folder: Path,
) -> tuple[dict[tuple[str, str, str], Counter], dict[str, Counter], Counter]:
    """(field layout → counts, job layout → counts, totals): a field layout is (how it is
    read, value type, field name); a job layout the kinds of pay one job's fields state."""
    layouts: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    by_job: dict[str, Counter] = defaultdict(Counter)
    job_boards: dict[str, set[str]] = defaultdict(set)
    boards: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    totals: Counter = Counter()
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        token = str(data.get("company") or path.stem) if isinstance(data, dict) else path.stem
        jobs = data.get("jobs") if isinstance(data, dict) else None
        totals["boards"] += 1
        for job in jobs if isinstance(jobs, list) else []:
            totals["jobs"] += 1
            metadata = job.get("metadata") if isinstance(job, dict) else None
            fields = [f for f in metadata or [] if isinstance(f, dict)]
            stated = metadata_pays(fields, job_place(_location(job))[1])
            chosen = metadata_pay(fields, _location(job))
            totals["jobs with a pay figure"] += bool(stated)
            totals["jobs given a salary"] += chosen is not None
            if layout := job_layout(fields, stated):
                by_job[layout]["jobs"] += 1
                by_job[layout]["salary"] += chosen is not None
                job_boards[layout].add(token)
            for field in fields:
                kind = pay_field_kind(field)
                if kind is None:
                    continue
                key = (kind, str(field.get("value_type")), str(field.get("name")))
                boards[key].add(token)
                counts = layouts[key]
                counts["jobs"] += 1
                figure = _has_figure(field)
                counts["with a figure"] += figure
                counts["salary from it"] += chosen is not None and chosen.field in (
                    key[2],
                    "min/max" if kind in ("min", "max") else None,
                )
    for key, names in boards.items():
        layouts[key]["boards"] = len(names)
    for layout, names in job_boards.items():
        by_job[layout]["boards"] = len(names)
    return layouts, by_job, totals


def _has_figure(field: dict[str, Any]) -> bool:
    value = field.get("value")
    if isinstance(value, dict):
        return any(amount_text(value.get(k)) for k in ("min_value", "max_value", "amount"))
    return amount_text(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=Path, required=True, help="folder of <token>.json")
    ns = parser.parse_args()
    if not ns.boards.is_dir():
        parser.error(f"{ns.boards} is not a folder of board JSON files")
    layouts, by_job, totals = survey(ns.boards)
    print(", ".join(f"{v} {k}" for k, v in totals.items()))
    print(f"\n{'boards':>6} {'jobs':>6} {'salary':>6}  how a job states pay")
    for layout, c in sorted(by_job.items(), key=lambda kv: -kv[1]["jobs"]):
        print(f"{c['boards']:>6} {c['jobs']:>6} {c['salary']:>6}  {layout}")
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for (kind, _, _), counts in layouts.items():
        by_kind[kind].update(counts)
        by_kind[kind]["layouts"] += 1
    header = f"{'boards':>6} {'jobs':>6} {'figure':>6} {'salary':>6}  "
    print(f"\n{'read as':<13}{'layouts':>8} {header}")
    for kind, c in sorted(by_kind.items()):
        print(
            f"{kind:<13}{c['layouts']:>8} {c['boards']:>6} {c['jobs']:>6} "
            f"{c['with a figure']:>6} {c['salary from it']:>6}"
        )
    print(f"\n{header}{'read as':<13}{'type':<15}field")
    for (kind, vtype, name), c in sorted(layouts.items(), key=lambda kv: -kv[1]["jobs"]):
        print(
            f"{c['boards']:>6} {c['jobs']:>6} {c['with a figure']:>6} "
            f"{c['salary from it']:>6}  {kind:<13}{vtype:<15}{name[:60]}"
        )


if __name__ == "__main__":
    main()
