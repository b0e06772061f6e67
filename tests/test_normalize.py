"""normalize_posting / normalize_record over invented postings, table-driven."""

from __future__ import annotations

from typing import Any

import pytest

from pipelines.model import ExtractedPosting, Salary
from pipelines.normalize import normalize_posting, normalize_record

RAW = {"source": "test", "source_id": "1", "fetched_at": "2026-11-02T10:00:00+00:00"}


def norm(**fields: Any) -> dict[str, Any]:
    fields.setdefault("title", "Data Engineer")
    return normalize_posting(ExtractedPosting(**fields), RAW, 0, 1)


SKILL_CASES = [
    (
        "whole text when no section",
        dict(description="We use Python and dbt."),
        ["python", "dbt"],
    ),
    (
        "own section only",
        dict(description="Python, dbt. Also React for the frontend role.", skills_text="dbt"),
        ["dbt"],
    ),
    (
        "board tags mapped to canonical skills",
        dict(description="Build pipelines.", tags=["golang", "k8s", "digital nomad"]),
        ["go", "kubernetes"],
    ),
    (
        "the company's name is not a skill",
        dict(company="Kestrel Robotics", description="Kestrel Robotics builds drones. ROS 2."),
        ["ros"],
    ),
    (
        "a whole page's company story names no skill of the job",
        dict(
            title="People Operations Coordinator",
            company="Nimbusware",
            description="Nimbusware ships hardened Linux images for hospitals.\n\n"
            "We're looking for a coordinator who keeps our onboarding smooth.\n\n"
            "You are fluent in Excel and Workday.",
        ),
        ["excel"],
    ),
    (
        "a company story with a stated stack is kept",
        dict(
            title="Backend Engineer",
            description="We are a small team building route planning, written in Go.\n\n"
            "You will own our services.",
        ),
        ["go"],
    ),
    (
        "a field tagged on a non-technical job is not asked of it",
        dict(
            title="Events Marketing Lead",
            description="Plan our conferences in Excel.",
            tags=["security", "marketing"],
        ),
        ["excel"],
    ),
    (
        "a field tagged on a job its title names is",
        dict(title="Security Intern", description="Help the team.", tags=["security"]),
        ["security"],
    ),
    (
        "a board's category tag is not a skill",
        dict(description="Build search.", tags=["AI/ML", "python"]),
        ["python"],
    ),
    (
        "tags add to the text, without repeats",
        dict(description="We use Python.", tags=["python", "PyTorch"]),
        ["python", "pytorch"],
    ),
]


@pytest.mark.parametrize("name,fields,expected", SKILL_CASES, ids=[c[0] for c in SKILL_CASES])
def test_skills(name: str, fields: dict[str, Any], expected: list[str]) -> None:
    assert norm(**fields)["skills"] == expected


def _hn(text: str) -> dict[str, Any]:
    return {
        **RAW,
        "source": "hn_hiring",
        "record": {"id": 9, "created_at": "2026-11-02T10:00:00Z", "author": "x", "text": text},
    }


def test_multi_role_comment_gives_each_role_its_own_tools() -> None:
    text = (
        "Gannet Labs | Remote (US)<p>- Senior ML Engineer ($180k-$210k): PyTorch and Ray<br>"
        "- Frontend Engineer ($150k-$170k): React, TypeScript<p>Everyone writes Python."
    )
    postings = {p["title"]: p for p in normalize_record(_hn(text)).postings}
    assert postings["Senior ML Engineer"]["skills"] == ["pytorch", "ray", "python"]
    assert postings["Frontend Engineer"]["skills"] == ["react", "typescript", "python"]


def test_a_role_is_not_asked_for_the_tools_in_another_roles_title() -> None:
    """The comment's header lists the roles; "Elixir Developers" names a tool the front-end
    developers are not asked for."""
    text = (
        "Tern Bay | Elixir Developers | Front-end Developers | Remote (EU)<p>"
        "Full-time Elixir Developers and Front-end Developers.<p>We ship every day."
    )
    postings = {p["title"]: p for p in normalize_record(_hn(text)).postings}
    assert postings["Elixir Developers"]["skills"] == ["elixir"]
    assert postings["Front-end Developers"]["skills"] == []


def test_a_generic_role_is_not_named_by_another_roles_hiring_sentence() -> None:
    """The other role's hiring sentence ("also hiring data scientists") names no generic title."""
    text = (
        "Quillfern | Software Engineers, Data Scientists | Leeds, UK | Onsite<p>"
        "We build reading apps in Python and React.<p>"
        "We are also hiring data scientists and a copy editor."
    )
    postings = {p["title"]: p for p in normalize_record(_hn(text)).postings}
    assert postings["Software Engineers"]["role"] == "software_engineer"
    assert postings["Data Scientists"]["role"] == "data_scientist"


