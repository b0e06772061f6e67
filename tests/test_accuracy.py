"""Accuracy floors on the labelled evaluation set: a parser change that makes the data worse
fails here. The figures themselves are printed by `python -m bench.accuracy`."""

import pytest

from bench.accuracy import evaluate, load_labels

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
