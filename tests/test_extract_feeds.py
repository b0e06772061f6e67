"""Extractors of "arbeitnow", "himalayas", "jobicy", "getonboard", "smartrecruiters",
"recruitee", "workable" and "personio": their structured fields, German, Spanish and
Portuguese text, and malformed records."""

from datetime import UTC, datetime

import pytest

from pipelines.extract.arbeitnow import extract_arbeitnow
from pipelines.extract.getonboard import extract_getonboard
from pipelines.extract.himalayas import extract_himalayas
from pipelines.extract.jobicy import extract_jobicy
from pipelines.extract.personio import extract_personio
from pipelines.extract.recruitee import extract_recruitee
from pipelines.extract.smartrecruiters import extract_smartrecruiters
from pipelines.extract.workable import extract_workable
from pipelines.normalize import normalize_record
from tests.builders import (
    arbeitnow_job,
    getonboard_job,
    himalayas_job,
    jobicy_job,
    recruitee_offer,
    smartrecruiters_detail,
    smartrecruiters_posting,
    workable_job,
)

FETCHED = "2026-11-20T09:30:00+00:00"


def normalized(source, record, context=None):
    raw = {
        "source": source,
        "source_id": "1",
        "url": None,
        "fetched_at": FETCHED,
        "record": record,
        "context": context or {},
    }
    result = normalize_record(raw)
    assert result.skip_reason is None, result.skip_reason
    return result.postings[0]


# --- arbeitnow ----------------------------------------------------------------------------------


def test_arbeitnow_reads_its_escaped_german_html_and_the_pay_in_it():
    job = arbeitnow_job(
        "ki-1",
        "Senior Data Scientist (m/w/d)",
        location="München, Bayern",
        description="&lt;p&gt;Modelle mit PyTorch &amp;amp; scikit-learn.&lt;/p&gt;"
        "&lt;p&gt;Gehalt: 72.000 – 88.000 € brutto jährlich&lt;/p&gt;",
    )
    posting = extract_arbeitnow(job, {}).postings[0]
    assert "<p>" not in posting.description and "PyTorch" in posting.description
    row = normalized("arbeitnow", job)
    assert (row["country"], row["seniority"], row["role"]) == ("DE", "senior", "data_scientist")
    assert (row["salary_min"], row["salary_max"], row["salary_currency"]) == (72000, 88000, "EUR")
    assert row["salary_period"] == "year" and row["salary_source"] == "text"
    assert {"pytorch", "scikit-learn"} <= set(row["skills"])
    assert row["posted_at"] == datetime(2026, 11, 18, 8, 0, tzinfo=UTC)


def test_arbeitnow_remote_flag_is_remote_and_false_leaves_it_to_the_words():
    assert extract_arbeitnow(arbeitnow_job("a", "x", remote=True), {}).postings[0].structured_remote
    hybrid = arbeitnow_job("b", "ML Engineer", remote=False, description="Hybrid: 3 Tage Büro.")
    assert extract_arbeitnow(hybrid, {}).postings[0].structured_remote is None


@pytest.mark.parametrize("title", [None, "", "   "])
def test_arbeitnow_a_job_without_title_is_skipped(title):
    assert extract_arbeitnow(arbeitnow_job("x", title), {}).skip_reason == "empty"


# --- himalayas ----------------------------------------------------------------------------------


def test_himalayas_structured_pay_level_and_countries():
    job = himalayas_job(
        "ml",
        "Ingeniero de Machine Learning",
        minSalary=4000,
        maxSalary=5500,
        currency="USD",
        salaryPeriod="monthly",
        seniority=["Senior"],
        locationRestrictions=["Mexico", "Colombia"],
    )
    row = normalized("himalayas", job)
    assert (row["salary_min"], row["salary_max"], row["salary_period"]) == (4000, 5500, "month")
    assert row["salary_source"] == "structured" and row["salary_max_usd"] == 66000
    assert row["seniority"] == "senior" and row["role"] == "ml_engineer"
    assert row["remote"] == "remote" and set(row["remote_scope"]) == {"MX", "CO"}
    assert row["country"] is None and row["countries"] == ["MX", "CO"]
    assert row["region"] == "Latin America"


def test_himalayas_hourly_pay_and_entry_level():
    job = himalayas_job(
        "l",
        "Anotador de Datos",
        minSalary=18,
        maxSalary=25,
        salaryPeriod="hourly",
        seniority=["Entry-level"],
        locationRestrictions=["Brazil"],
    )
    row = normalized("himalayas", job)
    assert (row["salary_period"], row["seniority"], row["country"]) == ("hour", "junior", "BR")


def test_himalayas_no_pay_and_an_unknown_period_give_no_salary():
    assert extract_himalayas(himalayas_job("a", "x"), {}).postings[0].structured_salary is None
    odd = himalayas_job("b", "x", minSalary=5000, maxSalary=5000, salaryPeriod="one-time")
    assert extract_himalayas(odd, {}).postings[0].structured_salary is None


