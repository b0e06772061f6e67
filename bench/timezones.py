"""UTC offset ranges on real postings: the share of postings with a range per source, and the
precision and recall of the range against hand labels.

    uv run python -m bench.timezones --real DIR

DIR is the folder of HAR files that the realdata-har.py script (it comes with the real
recordings) builds. The labels, `tests/data/labels/real/timezones/offsets.yaml`, are facts
keyed by source id (the texts stay out of the project): for each labelled posting the offset
range a reader takes from its places, remote scope and stated time-zone limits, or null when
the posting says nothing that gives one. A predicted range counts as correct only when both
ends equal the label's; a range predicted where the label is null counts against precision.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from bench.accuracy import LabelSet, missing_hars, predict

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "labels" / "real" / "timezones" / "offsets.yaml"


def load(har_dir: Path, path: Path = LABELS) -> list[LabelSet]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        LabelSet(
            name=f"{s['source']}:{s['har']}",
            source=s["source"],
            har=har_dir / s["har"],
            args={str(k): str(v) for k, v in (s.get("args") or {}).items()},
            records=s["records"],
        )
        for s in data["sets"]
    ]


def _range(row: dict) -> tuple[float, float] | None:
    lo, hi = row.get("utc_offset_min"), row.get("utc_offset_max")
    return None if lo is None or hi is None else (float(lo), float(hi))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", required=True, metavar="DIR", help="folder of real HAR files")
    parser.add_argument("--misses", action="store_true", help="list every wrong or missed range")
    ns = parser.parse_args()
    sets = load(Path(ns.real))
    if missing := missing_hars(sets):
        sys.exit(
            f"missing HAR files: {', '.join(map(str, missing))}; build them with realdata-har.py"
        )
    share: dict[str, Counter] = {}
    predicted = labelled = correct = nulls_right = 0
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, ls in enumerate(sets):
            postings = predict(ls, Path(tmp) / str(i))
            counts = share.setdefault(ls.source, Counter())
            for rows in postings.values():
                counts["postings"] += len(rows)
                counts["with_range"] += sum(1 for r in rows if _range(r))
            for label in ls.records:
                rows = postings.get(str(label["id"])) or []
                role = int(label.get("role", 0))
                got = _range(rows[role]) if role < len(rows) else None
                want = _range(label)
                predicted += got is not None
                labelled += want is not None
                if got is not None and got == want:
                    correct += 1
                elif got is None and want is None:
                    nulls_right += 1
                else:
                    misses.append(f"{ls.source} {label['id']}#{role}: got {got}, want {want}")
    print("postings with a UTC offset range, per source (all postings of the labelled HARs)")
    for source, c in sorted(share.items()):
        pct = 100 * c["with_range"] / c["postings"] if c["postings"] else 0.0
        print(f"  {source:<16} {c['with_range']:>5} / {c['postings']:<5} {pct:5.1f}%")
    total = sum(len(ls.records) for ls in sets)
    precision = correct / predicted if predicted else 0.0
    recall = correct / labelled if labelled else 0.0
    print(f"\nlabelled postings: {total} ({labelled} with a range, {total - labelled} null)")
    print(f"range exact: precision {precision:.3f} ({correct}/{predicted}), ", end="")
    print(f"recall {recall:.3f} ({correct}/{labelled}); nulls kept null: {nulls_right}")
    if ns.misses:
        print("\n".join(["", *misses]))


if __name__ == "__main__":
    main()
