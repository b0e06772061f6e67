"""Every regular expression that reads untrusted text must run in linear time.

Each case feeds one public entry point a long hostile text (50,000 characters of a pattern
that makes a backtracking regex try every start and every split). A linear scan takes
milliseconds; a quadratic one takes tens of seconds at this size, so the generous budget
below cannot be missed by a slow machine, only by a regex that backtracks.

The probe also covers what once backtracked elsewhere: spelled-out addresses ("k k k …") in
the candidates extractor, a number run ("1,1,1,…") in the Hacker News salary cue, and HTML of
many unclosed tags ("<a<a<a…"), which the standard library's html.parser rescans from every "<"
unless `pipelines.text` escapes such runs first.
"""

from __future__ import annotations

import time

import pytest

from pipelines.extract.candidates import extract_candidate
from pipelines.normalize import normalize_record
from pipelines.skills import extract_skills
from tests.fault_server import note

N = 50_000
BUDGET_S = 3.0  # linear: < 0.3 s at N; quadratic: > 30 s

HOSTILE = {
    "word after @": "write to a@" + "x" * N,
    "one long word": "x" * N,
    "dotted word": "a." * (N // 2),
    "hyphens": "a-" * (N // 2),
    "long link": "https://" + "a" * N,
    "angle brackets": "<a" * (N // 2),
    "spaced letters": "k " * (N // 2),
    "number run": "1," * (N // 2),
}


def _hn(source: str, text: str) -> dict:
    return {
        "source": source,
        "source_id": "1",
        "url": "https://news.ycombinator.com/item?id=1",
        "fetched_at": "2026-11-01T00:00:00+00:00",
        "record": {"author": "someone", "id": 1, "text": text},
        "context": {"month": "2026-11", "thread_id": 9},
    }


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Load the gazetteer, taxonomy and caches once, outside the measured calls."""
    normalize_record(_hn("hn_hiring", "Acme | ML Engineer | Berlin, Germany | Python"))
    extract_candidate(_hn("hn_wants", "SEEKING WORK | Remote | Python")["record"])


def _elapsed(call, *args) -> float:
    start = time.perf_counter()
    call(*args)
    took = time.perf_counter() - start
    note(f"{N:,}-char hostile text → {call.__name__}", inputs=1, rows_lost=0, seconds=took)
    return took


@pytest.mark.parametrize("name", HOSTILE)
def test_skills_scan_is_linear(name):
    assert _elapsed(extract_skills, "Python, PyTorch. " + HOSTILE[name]) < BUDGET_S


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hiring_comment_is_normalized_in_linear_time(name):
    raw = _hn("hn_hiring", "Acme | ML Engineer | Remote<p>" + HOSTILE[name])
    assert _elapsed(normalize_record, raw) < BUDGET_S


@pytest.mark.parametrize("name", HOSTILE)
def test_a_board_posting_is_normalized_in_linear_time(name):
    raw = {
        "source": "greenhouse",
        "source_id": "1",
        "url": "https://boards.greenhouse.io/acme/jobs/1",
        "fetched_at": "2026-11-01T00:00:00+00:00",
        "record": {
            "title": "ML Engineer",
            "content": HOSTILE[name],
            "absolute_url": "https://boards.greenhouse.io/acme/jobs/1",
            "location": {"name": HOSTILE[name][:500]},
        },
        "context": {"board": "acme"},
    }
    assert _elapsed(normalize_record, raw) < BUDGET_S


@pytest.mark.parametrize("name", HOSTILE)
def test_a_candidate_post_is_read_in_linear_time(name):
    record = _hn("hn_wants", "SEEKING WORK | Remote | Python<p>" + HOSTILE[name])["record"]
    assert _elapsed(extract_candidate, record) < BUDGET_S