COUNTRY_CASES = [
    ("one city", dict(location_text="Berlin, Germany"), "DE"),
    ("remote limited to one country", dict(location_text="Remote (US)"), "US"),
    ("office or remote in the same country", dict(location_text="NYC or Remote (US)"), "US"),
    ("two countries named", dict(location_text="Amsterdam or Berlin"), None),
    ("remote in two countries", dict(location_text="Remote (US/Canada)"), None),
    ("office plus remote in a region", dict(location_text="Warsaw office or Remote (EU)"), None),
    ("remote in time zones", dict(location_text="Remote, US time zones"), None),
    (
        "structured remote scope of two countries",
        dict(location_text="Lisbon", structured_remote="remote", remote_text="Remote (PT or ES)"),
        None,
    ),
]


@pytest.mark.parametrize("name,fields,expected", COUNTRY_CASES, ids=[c[0] for c in COUNTRY_CASES])
def test_country(name: str, fields: dict[str, Any], expected: str | None) -> None:
    assert norm(**fields)["country"] == expected


# (name, posting fields, expected (salary_currency, salary_currency_uncertain))
CURRENCY_CASES = [
    (
        "bare $ in a US job",
        dict(location_text="Austin, TX", salary_text="$140k-$170k"),
        ("USD", False),
    ),
    (
        "bare $ in a Canadian job is CAD",
        dict(location_text="Toronto, Canada", salary_text="$140k-$170k"),
        ("CAD", False),
    ),
    (
        "bare $ and no place to read it from: USD, marked a guess",
        dict(location_text="Remote", salary_text="$140k-$170k"),
        ("USD", True),
    ),
    (
        "an explicit code is certain wherever the job is",
        dict(location_text="Remote", salary_text="US$140k-170k"),
        ("USD", False),
    ),
    ("no salary, no flag", dict(location_text="Remote", salary_text="DOE"), (None, None)),
]


@pytest.mark.parametrize("name,fields,expected", CURRENCY_CASES, ids=[c[0] for c in CURRENCY_CASES])
def test_salary_currency_uncertain(name: str, fields: dict[str, Any], expected: tuple) -> None:
    row = norm(**fields)
    assert (row["salary_currency"], row["salary_currency_uncertain"]) == expected


def test_implausible_pay_is_left_empty_with_its_words_kept() -> None:
    text = "USD 1500000-2000000 per year"
    typo = Salary(min=1_500_000, max=2_000_000, currency="USD", period="year", text=text)
    structured = norm(location_text="Austin, TX", structured_salary=typo)
    assert structured["salary_min"] is None and structured["salary_source"] is None
    assert structured["salary_rejected"] == "USD 1500000-2000000 per year"
    text = norm(location_text="Berlin", salary_text="€2.000 - €3.000 per hour")
    assert text["salary_min"] is None and text["salary_rejected"] == "€2.000 - €3.000 per hour"
    fine = norm(location_text="Austin, TX", salary_text="$140k-$170k")
    assert fine["salary_min"] == 140_000 and fine["salary_rejected"] is None


def test_a_cleaned_title_keeps_the_title_as_posted_for_dedupe() -> None:
    """Cleaning cuts the place a title repeats from its location; the posted title keeps it,
    so that dedupe can tell one job per state from one job posted in several."""
    from tests.builders import greenhouse_job

    def row(title: str) -> dict[str, Any]:
        job = greenhouse_job(4100, title, location={"name": "Ohio"})
        raw = {**RAW, "source": "greenhouse", "url": job["absolute_url"], "record": job}
        raw["context"] = {"board": "acmeml", "company": "Acme"}
        [posting] = normalize_record(raw).postings
        return posting

    cut = row("Licensed Therapist - Ohio")
    assert (cut["title"], cut["posted_title"]) == (
        "Licensed Therapist",
        "Licensed Therapist - Ohio",
    )
    kept = row("Data Engineer")
    assert (kept["title"], kept["posted_title"]) == ("Data Engineer", None)


