"""Dedupe bench: accuracy on the labelled pairs, then speed, memory and accuracy on generated
postings with realistic cross-source duplicates, against pairwise TF-IDF cosine.

    uv run python -m bench.dedupe             # 10k, 100k, 1M; TF-IDF 20k, 200k
    uv run python -m bench.dedupe --sizes 10000 --baseline-sizes 20000   # quick

Beside wall seconds it prints CPU seconds (the machine may be shared), postings per CPU
second against a floor (splitting every description into words once), and the RSS with the
generated rows alone beside the peak.

Each measurement runs in its own process so its peak memory (max RSS, rows included) is its
own. Accuracy on generated postings is pairwise: precision = merged pairs that are one true
job; recall = true same-job pairs that were merged.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import yaml

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "dedupe_pairs.yaml"


def pair_rows(pair: dict[str, Any]) -> list[dict[str, Any]]:
    from bench.dedupe_data import T0
    from pipelines.urls import record_urls

    rows = []
    for side, source_id in (("a", "1"), ("b", "2")):
        spec = dict(pair[side])
        canonical, urls = record_urls(spec["source"], spec.get("url"), spec.get("apply_url"))
        rows.append(
            {
                "source_id": source_id,
                "role_index": 0,
                "description": "",
                "location_text": None,
                "countries": [],
                "country": None,
                "region": None,
                "remote": "unknown",
                "remote_scope": [],
                "salary_min": None,
                "posted_at": None,
                "first_seen": T0,
                "last_seen": T0,
                "fetched_at": T0,
                "url": None,
                "apply_url": None,
                **spec,
                "canonical_url": canonical,
                "urls": urls,
            }
        )
    return rows


def evaluate_pairs(path: Path = PAIRS) -> dict[str, Any]:
    """Precision and recall of `cluster` on the labelled pairs (and on the hard ones)."""
    from pipelines.dedupe import cluster

    pairs = yaml.safe_load(path.read_text())["pairs"]
    out: dict[str, Any] = {"pairs": len(pairs), "errors": []}
    counts = Counter()
    for pair in pairs:
        merged = len(cluster(pair_rows(pair)).clusters) == 1
        hard = pair.get("hard", False)
        counts[(merged, pair["same"])] += 1
        if hard:
            counts[("hard", merged, pair["same"])] += 1
        if merged != pair["same"]:
            out["errors"].append(pair["id"])
    tp, fp, fn = counts[(True, True)], counts[(True, False)], counts[(False, True)]
    out["precision"] = tp / (tp + fp) if tp + fp else 1.0
    out["recall"] = tp / (tp + fn) if tp + fn else 1.0
    out["positives"] = counts[(True, True)] + counts[(False, True)]
    out["hard"] = sum(v for k, v in counts.items() if k[0] == "hard")
    out["hard_errors"] = counts[("hard", True, False)] + counts[("hard", False, True)]
    return out


def pair_counts(labels: list[Any]) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels).values())


def pair_accuracy(truth: list[int], predicted: list[int]) -> dict[str, Any]:
    """Pairwise precision and recall, with the counts of wrongly merged and missed pairs."""
    tp = pair_counts(list(zip(truth, predicted, strict=True)))
    merged, true = pair_counts(predicted), pair_counts(truth)
    return {
        "precision": tp / merged if merged else 1.0,
        "recall": tp / true if true else 1.0,
        "false_pairs": merged - tp,
        "missed_pairs": true - tp,
    }


def accuracy(truth: list[int], predicted: list[int]) -> tuple[float, float]:
    result = pair_accuracy(truth, predicted)
    return result["precision"], result["recall"]


def tfidf_clusters(rows: list[dict[str, Any]], threshold: float = 0.75) -> list[int]:
    """Pairwise TF-IDF cosine over descriptions, in chunks of rows, then connected pairs."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from pipelines.dedupe import UnionFind

    matrix = TfidfVectorizer(min_df=1).fit_transform([r["description"] or r["title"] for r in rows])
    uf = UnionFind(len(rows))
    transposed = matrix.T.tocsr()
    chunk = 500  # rows per block: a block is chunk x N similarities, dense-ish here
    for start in range(0, len(rows), chunk):
        block = (matrix[start : start + chunk] @ transposed).tocoo()
        keep = (block.data >= threshold) & (block.row + start < block.col)
        for i, j in zip(block.row[keep] + start, block.col[keep], strict=True):
            uf.union(int(i), int(j))
    return [uf.find(i) for i in range(len(rows))]


def floor_seconds(rows: pa.Table) -> float:
    """The floor: reading every row's description into words once, the least any dedupe on
    text does (no hashing, no comparison); a batch of descriptions at a time."""
    from pipelines.dedupe.minhash import WORD

    seconds = 0.0
    for batch in rows.select(["description"]).to_batches(max_chunksize=50_000):
        descriptions = batch.column(0).to_pylist()
        start = time.process_time()
        for description in descriptions:
            WORD.findall((description or "").lower())
        seconds += time.process_time() - start
    return seconds


