"""Every label file, invented (`tests/data/labels/*.yaml`) and real (`tests/data/labels/real/`),
is well formed: shape, unique ids, enumerations, ISO codes, known skills, sane salaries. These
checks need no recording, so a label typo fails here and not in the middle of a benchmark."""

from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from bench.accuracy import LABELS, REAL_LABELS
from pipelines.classify import ML_ROLES, ROLES, SENIORITIES
from pipelines.model import SALARY_PERIODS
from pipelines.skills import taxonomy
from sourcing.sources import SOURCES

REMOTE = ("remote", "hybrid", "onsite", "unknown")
POSTING_KEYS = {
    "title",
    "company",
    "role",
    "seniority",
    "is_ml",
    "remote",
    "country",
    "countries",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "equity",
    "skills",
}
# currency and period may be left out when there is no salary
REQUIRED = POSTING_KEYS - {"countries", "skills", "salary_currency", "salary_period"}
FILES = sorted(LABELS.glob("*.yaml")) + sorted(REAL_LABELS.glob("*.yaml"))


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _postings(path: Path):
    for record in _load(path)["records"]:
        for i, posting in enumerate(record.get("postings") or []):
            yield f"{path.name} {record['id']} #{i}", posting


def test_there_are_label_files():
    assert len(FILES) >= 9


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(LABELS)))
def test_file_shape(path):
    data = _load(path)
    assert data["source"] in SOURCES
    assert isinstance(data["records"], list) and data["records"]
    if path.parent == REAL_LABELS:
        # A file name inside the folder realdata-har.py writes, never a path into the project.
        assert data["har"].endswith(".har") and "/" not in data["har"]
    assert all(isinstance(v, str | int) for v in (data.get("args") or {}).values())
    for record in data["records"]:
        assert isinstance(record["offer"], bool), record["id"]
        assert isinstance(record.get("postings") or [], list), record["id"]
        if not record["offer"]:
            assert not record.get("postings"), f"{record['id']}: not an offer but has postings"
        if data["source"] == "hn_hiring":
            assert isinstance(record["thread"], int), record["id"]


def test_ids_unique_per_source():
    seen: dict[tuple[str, str, str], str] = {}
    for path in FILES:
        data = _load(path)
        kind = "real" if path.parent == REAL_LABELS else "invented"
        for record in data["records"]:
            key = (kind, data["source"], str(record["id"]))
            assert key not in seen, f"{key} in {seen.get(key)} and {path.name}"
            seen[key] = path.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(LABELS)))
def test_posting_fields(path):
    skills = set(taxonomy())
    for where, p in _postings(path):
        assert set(p) <= POSTING_KEYS, f"{where}: unknown keys {set(p) - POSTING_KEYS}"
        assert set(p) >= REQUIRED, f"{where}: missing {REQUIRED - set(p)}"
        # "" when a post hires without naming any role at all
        assert isinstance(p["title"], str) and p["title"].strip() == p["title"], where
        assert p["company"] is None or (isinstance(p["company"], str) and p["company"]), where
        assert p["role"] in ROLES, where
        assert p["seniority"] in SENIORITIES, where
        assert isinstance(p["is_ml"], bool), where
        if p["role"] in ML_ROLES or p["role"] == "data_engineer":
            assert p["is_ml"], f"{where}: an ML role that is not is_ml"
        if p["role"] == "other":
            assert not p["is_ml"], f"{where}: role other is never is_ml"
        assert p["remote"] in REMOTE, where
        assert isinstance(p["equity"], bool), where
        countries = p.get("countries")
        if countries is not None:
            assert len(countries) >= 2 and p["country"] is None, f"{where}: countries"
            assert len(set(countries)) == len(countries), where
        for code in [p["country"], *(countries or [])]:
            if code is not None:
                assert isinstance(code, str), f"{where}: {code!r} (quote NO: YAML reads it false)"
                assert pycountry.countries.get(alpha_2=code), f"{where}: country {code!r}"
        assert set(p.get("skills") or []) <= skills, f"{where}: {set(p['skills']) - skills}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(LABELS)))
def test_salaries(path):
    for where, p in _postings(path):
        low, high = p["salary_min"], p["salary_max"]
        if low is None and high is None:
            assert p.get("salary_currency") is None and p.get("salary_period") is None, where
            continue
        assert all(v is None or (isinstance(v, int | float) and v > 0) for v in (low, high))
        assert low is None or high is None or low <= high, f"{where}: min > max"
        assert pycountry.currencies.get(alpha_3=p["salary_currency"] or ""), where
        assert p["salary_period"] in SALARY_PERIODS, where
