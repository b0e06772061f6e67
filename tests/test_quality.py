"""Data quality: each anomaly kind on invented rows, the shares filled per source, and the
`data_quality` table, checks, summary and report section of the bundled sample."""

import duckdb
import pytest

from pipelines.quality import (
    anomalies,
    data_quality,
    is_header_tags,
    is_place,
    mixed_company_postings,
)
from warehouse.report import write_report
from warehouse.summary import summarize


def row(source="hn_hiring", source_id="1", title="Data Engineer", company="Quill Metrics", **kw):
    return {
        "source": source,
        "source_id": source_id,
        "role_index": kw.pop("role_index", 0),
        "title": title,
        "company": company,
        "location_text": None,
        "country": None,
        "countries": [],
        "remote": "unknown",
        "seniority": "unknown",
        "salary_min": None,
        "salary_currency": None,
        "salary_min_usd": None,
        "salary_max_usd": None,
        "salary_rejected": None,
        "posted_at": None,
        "skills": [],
        "url": None,
        "description": "",
        **kw,
    }


@pytest.mark.parametrize(
    "text", ["San Francisco, CA", "London, UK", "Bellevue, WA", "SF Bay Area", "Paris and Berlin"]
)
def test_a_company_that_is_a_place(text):
    assert is_place(text)


@pytest.mark.parametrize(
    "text", ["Boston Dynamics", "Canada Goose", "Mitte", "Stripe", "Scribd, San Francisco", ""]
)
def test_a_company_name_with_or_like_a_place_is_a_name(text):
    assert not is_place(text)


@pytest.mark.parametrize(
    "title, tags",
    [
        ("VISA, REMOTE, INTERNS", True),
        ("Full Time, ONSITE, INTERNS", True),
        ("INTERN OK", True),
        ("Intern", False),  # may be the role
        ("INTERNS", False),  # "Software Engineer, INTERNS": the role of a header's list
        ("Internships", False),
        ("Internship, Onsite", True),
        ("Remote Data Engineer", False),
        ("", False),
    ],
)
def test_a_title_made_of_header_tags(title, tags):
    assert is_header_tags(title) is tags


def kinds(rows, postings=(), links=()):
    return anomalies(data_quality(list(rows), list(postings), list(links)))


def test_each_anomaly_kind_is_counted_once_per_row():
    rows = [
        row(source_id="1", company="San Francisco, CA"),
        row(source_id="2", company="jobs@quill.example"),
        row(source_id="3", company="https://quill.example/jobs"),
        row(source_id="4", company="March 2018"),
        row(source_id="5", title="", description="Quill | Senior Data Engineer | Remote\nWe..."),
        row(source_id="6", title="", description="Quill | Remote | we ship things\nMore."),
        row(source_id="7", title="ONSITE, VISA"),
        row(source_id="8", salary_min_usd=1_200.0, salary_max_usd=1_500.0),
        row(source_id="9", salary_min_usd=90_000.0, salary_max_usd=2_000_000.0),
        row(source_id="10", salary_rejected="$10B"),
        row(source_id="11", salary_min_usd=120_000.0, salary_max_usd=150_000.0),
    ]
    assert kinds(rows) == {
        "salary_out_of_bounds": 2,
        "salary_rejected": 1,
        "company_is_place": 1,
        "company_is_email": 1,
        "company_is_url": 1,
        "company_is_date": 1,
        "empty_title_names_role": 1,
        "title_is_header_tag": 1,
        "posting_mixed_companies": 0,
    }


def test_a_posting_of_two_companies_is_found():
    rows = [
        row("greenhouse", "1", company="Quill Metrics, Inc."),
        row("remoteok", "2", company="Quill Metrics"),
        row("hn_hiring", "3", company="Boreal Vision"),
    ]
    links = [{**r, "posting_id": "p1"} for r in rows]  # all three in one posting
    assert mixed_company_postings(rows, links) == ["p1"]
    apart = [links[0], links[1], {**links[2], "posting_id": "p2"}]
    assert mixed_company_postings(rows, apart) == []  # Quill's two names are one company
    quality = data_quality(rows, [{"posting_id": "p1"}, {"posting_id": "p2"}], links)
    mixed = next(q for q in quality if q["kind"] == "posting_mixed_companies")
    assert (mixed["count"], mixed["total"], mixed["share"]) == (1, 2, 0.5)


def test_share_filled_per_source_and_over_all():
    rows = [
        row("greenhouse", "1", location_text="Berlin", remote="onsite", skills=["python"]),
        row("greenhouse", "2", location_text=None, remote="unknown"),
        row("hn_hiring", "3", company=None, location_text="Remote", remote="remote"),
    ]
    quality = {(q["source"], q["field"], q["kind"]): q for q in data_quality(rows, [], [])}
    assert quality[("greenhouse", "location_text", "filled")]["share"] == 0.5
    assert quality[("greenhouse", "remote", "filled")]["count"] == 1  # "unknown" is empty
    assert quality[("greenhouse", "skills", "filled")]["count"] == 1
    assert quality[("all", "company", "filled")]["count"] == 2
    assert quality[("all", "company", "filled")]["total"] == 3


def test_the_sample_warehouse_has_its_data_quality_and_shows_it(sample_data, tmp_path):
    db = sample_data / "sourcing.duckdb"
    con = duckdb.connect(str(db), read_only=True)
    try:
        sources = {r[0] for r in con.execute("SELECT DISTINCT source FROM data_quality").fetchall()}
        filled, total = con.execute(
            "SELECT count, total FROM data_quality"
            " WHERE source = 'all' AND field = 'title' AND kind = 'filled'"
        ).fetchone()
        rows = con.execute("SELECT count(*) FROM normalized_postings").fetchone()[0]
    finally:
        con.close()
    assert {"all", "greenhouse", "hn_hiring", "remoteok"} <= sources
    assert total == rows and 0 < filled <= total
    summary = summarize(db)
    assert set(summary.quality) >= {"company_is_place", "posting_mixed_companies"}
    assert summary.quality["posting_mixed_companies"] == 0
    report = write_report(db, tmp_path / "report.html")
    assert "id='data-quality'" in report.html
    assert "company is a place" in report.html
