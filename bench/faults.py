"""The fault suite as a table: every case, its outcome, and the totals (load held, faults
survived, bad inputs tried, rows lost).

    uv run python -m bench.faults

Runs `tests/test_faults_*.py` (local servers on 127.0.0.1, HAR-free, no network) with pytest;
each test adds what it measured to a notes file (`tests/fault_server.note`), and its outcome
and time come from pytest's JUnit report. A test that fails shows as FAILED and its notes
are missing, so the table can only claim what passed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_faults_*.py"))


def run_suite() -> tuple[list[dict], list[dict], float]:
    """(test outcomes, notes, wall seconds) of one run of the fault suite."""
    with tempfile.TemporaryDirectory() as tmp:
        notes, junit = Path(tmp) / "notes.jsonl", Path(tmp) / "junit.xml"
        env = {**os.environ, "FAULTS_REPORT": str(notes)}
        start = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "pytest", *FILES, "-q", "-p", "no:cacheprovider",
             f"--junitxml={junit}"],
            cwd=ROOT, env=env, check=False,
        )  # fmt: skip
        seconds = time.monotonic() - start
        tests = []
        for case in ET.parse(junit).iter("testcase"):
            failed = case.find("failure") is not None or case.find("error") is not None
            skipped = case.find("skipped") is not None
            tests.append(
                {
                    "file": case.get("classname", "").rsplit(".", 1)[-1],
                    "name": case.get("name"),
                    "seconds": float(case.get("time", 0)),
                    "outcome": "FAILED" if failed else "skipped" if skipped else "passed",
                }
            )
        lines = notes.read_text().splitlines() if notes.exists() else []
        return tests, [json.loads(line) for line in lines], seconds


def table(tests: list[dict], notes: list[dict], seconds: float) -> str:
    outcomes = Counter(t["outcome"] for t in tests)
    loads = [n for n in notes if n["case"].startswith("kill -9") and "load" in n["case"]]
    rows = [
        "| case | outcome | rows lost | inputs |",
        "|---|---|---:|---:|",
    ]
    merged: dict[str, dict] = {}
    for note in notes:  # one row per case; repeated cases (per input) add up
        row = merged.setdefault(note["case"], {"inputs": 0, "rows_lost": 0, "outcome": ""})
        row["inputs"] += int(note.get("inputs", 0))
        row["rows_lost"] += int(note.get("rows_lost", 0))
        row["outcome"] = str(note.get("outcome", ""))
        if "seconds" in note:  # timed cases: the slowest input
            row["slowest"] = max(row.get("slowest", 0.0), float(note["seconds"]))
            row["outcome"] = f"slowest input {row['slowest']:.2f} s"
    for case, row in merged.items():
        rows.append(f"| {case} | {row['outcome']} | {row['rows_lost']} | {row['inputs'] or ''} |")
    failed = [f"{t['file']}::{t['name']}" for t in tests if t["outcome"] == "FAILED"]
    totals = [
        "",
        f"tests: {outcomes['passed']} passed, {outcomes['FAILED']} failed,"
        f" {outcomes['skipped']} skipped, in {seconds:.0f} s"
        f" (files: {', '.join(Path(f).name for f in FILES)})",
        f"load held: {sum(1 for n in loads if n.get('held') == 'yes')}/{len(loads)}"
        " kill -9 points of a load",
        f"faults survived: {outcomes['passed']}/{outcomes['passed'] + outcomes['FAILED']}"
        " tests passed",
        f"bad inputs tried: {sum(int(n.get('inputs', 0)) for n in notes)}",
        f"rows lost: {sum(int(n.get('rows_lost', 0)) for n in notes)}",
    ]
    if failed:
        totals.append("FAILED: " + ", ".join(failed))
    return "\n".join(rows + totals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    tests, notes, seconds = run_suite()
    print(table(tests, notes, seconds))
    sys.exit(0 if all(t["outcome"] != "FAILED" for t in tests) else 1)


if __name__ == "__main__":
    main()