def test_himalayas_a_title_that_states_a_level_wins_over_the_field():
    job = himalayas_job("s", "Staff Data Scientist", seniority=["Mid-level"])
    assert normalized("himalayas", job)["seniority"] == "staff"


# --- jobicy -------------------------------------------------------------------------------------


def test_jobicy_structured_brl_monthly_pay_and_portuguese_title():
    job = jobicy_job(
        1,
        "Engenheiro(a) de Dados Sênior",
        jobGeo="Brazil",
        jobLevel="Senior",
        salaryMin=16000,
        salaryMax=21000,
        salaryCurrency="BRL",
        salaryPeriod="monthly",
        jobDescription="<p>Pipelines com Airflow e Spark.</p>",
    )
    row = normalized("jobicy", job)
    assert (row["salary_currency"], row["salary_period"]) == ("BRL", "month")
    assert row["country"] == "BR" and row["role"] == "data_engineer"
    assert row["seniority"] == "senior" and {"airflow", "spark"} <= set(row["skills"])


def test_jobicy_geo_list_is_a_remote_scope_and_any_level_says_nothing():
    job = jobicy_job(2, "Científico de Datos", jobGeo="LATAM,  Spain", jobLevel="Any")
    posting = extract_jobicy(job, {}).postings[0]
    assert posting.location_text == "LATAM, Spain"
    assert posting.structured_seniority is None
    row = normalized("jobicy", job)
    assert row["remote"] == "remote" and "ES" in row["remote_scope"]
    assert row["country"] is None


def test_jobicy_pay_only_in_the_text_is_read_from_it():
    job = jobicy_job(3, "AI Engineer", jobDescription="<p>Base salary $150,000 – $175,000.</p>")
    row = normalized("jobicy", job)
    assert (row["salary_min"], row["salary_source"]) == (150000, "text")


# --- smartrecruiters ----------------------------------------------------------------------------


def sr_detail(**fields):
    posting = smartrecruiters_posting("744000000000001", "Cientista de Dados Sênior", **fields)
    return smartrecruiters_detail(
        posting,
        jobDescription="<ul><li>Modelos com Python e XGBoost.</li></ul>",
        additionalInformation="<p>Salário: R$ 18.000 a R$ 23.000 por mês (CLT).</p>",
    )


def test_smartrecruiters_reads_the_job_ad_sections_and_location():
    record = sr_detail(
        location={
            "city": "São Paulo",
            "region": "SP",
            "country": "br",
            "remote": False,
            "hybrid": True,
            "fullLocation": "São Paulo, SP, Brazil",
        },
        company="VinhedoDados",
        name="Vinhedo Dados S.A.",
    )
    row = normalized("smartrecruiters", record, {"board": "VinhedoDados", "company": None})
    assert row["company"] == "Vinhedo Dados S.A."
    assert (row["country"], row["region"], row["remote"]) == ("BR", "Latin America", "hybrid")
    assert (row["salary_min"], row["salary_currency"], row["salary_period"]) == (
        18000,
        "BRL",
        "month",
    )
    assert {"python", "xgboost"} <= set(row["skills"])
    assert row["seniority"] == "senior"
    assert row["canonical_url"] == "smartrecruiters:744000000000001"
    assert row["posted_at"] == datetime(2026, 11, 17, 8, 15, tzinfo=UTC)


def test_smartrecruiters_a_list_entry_without_its_detail_still_loads():
    posting = smartrecruiters_posting("744000000000002", "Werkstudent Data Science (m/w/d)")
    extraction = extract_smartrecruiters(posting, {"board": "AcmeML"})
    assert extraction.postings[0].description == ""
    assert extraction.postings[0].countries == ["DE"]
    assert normalized("smartrecruiters", posting)["seniority"] == "intern"


@pytest.mark.parametrize(
    "level, expected", [("internship", "intern"), ("mid_senior_level", None), (None, None)]
)
def test_smartrecruiters_experience_levels(level, expected):
    record = sr_detail(experienceLevel={"id": level, "label": "x"} if level else None)
    record["name"] = "Analista"
    assert extract_smartrecruiters(record, {}).postings[0].structured_seniority == expected


def test_smartrecruiters_a_posting_without_a_name_is_skipped():
    assert extract_smartrecruiters({"id": "1", "name": None}, {}).skip_reason == "empty"


# --- recruitee ----------------------------------------------------------------------------------


def test_recruitee_structured_pay_workplace_and_country():
    offer = recruitee_offer(
        1,
        "Científico de Datos Senior",
        location="Valencia, España",
        country_code="ES",
        remote=False,
        hybrid=True,
        on_site=False,
        salary={"min": "48000", "max": "60000", "currency": "EUR", "period": "year"},
        description="<p>Modelos con Python y LightGBM.</p>",
    )
    row = normalized("recruitee", offer, {"board": "acme", "company": None})
    assert row["company"] == "Acme B.V."
    assert (row["country"], row["remote"], row["seniority"]) == ("ES", "hybrid", "senior")
    assert (row["salary_min"], row["salary_max"], row["salary_source"]) == (
        48000,
        60000,
        "structured",
    )
    assert row["posted_at"] == datetime(2026, 11, 12, 9, 0, tzinfo=UTC)
    assert row["canonical_url"] == "recruitee:cientifico-de-datos-senior"