def _greenhouse_row(
    title: str, location: str, metadata: list | None = None, body: str = ""
) -> dict:
    from tests.builders import greenhouse_job

    job = greenhouse_job(4200, title, location={"name": location}, metadata=metadata or [])
    job["content"] = f"&lt;p&gt;{body or 'We build things.'}&lt;/p&gt;"
    raw = {**RAW, "source": "greenhouse", "url": job["absolute_url"], "record": job}
    raw["context"] = {"board": "acmeml", "company": "Acme"}
    [posting] = normalize_record(raw).postings
    return posting


# (title as posted, location, custom fields, description, expected (title, remote))
TITLE_MODE_CASES = [
    ("Data Scientist (Onsite)", "Scottsdale, Arizona", None, "", ("Data Scientist", "onsite")),
    (
        "Lead Analyst (Hybrid/Toronto Based)",
        "Toronto, Canada",
        None,
        "",
        ("Lead Analyst", "hybrid"),
    ),
    (
        "Travel Consultant - Night Shift - Remote",
        "Birmingham, UK",
        None,
        "",
        ("Travel Consultant", "remote"),
    ),
    ("[部分遠端]客服專員", "Taipei, Taiwan", None, "", ("客服專員", "hybrid")),
    (
        "[遠端] Customer Service Specialist",
        "Taipei, Taiwan",
        None,
        "",
        ("Customer Service Specialist", "remote"),
    ),
    (
        "[部分遠端/輪班] 客服組長 Team Lead",  # the shift stays in the title, the mode is read
        "Taipei, Taiwan",
        None,
        "",
        ("[部分遠端/輪班] 客服組長 Team Lead", "hybrid"),
    ),
    ("[Remote] Account Manager", "Austin, TX", None, "", ("Account Manager", "remote")),
    (
        "Radio Engineer (Remote Eligible | Relocation Assistance Available)",
        "Boston, MA",
        None,
        "",
        ("Radio Engineer", "remote"),
    ),
    ("Physician (Atlanta, GA) Hybrid", "Atlanta, GA", None, "", ("Physician", "hybrid")),
    (
        "Medical Assistant - Tempe, AZ - Onsite",
        "Tempe, AZ",
        None,
        "",
        ("Medical Assistant", "onsite"),
    ),
    # the job's own fields state a mode: they win over the title's
    ("Data Scientist (Remote)", "Hybrid - London", None, "", ("Data Scientist", "hybrid")),
    (
        "Data Scientist (Onsite)",
        "Austin, TX",
        [{"name": "Workplace Type", "value": "Remote", "value_type": "single_select"}],
        "",
        ("Data Scientist", "remote"),
    ),
    # the title's mode wins over the description's words, which often describe the company
    (
        "Data Scientist (Hybrid)",
        "Austin, TX",
        None,
        "We are a remote-first company.",
        ("Data Scientist", "hybrid"),
    ),
    # an onsite title with some days away in the text, as an onsite location would be read
    (
        "Data Scientist (Onsite)",
        "Austin, TX",
        None,
        "You work 3 days a week in the office.",
        ("Data Scientist", "hybrid"),
    ),
    # words that stay in the title are the role's, not a mode
    ("Remote Sensing Scientist", "Austin, TX", None, "", ("Remote Sensing Scientist", "unknown")),
    ("Hybrid Cloud Architect", "Austin, TX", None, "", ("Hybrid Cloud Architect", "unknown")),
]


@pytest.mark.parametrize(
    "title,location,metadata,body,expected", TITLE_MODE_CASES, ids=[c[0] for c in TITLE_MODE_CASES]
)
def test_a_work_mode_cut_from_the_title_is_the_jobs_unless_its_fields_state_one(
    title: str, location: str, metadata: list | None, body: str, expected: tuple
) -> None:
    row = _greenhouse_row(title, location, metadata, body)
    assert (row["title"], row["remote"]) == expected


def test_a_remote_title_takes_its_scope_from_the_tag_or_the_location() -> None:
    tagged = _greenhouse_row("Backend Engineer (Remote) - UK", "London")
    assert (tagged["remote"], tagged["remote_scope"], tagged["country"]) == ("remote", ["GB"], "GB")
    located = _greenhouse_row("Backend Engineer (Remote)", "Canada")
    assert (located["remote"], located["remote_scope"]) == ("remote", ["CA"])


def test_a_company_named_like_a_mode_is_no_tag() -> None:
    """The company's name cut from the front of a board's title ("Hybrid Robotics Data
    Engineer") states no mode."""
    row = norm(
        title="Data Engineer",
        posted_title="Hybrid Robotics Data Engineer - Onsite",
        company="Hybrid Robotics",
        location_text="Austin, TX",
    )
    assert row["remote"] == "onsite"
