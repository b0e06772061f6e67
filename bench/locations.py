"""Place resolution on real location strings: coverage, accuracy and speed of `pipelines.location`.

    uv run python -m bench.locations --labels                   # precision/recall on the labels
    uv run python -m bench.locations --boards DIR [--hn HAR]    # coverage on real boards

`--boards DIR` reads a folder of Greenhouse board dumps (`{company, jobs: [...]}` per file, the
jobs as boards-api.greenhouse.io lists them) and resolves every distinct location string the
Greenhouse extractor would pass on; `--hn HAR` adds the header places of a recorded "Who is
hiring?" thread (Algolia items). Without real data, `--labels` alone still runs: the labels file
holds the strings. Each run also prints the time a fresh process takes to resolve its first
place (the gazetteer's load; a cache older than the code is rebuilt by an untimed first run)
and the places resolved per CPU second with the caches cleared.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from pipelines.extract.greenhouse import extract_greenhouse
from pipelines.extract.hn import extract_hn
from pipelines.location import clear_caches, parse_location
from pipelines.remote import parse_remote

ROOT = Path(__file__).resolve().parent.parent
# In a folder of its own: the label files right under real/ are postings (bench.accuracy).
LABELS = ROOT / "tests" / "data" / "labels" / "real" / "places" / "locations.yaml"
_FIRST_PLACE = (
    "import time; t, c = time.perf_counter(), time.process_time(); "
    "from pipelines.location import parse_location; parse_location('Berlin, Germany'); "
    "print(time.perf_counter() - t, time.process_time() - c)"
)


def board_strings(folder: Path) -> Counter[str]:
    """Location strings of every job on the boards (as the Greenhouse extractor reads them),
    with how many jobs carry each."""
    counts: Counter[str] = Counter()
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        for job in data.get("jobs") or []:
            postings = extract_greenhouse(job, {"company": data.get("company")}).postings
            counts.update(p.location_text for p in postings if p.location_text)
    return counts


def hn_strings(har: Path) -> Counter[str]:
    """Header places of the top-level comments of the "Who is hiring?" threads in a HAR."""
    counts: Counter[str] = Counter()
    for entry in json.loads(har.read_text("utf-8"))["log"]["entries"]:
        text = entry["response"]["content"].get("text") or ""
        if not text.startswith("{"):
            continue
        for child in json.loads(text).get("children") or []:
            postings = extract_hn(child).postings
            counts.update(p.location_text for p in postings if p.location_text)
    return counts


def first_place_seconds() -> tuple[float, float]:
    """(Wall, CPU) seconds a fresh process takes to import the module and resolve one place:
    the gazetteer's load (or build). CPU time stays honest when other jobs share the cores."""
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_PLACE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def places_per_second(strings: list[str]) -> float:
    """Distinct strings resolved per CPU second, the caches cleared first."""
    clear_caches()
    start = time.process_time()
    for s in strings:
        parse_location(s)
    rate = len(strings) / (time.process_time() - start)
    clear_caches()
    return rate


def coverage(name: str, counts: Counter[str], sample: int, seed: int) -> None:
    """Share of strings (and of jobs) with a country, the multi-country share, the most common
    unresolved strings and a random sample of resolutions to read."""
    resolved = {s: parse_location(s).countries for s in counts}
    jobs = sum(counts.values())
    none = [s for s, cc in resolved.items() if not cc]
    multi = [s for s, cc in resolved.items() if len(cc) > 1]
    print(f"\n== {name}: {len(counts)} distinct strings, {jobs} jobs")
    print(
        f"resolved: {1 - len(none) / len(counts):.1%} of strings, "
        f"{1 - sum(counts[s] for s in none) / jobs:.1%} of jobs; "
        f"multi-country: {len(multi) / len(counts):.1%} of strings"
    )
    print("most common unresolved:")
    for s in sorted(none, key=lambda s: -counts[s])[:40]:
        print(f"  {counts[s]:5d}  {s!r}")
    print(f"random sample of {sample}:")
    rng = random.Random(seed)
    for s in rng.sample(sorted(counts), min(sample, len(counts))):
        print(f"  {s!r:60} -> {','.join(resolved[s]) or '-'}")


def label_scores(path: Path) -> None:
    """Micro precision and recall of the countries (and accuracy of the stated remote policy)
    against the hand-checked labels; every wrong string is listed."""
    items = yaml.safe_load(path.read_text("utf-8"))["locations"]
    tp = fp = fn = exact = remote_ok = remote_n = 0
    wrong = []
    for item in items:
        want = set(item.get("countries") or ())
        got = set(parse_location(item["text"]).countries)
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        exact += got == want
        if got != want:
            wrong.append((item["text"], sorted(want), sorted(got)))
        if "remote" in item:
            remote_n += 1
            remote_ok += parse_remote(item["text"]).remote == item["remote"]
    print(f"\n== labels: {len(items)} strings ({path.name})")
    print(
        f"countries: precision {tp / max(tp + fp, 1):.1%}, recall {tp / max(tp + fn, 1):.1%}, "
        f"exact {exact / len(items):.1%}; remote right {remote_ok}/{remote_n}"
    )
    for text, want, got in wrong:
        print(f"  {text!r}: want {want}, got {got}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--boards", type=Path, help="folder of Greenhouse board dumps")
    ap.add_argument("--hn", type=Path, help="HAR of 'Who is hiring?' threads (Algolia items)")
    ap.add_argument("--labels", nargs="?", const=LABELS, type=Path, help="labels YAML")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ns = ap.parse_args()
    if not (ns.boards or ns.hn or ns.labels):
        ap.error(
            "give --labels, or real data: --boards DIR (Greenhouse board dumps) and/or --hn HAR"
        )
    first_place_seconds()  # a gazetteer cache older than the code is rebuilt here, not timed
    wall, cpu = first_place_seconds()
    print(f"first place in a fresh process: {wall:.2f} s ({cpu:.2f} CPU s)")
    strings: list[str] = []
    if ns.boards:
        counts = board_strings(ns.boards)
        coverage(f"boards {ns.boards.name}", counts, ns.sample, ns.seed)
        strings += list(counts)
    if ns.hn:
        counts = hn_strings(ns.hn)
        coverage(f"HN {ns.hn.name}", counts, ns.sample, ns.seed)
        strings += list(counts)
    if ns.labels:
        label_scores(ns.labels)
        strings += [i["text"] for i in yaml.safe_load(ns.labels.read_text("utf-8"))["locations"]]
    print(f"\nspeed: {places_per_second(strings):,.0f} distinct places per CPU second")


if __name__ == "__main__":
    main()
