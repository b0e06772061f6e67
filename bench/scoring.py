"""Compare normalized postings with hand labels: precision and recall per field.

A labelled record lists the postings a careful reader finds in it (none for a record that is
not a job offer). Predicted postings of a record are paired with its labelled ones by title
similarity; a field's precision is the share of the values we filled that are right, its
recall the share of the labelled values we filled right. "unknown" counts as not filled.
`title` is right when equal after folding case, spaces and punctuation; `is_ml` is scored as
a classifier of ML roles; `countries` and `skills` per element, skills only on records whose
labels carry the key (the skills subset); a salary is labelled when its min or max is set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

SCALAR_FIELDS = ("title", "company", "role", "seniority", "remote", "country", "equity")
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
    """A name without case, legal form or web suffix: "Acme.io, Inc." → "acme"."""
    value = re.sub(r"\.(?:com|io|ai|co|us|org|net|dev|app|so|sh|xyz)$", "", (value or "").lower())
    value = re.sub(r"\b(inc|llc|ltd|gmbh|corp|co|sa|ag|bv)\b\.?", "", value)
    return re.sub(r"[^a-z0-9]+", "", value)


def fold_title(value: str | None) -> str:
    """A title without case, punctuation or extra spaces: "Sr. ML Engineer " → "sr ml engineer"."""
    return " ".join(re.sub(r"[^\w+#]+", " ", (value or "").casefold()).split())


def _amount_equal(pred: Any, gold: Any) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    return abs(float(pred) - float(gold)) <= 0.005 * float(gold)


def _salary_equal(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred.get("salary_currency") != gold.get("salary_currency"):
        return False
    if pred.get("salary_period") != gold.get("salary_period"):
        return False
    return all(_amount_equal(pred.get(k), gold.get(k)) for k in ("salary_min", "salary_max"))


def _has_salary(posting: dict[str, Any] | None) -> bool:
    return posting is not None and (
        posting.get("salary_min") is not None or posting.get("salary_max") is not None
    )


def _countries(posting: dict[str, Any] | None) -> set[str]:
    """Every country of a posting: its `countries`, or its one `country`."""
    if posting is None:
        return set()
    return set(posting.get("countries") or []) | (
        {posting["country"]} if posting.get("country") else set()
    )


EQUAL: dict[str, Callable[[Any, Any], bool]] = {
    "title": lambda p, g: fold_title(p) == fold_title(g),
    "company": lambda p, g: _company_key(p) == _company_key(g),
}


def _title_similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, (a or "").lower(), (b or "").lower()).ratio()


def pair_postings(
    predicted: list[dict[str, Any]], labelled: list[dict[str, Any]]
) -> list[tuple[dict | None, dict | None]]:
    """Greedy best-first pairing by title similarity (≥ 0.5), then the rest in order."""
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
    # What is left pairs in order: the posting was found, its title is wrong.
    left_p = [p for i, p in enumerate(predicted) if i not in used_p]
    left_g = [g for j, g in enumerate(labelled) if j not in used_g]
    pairs += list(zip(left_p, left_g, strict=False))
    pairs += [(p, None) for p in left_p[len(left_g) :]]
    pairs += [(None, g) for g in left_g[len(left_p) :]]
    return pairs


def _score_pair(
    report: Report, pred: dict | None, gold: dict | None, record_id: str, skills_judged: bool
) -> None:
    title = (gold or pred or {}).get("title")
    where = f"{record_id} {title!r}"
    detected = report.score("postings")
    detected.predicted += pred is not None
    detected.labelled += gold is not None
    detected.correct += pred is not None and gold is not None
    if pred is None or gold is None:
        side = "extra" if gold is None else "missed"
        report.miss("postings", f"{where}: {side}")
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
    _score_flag(report, "is_ml", pred, gold, where)
    s = report.score("salary")
    p_has, g_has = _has_salary(pred), _has_salary(gold)
    s.predicted += p_has
    s.labelled += g_has
    if p_has and g_has and _salary_equal(pred, gold):
        s.correct += 1
    elif p_has or g_has:
        got = (
            f"{pred.get('salary_text')!r} → {pred['salary_min']}-{pred['salary_max']}"
            f" {pred['salary_currency']}/{pred['salary_period']}"
            if p_has
            else "none"
        )
        want = (
            f"{gold.get('salary_min')}-{gold.get('salary_max')}"
            f" {gold.get('salary_currency')}/{gold.get('salary_period')}"
            if g_has
            else "none"
        )
        report.miss("salary", f"{where}: got {got}, label {want}")
    _score_set(report, "countries", _countries(pred), _countries(gold), where)
    if skills_judged:
        p_skills = set(pred.get("skills") or []) if pred else set()
        g_skills = set(gold.get("skills") or []) if gold else set()
        _score_set(report, "skills", p_skills, g_skills, where)


def _score_flag(
    report: Report, name: str, pred: dict | None, gold: dict | None, where: str
) -> None:
    """A yes/no field as a classifier: precision among postings we call yes, recall among
    postings labelled yes."""
    p, g = bool(pred and pred.get(name)), bool(gold and gold.get(name))
    s = report.score(name)
    s.predicted += p
    s.labelled += g
    s.correct += p and g
    if p != g and pred is not None and gold is not None:
        report.miss(name, f"{where}: got {p}, label {g}")


def _score_set(report: Report, name: str, pred: set[str], gold: set[str], where: str) -> None:
    s = report.score(name)
    s.predicted += len(pred)
    s.labelled += len(gold)
    s.correct += len(pred & gold)
    if pred != gold:
        report.miss(name, f"{where}: extra {sorted(pred - gold)}, missed {sorted(gold - pred)}")


def score(predictions: dict[str, list[dict[str, Any]]], labels: Iterable[dict[str, Any]]) -> Report:
    """`predictions`: record id → normalized postings; `labels`: the labelled records."""
    report = Report()
    for record in labels:
        rid = str(record["id"])
        gold = record.get("postings") or []
        skills_judged = any("skills" in g for g in gold)
        for pred, g in pair_postings(predictions.get(rid, []), gold):
            _score_pair(report, pred, g, rid, skills_judged)
    return report
