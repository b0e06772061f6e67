"""Accuracy floors on the invented labelled set (a parser change that makes the data worse
fails here) and the scoring rules shared with the real set. The figures themselves are printed
by `python -m bench.accuracy` (invented) and `python -m bench.accuracy --real DIR` (real)."""

import subprocess
import sys

import pytest

from bench.accuracy import evaluate, load_labels
from bench.scoring import fold_title, score

# field → (minimum precision, minimum recall) over every labelled record. The targets
# are floors here: salary precision 97% (a wrong salary is worse than none), company, remote
# and country 95%; the others sit a little under what the normalizers reach today.
FLOORS = {
    "postings": (0.97, 0.97),
    "company": (0.95, 0.95),
    "role": (0.97, 0.97),
    "seniority": (0.95, 0.95),
    "is_ml": (0.97, 0.97),
    "remote": (0.95, 0.95),
    "country": (0.95, 0.95),
    "salary": (0.97, 0.95),
    "equity": (0.95, 0.95),
}
SKILLS_F1 = 0.90


@pytest.fixture(scope="module")
def report():
    return evaluate(load_labels())["all"]


@pytest.mark.parametrize("field", FLOORS)
def test_accuracy_floor(report, field):
    precision, recall = FLOORS[field]
    score = report.scores[field]
    assert score.precision >= precision, report.misses.get(field)
    assert score.recall >= recall, report.misses.get(field)


def test_skills_f1(report):
    assert report.scores["skills"].f1 >= SKILLS_F1, report.misses.get("skills")


# --- the scoring rules (bench.scoring), on hand-made postings --------------------------------

BASE = {
    "title": "Senior ML Engineer",
    "company": "Acme",
    "role": "ml_engineer",
    "seniority": "senior",
    "is_ml": True,
    "remote": "remote",
    "country": None,
    "salary_min": None,
    "salary_max": 180000,
    "salary_currency": "USD",
    "salary_period": "year",
    "equity": False,
}


def test_title_is_exact_after_folding_case_spaces_and_punctuation():
    assert fold_title(" Sr. ML  Engineer, Search ") == fold_title("sr ml engineer search")
    assert fold_title("Backend Engineer (Python)") != fold_title("Backend Engineer")
    report = score(
        {"1": [{**BASE, "title": "senior ml engineer."}]}, [{"id": 1, "postings": [BASE]}]
    )
    assert report.scores["title"].correct == 1


def test_an_open_salary_is_labelled_and_must_match_its_open_end():
    labels = [{"id": 1, "postings": [BASE]}]  # "up to $180k": no min
    right = score({"1": [dict(BASE)]}, labels).scores["salary"]
    wrong = score({"1": [{**BASE, "salary_min": 180000}]}, labels).scores["salary"]
    assert (right.labelled, right.correct) == (1, 1)
    assert (wrong.predicted, wrong.correct) == (1, 0)


def test_skills_are_scored_only_where_labelled_and_countries_per_element():
    pred = {**BASE, "skills": ["pytorch", "go"], "countries": ["US", "CA"]}
    unjudged = score({"1": [pred]}, [{"id": 1, "postings": [{**BASE, "countries": ["US", "CA"]}]}])
    assert "skills" not in unjudged.scores
    assert unjudged.scores["countries"].correct == 2
    judged = score({"1": [pred]}, [{"id": 1, "postings": [{**BASE, "skills": ["pytorch"]}]}])
    assert (judged.scores["skills"].predicted, judged.scores["skills"].correct) == (2, 1)


def test_a_found_posting_with_a_wrong_title_still_scores_its_other_fields():
    report = score({"1": [{**BASE, "title": ""}]}, [{"id": 1, "postings": [BASE]}])
    assert report.scores["postings"].correct == 1
    assert report.scores["company"].correct == 1
    assert report.scores["title"].correct == 0


def test_without_the_recordings_the_real_set_says_what_to_run():
    run = subprocess.run(
        [sys.executable, "-m", "bench.accuracy", "--real", "/nonexistent"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "realdata-har.py" in run.stderr and "--real DIR" in run.stderr
