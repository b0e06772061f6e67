"""Accuracy floors on the labelled evaluation set: a parser change that makes the data worse
fails here. The figures themselves are printed by `python -m bench.accuracy`."""

import pytest

from bench.accuracy import evaluate, load_labels

# field → (minimum precision, minimum recall) over every labelled record
FLOORS = {
    "postings": (0.95, 0.90),
    "company": (0.93, 0.90),
    "remote": (0.95, 0.90),
    "country": (0.90, 0.88),
    "salary": (0.95, 0.80),
    "role": (0.90, 0.88),
    "is_ml": (0.93, 0.90),
}


@pytest.fixture(scope="module")
def report():
    return evaluate(load_labels())["all"]


@pytest.mark.parametrize("field", FLOORS)
def test_accuracy_floor(report, field):
    precision, recall = FLOORS[field]
    score = report.scores[field]
    assert score.precision >= precision, report.misses.get(field)
    assert score.recall >= recall, report.misses.get(field)