def test_recruitee_empty_pay_placeholders_leave_pay_to_the_text():
    offer = recruitee_offer(
        2, "ML Engineer", requirements="<p>Gehalt: 68.000 – 82.000 € brutto jährlich.</p>"
    )
    assert extract_recruitee(offer, {}).postings[0].structured_salary is None
    assert normalized("recruitee", offer)["salary_source"] == "text"


# --- workable -----------------------------------------------------------------------------------


def test_workable_locations_telecommuting_and_level():
    job = workable_job(
        "AB12", "Pasante de Machine Learning", experience="Internship", telecommuting=True
    )
    posting = extract_workable(job, {"company": "Cerro Azul AI"}).postings[0]
    assert posting.countries == ["ES"] and posting.structured_remote == "remote"
    assert posting.structured_seniority == "intern"
    assert posting.location_text == "Madrid, Comunidad de Madrid, Spain"


def test_workable_hidden_locations_are_not_read_and_a_bare_job_falls_back():
    job = workable_job(
        "CD34",
        "Data Engineer",
        locations=[{"country": "Chile", "countryCode": "CL", "city": "Santiago", "hidden": True}],
    )
    posting = extract_workable(job, {}).postings[0]
    assert (
        posting.countries == ["ES"]
        and posting.location_text == "Madrid, Comunidad de Madrid, Spain"
    )


# --- personio -----------------------------------------------------------------------------------


def test_personio_sections_offices_keywords_and_german_pay():
    position = {
        "id": "1",
        "subcompany": "Hafenblick Data GmbH",
        "office": "Hamburg",
        "additionalOffices": ["Bremen"],
        "name": "Senior Data Engineer (m/w/d)",
        "seniority": "experienced",
        "keywords": "Python, Spark,,Databricks",
        "createdAt": "2026-11-17T08:30:00+00:00",
        "jobDescriptions": [
            {"name": "Deine Aufgaben", "value": "<p>Lakehouse mit Databricks.</p>"},
            {"name": "Was wir bieten", "value": "<p>Jahresgehalt 75.000 € bis 90.000 €.</p>"},
        ],
    }
    posting = extract_personio(position, {}).postings[0]
    assert posting.location_text == "Hamburg; Bremen"
    assert posting.tags == ["Python", "Spark", "Databricks"]
    assert posting.structured_seniority is None  # "experienced" names no one level
    row = normalized("personio", position)
    assert (row["company"], row["country"], row["seniority"]) == (
        "Hafenblick Data GmbH",
        "DE",
        "senior",
    )
    assert (row["salary_min"], row["salary_currency"]) == (75000, "EUR")


def test_personio_student_positions_are_internships():
    position = {"id": "2", "name": "Werkstudent Data", "seniority": "student"}
    assert extract_personio(position, {}).postings[0].structured_seniority == "intern"


# --- getonboard ---------------------------------------------------------------------------------


def test_getonboard_pay_is_monthly_usd_and_company_comes_from_the_expansion():
    job = getonboard_job(
        "x",
        "Ingeniero de Machine Learning",
        company_name="Ocelote Labs",
        country="Mexico",
        tenant_city="Ciudad de México",
        remote_modality="hybrid",
        min_salary=4500,
        max_salary=6000,
        seniority={"data": {"id": 4, "type": "seniority"}},
    )
    row = normalized("getonboard", job)
    assert row["company"] == "Ocelote Labs"
    assert (row["salary_currency"], row["salary_period"], row["salary_max_usd"]) == (
        "USD",
        "month",
        72000,
    )
    assert (row["country"], row["remote"], row["seniority"]) == ("MX", "hybrid", "senior")
    assert row["url"] == "https://www.getonbrd.com/jobs/x"


def test_getonboard_portuguese_pay_in_the_text_when_none_is_structured():
    job = getonboard_job(
        "y",
        "Engenheiro de Dados Pleno",
        country="Brazil",
        remote_modality="remote_local",
        description="<p>Salário: R$ 12.000 a R$ 15.000 por mês (CLT).</p>",
    )
    row = normalized("getonboard", job)
    assert (row["salary_currency"], row["salary_source"], row["remote"]) == (
        "BRL",
        "text",
        "remote",
    )


@pytest.mark.parametrize("record", [{}, {"attributes": None}, {"attributes": {"title": " "}}])
def test_getonboard_a_job_without_attributes_or_title_is_skipped(record):
    assert extract_getonboard(record, {}).skip_reason == "empty"
