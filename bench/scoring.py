"""Compare normalized postings with hand labels: precision and recall per field.

A labelled record lists the postings a careful reader finds in it (none for a record that is
not a job offer). Predicted postings of a record are paired with its labelled ones by title
similarity; a field's precision is the share of the values we filled that are right, its
recall the share of the labelled values we filled right. "unknown" counts as not filled.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

SCALAR_FIELDS = ("company", "role", "seniority", "is_ml", "remote", "country", "equity")
EMPTY = (None, "", "unknown", [])


@dataclass
class Score:
    predicted: int = 0  # values we filled
    labelled: int = 0  # values the labels fill
    correct: int = 0  # values we filled that equal the label

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)  # field -> examples of errors

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def miss(self, name: str, example: str) -> None:
        self.misses.setdefault(name, []).append(example)


def _company_key(value: str | None) -> str:
    value = re.sub(r"\b(inc|llc|ltd|gmbh|corp|co|sa|ag|bv)\b\.?", "", (value or "").lower())
    return re.sub(r"[^a-z0-9]+", "", value)


def _salary_equal(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred.get("salary_currency") != gold.get("salary_currency"):
        return False
    if pred.get("salary_period") != gold.get("salary_period"):
        return False
    return all(
        abs(float(pred[k]) - float(gold[k])) <= 0.005 * float(gold[k])
        for k in ("salary_min", "salary_max")
    )


EQUAL: dict[str, Callable[[Any, Any], bool]] = {
    "company": lambda p, g: _company_key(p) == _company_key(g),
}


def _title_similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, (a or "").lower(), (b or "").lower()).ratio()


def pair_postings(
    predicted: list[dict[str, Any]], labelled: list[dict[str, Any]]
) -> list[tuple[dict | None, dict | None]]:
    """Greedy best-first pairing by title similarity (≥ 0.5); the rest stay unpaired."""
    candidates = sorted(
        (
            (_title_similarity(p["title"], g["title"]), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(labelled)
        ),
        reverse=True,
    )
    used_p, used_g, pairs = set(), set(), []
    for similarity, i, j in candidates:
        if similarity >= 0.5 and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], labelled[j]))
    pairs += [(p, None) for i, p in enumerate(predicted) if i not in used_p]
    pairs += [(None, g) for j, g in enumerate(labelled) if j not in used_g]
    return pairs


def _score_pair(report: Report, pred: dict | None, gold: dict | None, where: str) -> None:
    detected = report.score("postings")
    detected.predicted += pred is not None
    detected.labelled += gold is not None
    detected.correct += pred is not None and gold is not None
    if pred is None or gold is None:
        side = "extra" if gold is None else "missed"
        report.miss("postings", f"{where}: {side} {(pred or gold)['title']!r}")
    for name in SCALAR_FIELDS:
        p = pred.get(name) if pred else None
        g = gold.get(name) if gold else None
        s = report.score(name)
        s.predicted += p not in EMPTY
        s.labelled += g not in EMPTY
        if p not in EMPTY and g not in EMPTY:
            if EQUAL.get(name, lambda a, b: a == b)(p, g):
                s.correct += 1
            else:
                report.miss(name, f"{where}: got {p!r}, label {g!r}")
        elif p not in EMPTY and gold is not None:
            report.miss(name, f"{where}: got {p!r}, label none")
    s = report.score("salary")
    p_has = pred is not None and pred.get("salary_min") is not None
    g_has = gold is not None and gold.get("salary_min") is not None
    s.predicted += p_has
    s.labelled += g_has
    if p_has and g_has and _salary_equal(pred, gold):
        s.correct += 1
    elif p_has:
        report.miss(
            "salary",
            f"{where}: got {pred.get('salary_text')!r} → "
            f"{pred['salary_min']}-{pred['salary_max']} {pred['salary_currency']}"
            f"/{pred['salary_period']}",
        )
    s = report.score("skills")
    p_skills = set(pred.get("skills") or []) if pred else set()
    g_skills = set(gold.get("skills") or []) if gold else set()
    s.predicted += len(p_skills)
    s.labelled += len(g_skills)
    s.correct += len(p_skills & g_skills)


def score(predictions: dict[str, list[dict[str, Any]]], labels: Iterable[dict[str, Any]]) -> Report:
    """`predictions`: record id → normalized postings; `labels`: the labelled records."""
    report = Report()
    for record in labels:
        rid = str(record["id"])
        gold = record.get("postings") or []
        for pred, g in pair_postings(predictions.get(rid, []), gold):
            _score_pair(report, pred, g, rid)
    return report