def posting_of_rows(rows: pa.Table, links: pa.Table) -> tuple[list[int], list[int]]:
    """(true job, posting) of every row, as integers, from the links' columns."""
    key = ["source", "source_id", "role_index"]
    joined = rows.select([*key, "job"]).join(links.select([*key, "posting_id"]), key)
    posting = joined.column("posting_id").combine_chunks().dictionary_encode().indices
    return joined.column("job").to_pylist(), posting.to_pylist()


def measure(method: str, size: int) -> dict[str, Any]:
    from bench.dedupe_data import generate_table
    from pipelines.dedupe import dedupe_table

    rows = generate_table(size)
    rows_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    floor = floor_seconds(rows)
    start, cpu = time.perf_counter(), time.process_time()
    if method == "minhash":
        _, links = dedupe_table(rows)
    else:
        predicted = tfidf_clusters(rows.select(["title", "description"]).to_pylist())
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if method == "minhash":
        truth, predicted = posting_of_rows(rows, links)
    else:
        truth = rows.column("job").to_pylist()
    pairs = pair_accuracy(truth, predicted)
    return {
        "method": method,
        "size": size,
        "seconds": round(seconds, 2),
        "per_second": round(size / seconds),
        "cpu_seconds": round(cpu, 2),
        "per_cpu_second": round(size / cpu),
        "floor_per_cpu_second": round(size / floor),
        "rows_mb": round(rows_mb),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "precision": round(pairs["precision"], 4),
        "recall": round(pairs["recall"], 4),
        "false_pairs": pairs["false_pairs"],
        "missed_pairs": pairs["missed_pairs"],
        "load": round(os.getloadavg()[0], 1),  # 1-minute load average when it ended
        "postings": len(set(predicted)),
        "jobs": len(set(truth)),
    }


def run_one(method: str, size: int) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.dedupe", "--one", method, str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--baseline-sizes", default="20000,200000")
    parser.add_argument("--one", nargs=2, metavar=("METHOD", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]))))
        return

    print(
        f"started {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())},"
        f" load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs"
    )
    labelled = evaluate_pairs()
    print(f"== Labelled pairs ({PAIRS.name}) ==")
    print(
        f"  {labelled['pairs']} pairs ({labelled['positives']} same job, {labelled['hard']} hard):"
        f" precision {labelled['precision']:.4f}, recall {labelled['recall']:.4f},"
        f" hard pairs wrong {labelled['hard_errors']}"
    )
    if labelled["errors"]:
        print(f"  wrong: {', '.join(labelled['errors'])}")

    sizes = [int(s) for s in args.sizes.split(",") if s]
    baseline = [int(s) for s in args.baseline_sizes.split(",") if s]
    results = []
    header = (
        f"  {'method':<8} {'postings':>9} {'seconds':>8} {'postings/s':>11} {'CPU s':>7}"
        f" {'per CPU s':>10} {'floor/CPU s':>12} {'rows MB':>8} {'peak MB':>8}"
    )
    print("\n== Generated postings (MinHash LSH in company blocks; TF-IDF cosine >= 0.75) ==")
    print("  floor: splitting every description into words once; rows MB: RSS with the rows")
    print(header + f" {'precision':>9} {'recall':>7} {'wrong':>6} {'missed':>7} {'load':>5}")
    for method, size in [
        *(("minhash", s) for s in sizes),
        *((m, s) for s in baseline for m in ("minhash", "tfidf")),
    ]:
        r = run_one(method, size)
        results.append(r)
        print(
            f"  {method:<8} {size:>9,} {r['seconds']:>8.1f} {r['per_second']:>11,}"
            f" {r['cpu_seconds']:>7.1f} {r['per_cpu_second']:>10,} {r['floor_per_cpu_second']:>12,}"
            f" {r['rows_mb']:>8,} {r['peak_mb']:>8,} {r['precision']:>9.4f} {r['recall']:>7.4f}"
            f" {r['false_pairs']:>6,} {r['missed_pairs']:>7,} {r['load']:>5.1f}"
        )
    growth = [r for r in results if r["method"] == "minhash" and r["size"] in sizes]
    if len(growth) > 1:
        a, b = growth[0], growth[-1]
        print(
            f"\n  growth {a['size']:,} -> {b['size']:,}: time x{b['seconds'] / a['seconds']:.1f}"
            f" for size x{b['size'] / a['size']:.0f}"
        )
    for size in baseline:
        pair = {r["method"]: r for r in results if r["size"] == size}
        if {"minhash", "tfidf"} <= pair.keys():
            m, t = pair["minhash"], pair["tfidf"]
            print(
                f"  at {size:,}: MinHash LSH {t['seconds'] / m['seconds']:.1f}x faster than TF-IDF;"
                f" precision {m['precision']:.4f} vs {t['precision']:.4f}"
                f" ({m['false_pairs']:,} vs {t['false_pairs']:,} wrong pairs),"
                f" recall {m['recall']:.4f} vs {t['recall']:.4f}"
            )
    print(
        f"ended {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())},"
        f" load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )


if __name__ == "__main__":
    main()
