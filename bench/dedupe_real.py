"""Dedupe precision on real postings: hand-judged pairs of real source records.

    uv run python -m bench.dedupe_real --real DIR            # precision and recall
    uv run python -m bench.dedupe_real --real DIR --draw 100  # merged pairs to judge

DIR is a data directory built from real recordings, e.g. the HAR files that
`realdata-har.py` writes (see the README, "Dedupe on real data"):

    uv run sourcing run --replay HAR_DIR --data-dir DIR -a hn_hiring:threads=... \\
        -a greenhouse:boards=...

The bench dedupes DIR's `normalized_postings` with the current code, so a change to the
rules is measured without crawling again. The verdicts in
`tests/data/labels/real/dedupe/dedupe_pairs.yaml` are facts keyed by source id, plus the title
where two roles of one Hacker News comment share its id: `same` or `different`, and a short
reason.
Precision = judged pairs the code merges that are one job; recall = judged `same` pairs it
merges. `--draw N` prints N merged pairs not judged yet (seeded), for judging by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from pipelines.dedupe import dedupe
from warehouse.db import connect
from warehouse.load import read_table

LABELS = Path(__file__).resolve().parent.parent / "tests" / "data" / "labels" / "real"
PAIRS = LABELS / "dedupe" / "dedupe_pairs.yaml"
Key = tuple[str, str, str]  # source, source_id, title


def key(row: dict[str, Any]) -> Key:
    return (row["source"], str(row["source_id"]), row["title"])


def load_table(data_dir: Path, table: str) -> list[dict[str, Any]]:
    db = data_dir / "sourcing.duckdb"
    if not db.exists():
        sys.exit(f"{db} not found: build it first (see `python -m bench.dedupe_real --help`)")
    con = connect(db, read_only=True)
    try:
        return read_table(con, table)
    finally:
        con.close()


def postings_of(rows: list[dict[str, Any]]) -> dict[Key, str]:
    """(source, source_id, title) → posting_id, from a dedupe of `rows` with current code."""
    _, links = dedupe(rows)
    posting = {key(link): link["posting_id"] for link in links}
    roles = Counter((link["source"], str(link["source_id"])) for link in links)
    for link in links:  # a record of one role is named by its id alone (no title kept)
        if roles[link["source"], str(link["source_id"])] == 1:
            posting[(link["source"], str(link["source_id"]), "")] = link["posting_id"]
    return posting


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"] if path.exists() else []


def side(pair: dict[str, Any], name: str) -> Key:
    s = pair[name]
    return (s["source"], str(s["source_id"]), s.get("title") or "")


def score(pairs: list[dict[str, Any]], posting: dict[Key, str]) -> dict[str, Any]:
    """Precision of the merges among judged pairs, recall of the `same` ones."""
    merged = same_merged = same = missing = 0
    wrong: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    for pair in pairs:
        a, b = side(pair, "a"), side(pair, "b")
        if a not in posting or b not in posting:
            missing += 1
            continue
        together = posting[a] == posting[b]
        same += pair["verdict"] == "same"
        if together:
            merged += 1
            if pair["verdict"] == "same":
                same_merged += 1
            else:
                wrong.append(pair)
        elif pair["verdict"] == "same":
            missed.append(pair)
    return {
        "judged": len(pairs),
        "not_found": missing,
        "merged": merged,
        "precision": same_merged / merged if merged else 1.0,
        "recall": same_merged / same if same else 1.0,
        "wrong": wrong,
        "missed": missed,
    }


def merged_pairs(rows: list[dict[str, Any]], posting: dict[Key, str]) -> list[tuple[Key, Key]]:
    """One pair per member of every multi-record posting: (canonical-first member, member)."""
    by_posting: dict[str, list[Key]] = defaultdict(list)
    for k, pid in posting.items():
        by_posting[pid].append(k)
    out = []
    for keys in by_posting.values():
        keys.sort()
        out.extend((keys[0], other) for other in keys[1:])
    return out


def describe(row: dict[str, Any]) -> str:
    text = " ".join((row.get("description") or "").split())[:160]
    return (
        f"  {row['source']}:{row['source_id']} | {row['title']} | {row['company']} | "
        f"{row['location_text']} | {row.get('canonical_url')}\n    {text}"
    )


def draw(
    rows: list[dict[str, Any]],
    posting: dict[Key, str],
    n: int,
    seed: int,
    source: str | None = None,
) -> None:
    judged = {frozenset((side(p, "a"), side(p, "b"))) for p in load_pairs()}
    by_key = {key(r): r for r in rows}
    pairs = [
        p
        for p in merged_pairs(rows, posting)
        if frozenset(p) not in judged and (source is None or source in (p[0][0], p[1][0]))
    ]
    random.Random(seed).shuffle(pairs)
    for number, (a, b) in enumerate(pairs[:n]):
        print(f"#{number}\n{describe(by_key[a])}\n{describe(by_key[b])}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--real", type=Path, required=True, help="data dir built from real HARs")
    parser.add_argument("--draw", type=int, default=0, help="print N unjudged merged pairs")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--source", help="draw only pairs with a record of this source")
    parser.add_argument(
        "--stored", action="store_true", help="score the merges stored in DIR, not a new dedupe"
    )
    args = parser.parse_args(argv)
    rows = load_table(args.real, "normalized_postings")
    if args.stored:
        links = load_table(args.real, "posting_sources")
        posting = {key(link): link["posting_id"] for link in links}
    else:
        posting = postings_of(rows)
    if args.draw:
        draw(rows, posting, args.draw, args.seed, args.source)
        return
    report = score(load_pairs(), posting)
    print(
        f"judged pairs {report['judged']} (not found {report['not_found']}), merged "
        f"{report['merged']}: precision {report['precision']:.1%}, "
        f"recall of same {report['recall']:.1%}"
    )
    for pair in report["wrong"]:
        print(f"  merged but different: {side(pair, 'a')} / {side(pair, 'b')}: {pair['reason']}")
    for pair in report["missed"]:
        print(f"  same but apart: {side(pair, 'a')} / {side(pair, 'b')}: {pair['reason']}")


if __name__ == "__main__":
    main()
