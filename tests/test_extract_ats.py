"""The Greenhouse, Lever and Ashby extractors and their shared helpers: table-driven."""

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pipelines.extract.ashby import extract_ashby
from pipelines.extract.ats import country_code, structured_salary, workplace
from pipelines.extract.greenhouse import (
    custom_fields,
    extract_greenhouse,
    metadata_equity,
    metadata_pay,
    metadata_workplace,
    pay_field_kind,
)
from pipelines.extract.lever import extract_lever
from pipelines.model import Salary
from pipelines.normalize import extractor, normalize_record
from tests.builders import ashby_compensation, ashby_job, greenhouse_job, lever_posting

CTX = {"board": "acmeml", "company": "Acme Machine Learning", "careers_url": None}
NO_NAME = {"board": "acmeml", "company": None, "careers_url": None}
EST = timezone(timedelta(hours=-5))


def usd_year(lo, hi, currency="USD", period="year", text=None):
    figures = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    return Salary(lo, hi, currency, period, text or f"{currency} {figures} per {period}")


def gh_pay(unit, lo, hi, name="Posted Salary Range", kind="currency_range"):
    return [
        {
            "id": 9,
            "name": name,
            "value": {"unit": unit, "max_value": hi, "min_value": lo},
            "value_type": kind,
        }
    ]


def gh_content(html):
    return (
        html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


PAY_BLOCK = (
    '<div class="content-pay-transparency"><div class="pay-input"><div class="description">'
    '<p>Depends on level.</p></div><div class="title">US base salary</div>'
    '<div class="pay-range"><span>$140,000</span><span class="divider">&mdash;</span>'
    "<span>$175,000 USD</span></div></div></div>"
)


# --- shared helpers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "currency", "period", "expected"),
    [
        ("150000.0", "200000.0", "USD", "year", usd_year(150000, 200000)),
        (200000, 150000, "usd", "year", usd_year(150000, 200000)),  # swapped, lower-case code
        ("0.0", "0.0", None, "year", None),  # Greenhouse placeholder
        (0, 0, "USD", "year", None),
        (None, None, "USD", "year", None),
        ("", "n/a", "USD", "year", None),
        ("0.0", "120000.0", "EUR", "year", usd_year(120000, 120000, "EUR")),  # one real figure
        (85, 110, "USD", "year", usd_year(85, 110, period="hour")),  # hourly in an annual field
        (3000, 4000, "USD", "year", None),  # a month? a week? dropped, never annual
        (750000, 950000, "NOK", "year", usd_year(750000, 950000, "NOK")),
        (
            9000000,
            14000000,
            "JPY",
            "year",
            usd_year(9e6, 14e6, "JPY", text="JPY 9000000-14000000 per year"),
        ),
        (35000, 45000, "PHP", "month", usd_year(35000, 45000, "PHP", "month")),
        (45, 55, "USD", "hour", usd_year(45, 55, period="hour")),
        (120000, 150000, "USD", "fortnight", usd_year(120000, 150000)),  # unknown → year
    ],
)
def test_structured_salary(low, high, currency, period, expected):
    assert structured_salary(low, high, currency, period) == expected


def test_structured_salary_without_currency_is_marked_uncertain():
    salary = structured_salary("205000.0", "225000.0", None, "year")
    assert salary == Salary(205000, 225000, None, "year", "205000-225000 per year", True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("US", "US"),
        ("GB", "GB"),
        ("DEU", "DE"),
        ("United States", "US"),
        ("Japan", "JP"),
        ("European Union", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_country_code(value, expected):
    assert country_code(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("remote", "remote"),
        ("Remote", "remote"),
        ("hybrid", "hybrid"),
        ("OnSite", "onsite"),
        ("on-site", "onsite"),
        ("onsite", "onsite"),
        ("unspecified", None),
        (None, None),
        ("", None),
    ],
)
def test_workplace(value, expected):
    assert workplace(value) == expected


def test_the_extractors_are_registered():
    assert extractor("greenhouse") is extract_greenhouse
    assert extractor("lever") is extract_lever
    assert extractor("ashby") is extract_ashby


# --- Greenhouse ----------------------------------------------------------------------------


GREENHOUSE_CASES = [
    (
        "placeholder pay is ignored; the pay-transparency block becomes salary_text",
        greenhouse_job(
            1,
            " Data Scientist, Growth ",
            content=gh_content(f"<p>Python &amp; SQL, don&#39;t worry.</p>{PAY_BLOCK}"),
        ),
        CTX,
        {
            "title": "Data Scientist, Growth",
            "company": "Acme Machine Learning",
            "structured_salary": None,
            "salary_text": "US base salary: $140,000 — $175,000 USD",
            "description": "Python & SQL, don't worry.\n\nDepends on level.\n\nUS base salary\n\n"
            "$140,000—$175,000 USD",
        },
    ),
    (
        "real metadata pay wins over the text; offices are not needed when location is set",
        greenhouse_job(
            2,
            "ML Engineer",
            metadata=gh_pay("USD", "185000.0", "245000.0"),
            content=gh_content(PAY_BLOCK),
        ),
        CTX,
        {
            "structured_salary": usd_year(185000, 245000),
            "salary_text": None,
            "location_text": "Berlin, Germany",
        },
    ),
    (
        "hourly metadata pay, a single currency figure, bonus fields ignored",
        greenhouse_job(
            3,
            "Data Engineer (Contract)",
            metadata=[
                *gh_pay("USD", "20000.0", "30000.0", name="Bonus target"),
                {
                    "id": 5,
                    "name": "Hourly rate",
                    "value": {"unit": "USD", "amount": "95.0"},
                    "value_type": "currency",
                },
            ],
        ),
        CTX,
        {"structured_salary": usd_year(95, 95, period="hour", text="USD 95 per hour")},
    ),
    (
        "no company in the board list: Greenhouse's own company_name; times keep their offset",
        greenhouse_job(4, "Designer", location={"name": "Barcelona, Spain "}),
        NO_NAME,
        {
            "company": "Acme ML",
            "location_text": "Barcelona, Spain",
            "posted_at": datetime(2026, 11, 1, 9, 30, tzinfo=EST),
            "url": "https://job-boards.greenhouse.io/acmeml/jobs/4",
            "apply_url": None,
            "countries": [],
            "structured_remote": None,
        },
    ),
    (
        "an empty location name falls back to the offices; no first_published → updated_at",
        greenhouse_job(
            5,
            "Analyst",
            location={"name": ""},
            first_published=None,
            offices=[
                {
                    "id": 1,
                    "name": "Lisbon",
                    "location": "Portugal",
                    "child_ids": [],
                    "parent_id": None,
                },
                {
                    "id": 2,
                    "name": "Remote - EU",
                    "location": None,
                    "child_ids": [],
                    "parent_id": None,
                },
            ],
        ),
        CTX,
        {
            "location_text": "Lisbon; Remote - EU",
            "posted_at": datetime(2026, 11, 2, 10, 0, tzinfo=EST),
        },
    ),
    (
        "links of the content; a job without content has an empty description",
        greenhouse_job(
            6, "SRE", content=gh_content('<p><a href="https://acme.example/eng">blog</a></p>')
        ),
        CTX,
        {"urls": ["https://acme.example/eng"], "description": "blog"},
    ),
    (
        "no content field at all (boards read without content=true)",
        {k: v for k, v in greenhouse_job(7, "QA Engineer").items() if k != "content"},
        CTX,
        {"description": "", "urls": [], "salary_text": None},
    ),
]


@pytest.mark.parametrize(("case", "record", "context", "expected"), GREENHOUSE_CASES)
def test_greenhouse(case, record, context, expected):
    (posting,) = extract_greenhouse(record, context).postings
    assert {k: getattr(posting, k) for k in expected} == expected, case


def test_greenhouse_job_without_title_is_skipped():
    assert extract_greenhouse(greenhouse_job(1, ""), CTX).skip_reason == "empty"


# --- Lever ---------------------------------------------------------------------------------


LEVER_CASES = [
    (
        "salaryRange, workplaceType, country, createdAt, URLs, all locations",
        lever_posting(
            "p-1",
            "Machine Learning Engineer",
            salaryRange={
                "currency": "USD",
                "interval": "per-year-salary",
                "min": 160000,
                "max": 210000,
            },
            salaryDescriptionPlain="The base salary range is $160,000 - $210,000.",
            categories={
                "commitment": "Full-time",
                "department": "Eng",
                "location": "Seattle, WA",
                "team": "ML",
                "allLocations": ["Seattle, WA", "Remote - US", "Seattle, WA"],
            },
            workplaceType="remote",
            country="US",
        ),
        CTX,
        {
            "title": "Machine Learning Engineer",
            "company": "Acme Machine Learning",
            "structured_salary": usd_year(160000, 210000),
            "salary_text": None,
            "structured_remote": "remote",
            "countries": ["US"],
            "location_text": "Seattle, WA; Remote - US",
            "posted_at": datetime(2026, 10, 28, 7, 0, tzinfo=UTC),
            "url": "https://jobs.lever.co/acmeml/p-1",
            "apply_url": "https://jobs.lever.co/acmeml/p-1/apply",
        },
    ),
    (
        "monthly and hourly intervals; company falls back to the board token",
        lever_posting(
            "p-2",
            "Support",
            salaryRange={
                "currency": "PHP",
                "interval": "per-month-salary",
                "min": 35000,
                "max": 45000,
            },
        ),
        NO_NAME,
        {"company": "acmeml", "structured_salary": usd_year(35000, 45000, "PHP", "month")},
    ),
    (
        "an hourly figure in a per-year field is an hourly rate",
        lever_posting(
            "p-3",
            "Field Tech",
            salaryRange={"currency": "USD", "interval": "per-year-salary", "min": 38, "max": 46},
        ),
        CTX,
        {"structured_salary": usd_year(38, 46, period="hour")},
    ),
    (
        "a one-time amount is not base pay; pay stated only in words becomes salary_text",
        lever_posting(
            "p-4",
            "Intern",
            salaryRange={"currency": "USD", "interval": "one-time", "min": 5000, "max": 5000},
            salaryDescriptionPlain="€40–50k depending on experience",
        ),
        CTX,
        {"structured_salary": None, "salary_text": "€40–50k depending on experience"},
    ),
    (
        "unspecified workplace, a non-country code, no allLocations, no createdAt",
        lever_posting(
            "p-5",
            "Analyst",
            workplaceType="unspecified",
            country=None,
            createdAt=None,
            categories={"location": "Oslo", "team": "Data"},
        ),
        CTX,
        {"structured_remote": None, "countries": [], "location_text": "Oslo", "posted_at": None},
    ),
    (
        "the description joins the plain text, the headed lists and the closing text",
        lever_posting(
            "p-6",
            "Data Scientist",
            lists=[
                {
                    "text": "What you'll do",
                    "content": "<div>\n\n<li>\n<p>Train models&nbsp;</p>\n</li>"
                    '<li>Read <a href="https://acme.example/papers">papers</a></li></div>',
                }
            ],
            additionalPlain=None,
        ),
        CTX,
        {
            "description": "We build things.\n\nWhat you'll do\n\n- Train models\n- Read papers\n\n"
            "We hire people of every background.",
            "urls": ["https://acme.example/papers"],
        },
    ),
]


@pytest.mark.parametrize(("case", "record", "context", "expected"), LEVER_CASES)
def test_lever(case, record, context, expected):
    (posting,) = extract_lever(record, context).postings
    assert {k: getattr(posting, k) for k in expected} == expected, case


def test_lever_posting_without_title_is_skipped():
    assert extract_lever(lever_posting("p", " "), CTX).skip_reason == "empty"


# --- Ashby ---------------------------------------------------------------------------------


ASHBY_CASES = [
    (
        "compensation summary, workplace, both locations; a region's address is no country",
        ashby_job(
            "a-1",
            "Research Engineer",
            location="Remote (Europe)",
            secondaryLocations=[
                {
                    "location": "London",
                    "address": {"postalAddress": {"addressCountry": "United Kingdom"}},
                }
            ],
            isRemote=True,
            workplaceType="Remote",
            compensation=ashby_compensation(
                ("EquityPercentage", "NONE", None, 0.1, 0.25),
                ("Salary", "1 YEAR", "EUR", 90000, 130000),
            ),
        ),
        CTX,
        {
            "title": "Research Engineer",
            "company": "Acme Machine Learning",
            "structured_salary": usd_year(90000, 130000, "EUR"),
            "salary_text": None,
            "structured_remote": "remote",
            "location_text": "Remote (Europe); London",
            "countries": ["GB"],
            "posted_at": datetime(2026, 11, 3, 12, 0, tzinfo=UTC),
            "url": "https://jobs.ashbyhq.com/acmeml/a-1",
            "apply_url": "https://jobs.ashbyhq.com/acmeml/a-1/application",
            "description": "We build things.",
        },
    ),
    (
        "hourly salary; isRemote without a workplace type means remote",
        ashby_job(
            "a-2",
            "Annotator",
            workplaceType=None,
            isRemote=True,
            compensation=ashby_compensation(("Salary", "1 HOUR", "USD", 30, 40)),
        ),
        CTX,
        {"structured_salary": usd_year(30, 40, period="hour"), "structured_remote": "remote"},
    ),
    (
        "empty compensation (the usual case); a region is not a country; company from the token",
        ashby_job(
            "a-3",
            "Fullstack Engineer",
            location="Europe",
            isRemote=True,
            workplaceType="Remote",
            address={"postalAddress": {"addressCountry": "European Union"}},
        ),
        NO_NAME,
        {"structured_salary": None, "salary_text": None, "countries": [], "company": "acmeml"},
    ),
    (
        "no summary components: the first tier's salary; hybrid; no plain text → from HTML",
        ashby_job(
            "a-4",
            "ML Scientist",
            workplaceType="Hybrid",
            descriptionPlain=None,
            descriptionHtml='<p style="min-height:1.5em">Proteins &amp; <a href="https://acme.example/x">'
            "models</a></p><script>track()</script>",
            compensation={
                "compensationTierSummary": "¥9M – ¥14M",
                "scrapeableCompensationSalarySummary": "¥9M - ¥14M",
                "compensationTiers": [
                    {
                        "id": "t",
                        "tierSummary": "¥9M – ¥14M",
                        "title": "Japan",
                        "additionalInformation": None,
                        "components": [
                            {
                                "id": "c",
                                "summary": "¥9M – ¥14M",
                                "compensationType": "Salary",
                                "interval": "1 YEAR",
                                "currencyCode": "JPY",
                                "minValue": 9000000,
                                "maxValue": 14000000,
                            }
                        ],
                    }
                ],
                "summaryComponents": [],
            },
        ),
        CTX,
        {
            "structured_salary": usd_year(9e6, 14e6, "JPY", text="JPY 9000000-14000000 per year"),
            "structured_remote": "hybrid",
            "description": "Proteins & models",
            "urls": ["https://acme.example/x"],
        },
    ),
    (
        "only a salary summary in words → salary_text; onsite",
        ashby_job(
            "a-5",
            "Engineer",
            compensation={
                "compensationTierSummary": "$150K – $180K",
                "scrapeableCompensationSalarySummary": "$150K - $180K",
                "compensationTiers": [],
                "summaryComponents": [],
            },
        ),
        CTX,
        {"structured_salary": None, "salary_text": "$150K - $180K", "structured_remote": "onsite"},
    ),
    (
        "a region named as the location is not narrowed to the country of its address",
        ashby_job(
            "a-7",
            "Fullstack Engineer",
            location="North America",
            workplaceType="Remote",
            address={"postalAddress": {"addressCountry": "United States"}},
        ),
        CTX,
        {"location_text": "North America", "countries": []},
    ),
    (
        "a city's address still gives its country",
        ashby_job("a-8", "Fullstack Engineer", location="Berlin"),
        CTX,
        {"countries": ["DE"]},
    ),
    (
        "not remote and no workplace type says nothing",
        ashby_job("a-6", "Lab Associate", workplaceType=None, isRemote=False, compensation=None),
        CTX,
        {"structured_remote": None, "structured_salary": None},
    ),
]


@pytest.mark.parametrize(("case", "record", "context", "expected"), ASHBY_CASES)
def test_ashby(case, record, context, expected):
    (posting,) = extract_ashby(record, context).postings
    assert {k: getattr(posting, k) for k in expected} == expected, case


@pytest.mark.parametrize(
    ("record", "reason"),
    [(ashby_job("a", "Referrals", isListed=False), "unlisted"), (ashby_job("a", ""), "empty")],
)
def test_ashby_skips(record, reason):
    extraction = extract_ashby(record, CTX)
    assert (extraction.postings, extraction.skip_reason) == ([], reason)


# --- Greenhouse pay custom fields: one case per layout found on real boards ----------------


def gh_field(name, value, value_type):
    return {"id": 1, "name": name, "value": value, "value_type": value_type}


def gh_range(name, unit, lo, hi):
    return gh_field(name, {"unit": unit, "max_value": hi, "min_value": lo}, "currency_range")


PER_COUNTRY = [  # one posted range per country, and budgets that are never posted
    gh_range("Baseline Budgeted Salary", "USD", "120000.0", "170000.0"),
    gh_range("Job Post Range (United States)", "USD", "110000.0", "215000.0"),
    gh_range("Job Post Range (Canada)", "CAD", "150000.0", "150000.0"),
    gh_range("Job Post Range (Poland)", None, "0.0", "0.0"),
]
PER_CITY_TEXT = [
    gh_field(
        "Location Range 1",
        "(Austin Only) Base salary range between $150,000.00 - $210,000.00 USD + equity",
        "short_text",
    ),
    gh_field(
        "Location Range - International",
        "(Osaka Only) Base salary range between ¥9,000,000.00 - ¥12,500,000.00 JPY",
        "long_text",
    ),
]
GREENHOUSE_PAY_CASES = [
    (
        "one range",
        [gh_range("Pay Transparency Range", "USD", "90000.0", "120000.0")],
        "Boston, Massachusetts, USA",
        usd_year(90000, 120000),
    ),
    (
        "placeholders 0, null and 0.01 are no pay",
        [
            gh_range("Salary", None, "0.0", "0.0"),
            gh_range("Job Post Range (United States)", "USD", "0.01", "0.01"),
            gh_field("Minimum Salary", "0.0", "number"),
            gh_field("Maximum Salary", "0.0", "number"),
        ],
        "Austin",
        None,
    ),
    (
        "the range of the job's country, never another's",
        PER_COUNTRY,
        "Toronto",
        usd_year(150000, 150000, "CAD"),
    ),
    (
        "a US job gets the US range, not the budget",
        PER_COUNTRY,
        "New York City",
        usd_year(110000, 215000),
    ),
    ("a job in a country without a range gets none", PER_COUNTRY, "Dublin, Ireland", None),
    (
        "a range in the job's currency under another country's name is the job's",
        [gh_range("Job Post Range (United States)", "MXN", "900000.0", "1200000.0")],
        "Mexico City",
        usd_year(900000, 1200000, "MXN"),
    ),
    (
        "lower and upper bound in two text fields; the currency of the job's country",
        [
            gh_field("Min salary", "95,000", "short_text"),
            gh_field("Max salary", "125000", "short_text"),
        ],
        "Chicago, Illinois, United States",
        usd_year(95000, 125000),
    ),
    (
        "per-city text ranges: the job's city only",
        PER_CITY_TEXT,
        "Osaka, Japan",
        Salary(9e6, 12.5e6, "JPY", "year", ""),
    ),
    (
        "per-city text ranges: another city of the same country gets none",
        PER_CITY_TEXT,
        "Seattle, USA",
        None,
    ),
    (
        "an hourly range in words is hourly",
        [
            gh_field(
                "Location Range 1",
                "(Austin Only) Base salary range between $38.50 - $52.00 USD + bonus",
                "short_text",
            )
        ],
        "Austin, USA",
        usd_year(38.5, 52, period="hour"),
    ),
    (
        "referral reward, on-target earnings, bonus and option counts are not base pay",
        [
            gh_field("Referral Reward", {"unit": "USD", "amount": "2000.0"}, "currency"),
            gh_field("On Target Earnings", {"unit": "GBP", "amount": "65000.0"}, "currency"),
            gh_field("Bonus", "9000.0", "number"),
            gh_field("Referral Bonus", "$1,500", "single_select"),
            gh_field("Stock Options", "12000", "short_text"),
            gh_range("Salary Range", "GBP", "32000.0", "38000.0"),
        ],
        "Leeds",
        usd_year(32000, 38000, "GBP"),
    ),
    (
        "a symbol in a text value gives its currency",
        [gh_field("Salary", "HK$400,000 - HK$520,000", "short_text")],
        "Hong Kong",
        usd_year(400000, 520000, "HKD"),
    ),
    (
        "a range with its midpoint; offices named in the value",
        [
            gh_field(
                "Job posting locations/Entities",
                "Austin (range: $90,000 - 105,000 - 120,000)\nBoston (range: $99,000 - "
                "115,000 - 131,000)",
                "long_text",
            )
        ],
        "Boston, Massachusetts, United States",
        usd_year(99000, 131000),
    ),
    (
        "a pay grade is no figure; an absurd figure is a placeholder",
        [
            gh_field("Compensation Grade", "P3", "single_select"),
            gh_field(
                "Location Range - International",
                "(Osaka Only) Base salary range between - ¥1,000,000,000,000.00 JPY",
                "long_text",
            ),
        ],
        "Osaka, Japan",
        None,
    ),
    (
        "a currency field before the words that repeat it",
        [
            gh_field("NAPT Level/Salary Range", "P3: $60,000 – $90,000", "single_select"),
            gh_range("NA PT Job Post Salary", "CAD", "60000.0", "90000.0"),
        ],
        "Toronto, Canada",
        usd_year(60000, 90000, "CAD"),
    ),
]


@pytest.mark.parametrize(("case", "metadata", "location", "expected"), GREENHOUSE_PAY_CASES)
def test_greenhouse_pay_layouts(case, metadata, location, expected):
    record = greenhouse_job(8, "Engineer", location={"name": location}, metadata=metadata)
    got = extract_greenhouse(record, CTX).postings[0].structured_salary
    if expected is None:
        assert got is None, case
    else:
        assert got is not None, case
        assert (got.min, got.max, got.currency, got.period) == (
            expected.min,
            expected.max,
            expected.currency,
            expected.period,
        ), case


def test_pay_field_kinds():
    assert [
        pay_field_kind(f)
        for f in (
            gh_range("Job Post Range (Canada)", "CAD", "1.0", "2.0"),
            gh_field("Min salary", "1", "short_text"),
            gh_field("Maximum Salary", "0.0", "number"),
            gh_field("Referral Reward", {"unit": "USD", "amount": "1.0"}, "currency"),
            gh_field("Remote Options", None, "single_select"),
            gh_field("Salary", "$1", "short_text"),
        )
    ] == ["range", "min", "max", "not base pay", None, "text"]


def test_greenhouse_custom_fields_cached_read_as_uncached():
    """The cached readings (per fields' JSON, and per JSON and place for pay) are those of
    reading the fields afresh, for every job of a board sharing its fields."""
    workplace = gh_field("Workplace Type", "Hybrid", "single_select")
    boards = [
        [gh_field("Headcount #", None, "short_text")],
        [gh_field("Headcount #", "3", "short_text"), workplace],
        [*PER_COUNTRY, workplace],
        PER_CITY_TEXT,
        [gh_field("Min salary", "90,000", "short_text"), gh_field("Max salary", "1", "number")],
        [],
        None,
        # a letter IGNORECASE reads as an ASCII one, escaped in the JSON ("ſ" is "s")
        [gh_field("Baſe ſalary", "$100,000 - $120,000", "short_text")],
        [gh_field("Stock Level", "4 Staff - 30% / 70%", "single_select"), workplace],
        [gh_field("Offer", "Base $90,000 - $100,000 + equity", "short_text")],
    ]
    places = ["Toronto, Canada", "Austin, TX", "Osaka, Japan", "Remote", None]
    for metadata in boards:
        for place in places * 2:  # the second time from the caches
            assert custom_fields(metadata, place) == (
                metadata_pay(metadata, place),
                metadata_workplace(metadata),
                metadata_equity(metadata),
            ), (metadata, place)


def test_greenhouse_custom_fields_key_is_their_json():
    """The fields' readings are cached under their JSON text, written once per distinct
    fields: the same text for values of every JSON type, for types JSON writes as another
    (a tuple as a list) and for those marshal does not write (an ordered dict)."""
    from collections import OrderedDict

    from pipelines.extract.greenhouse import _json_key

    for metadata in (
        [gh_field("Salary", {"min_value": "1.5", "max_value": 2, "unit": "USD"}, "currency")],
        [{"name": "Remote?", "value": True, "id": -0.0, "extra": None}, {"name": "ſ\u00e9"}],
        ({"name": "Workplace", "value": ("Hybrid", "Remote")},),
        [OrderedDict(name="Pay range", value="$1 - $2")],
    ):
        assert _json_key(metadata) == _json_key(metadata) == json.dumps(metadata)


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ([gh_field("Workplace Type", "Hybrid", "single_select")], "hybrid"),
        ([gh_field("Work Model", "In office", "single_select")], "onsite"),
        ([gh_field("Remote Type", "Partially Remote/Hybrid", "single_select")], "hybrid"),
        ([gh_field("Office Requirement", "Remote", "single_select")], "remote"),
        ([gh_field("Working Model Eligibility", ["2-Flexible"], "multi_select")], "hybrid"),
        (
            [
                gh_field(
                    "Working Model Eligibility",
                    ["1-In Office", "2-Flexible", "3-Fully Remote"],
                    "multi_select",
                )
            ],
            "remote",
        ),
        ([gh_field("Careers Page - Open to Remote", True, "yes_no")], "remote"),
        ([gh_field("Is Remote?", False, "yes_no")], None),
        ([gh_field("Target Remote Countries", ["Canada"], "multi_select")], None),
        ([gh_field("Employment Type", "Full-time", "single_select")], None),
    ],
)
def test_greenhouse_workplace_fields(metadata, expected):
    record = greenhouse_job(9, "Engineer", metadata=metadata)
    assert extract_greenhouse(record, CTX).postings[0].structured_remote == expected


@pytest.mark.parametrize(
    ("display_name", "company"),
    [
        ("Quillon Careers", "Quillon"),
        ("Careers at Brightwater Group", "Brightwater Group"),
        ("Harbor Health - All Jobs", "Harbor Health"),
        ("Nimbus Job Board", "Nimbus"),
        ("Orbita Global Services (Career Site)", "Orbita Global Services"),
        ("Pinecrest US Careers", "Pinecrest"),
        ("Jobvana", "Jobvana"),
        ("Bigjobs", "Bigjobs"),
        ("Acme Jobs Ltd", "Acme Jobs Ltd"),
    ],
)
def test_greenhouse_company_without_board_words(display_name, company):
    record = greenhouse_job(10, "Engineer", company_name=display_name)
    assert extract_greenhouse(record, NO_NAME).postings[0].company == company
    assert extract_greenhouse(record, NO_NAME).postings[0].company == company  # cached


def test_greenhouse_pay_survey(tmp_path):
    """bench/greenhouse_pay.py counts each layout's jobs and the salaries taken from it."""
    from bench.greenhouse_pay import survey

    jobs = [
        greenhouse_job(1, "A", location={"name": "Toronto"}, metadata=PER_COUNTRY),
        greenhouse_job(2, "B", location={"name": "Dublin"}, metadata=PER_COUNTRY),
        greenhouse_job(3, "C", metadata=[gh_range("Salary", None, "0.0", "0.0")]),
        greenhouse_job(4, "D", metadata=None),
    ]
    (tmp_path / "acmeml.json").write_text(json.dumps({"company": "acmeml", "jobs": jobs}))
    fields, by_job, totals = survey(tmp_path)
    assert totals == {
        "boards": 1,
        "jobs": 4,
        "jobs with a pay figure": 2,
        "jobs given a salary": 1,
    }
    assert by_job["not base pay + per place"] == {"jobs": 2, "salary": 1, "boards": 1}
    assert by_job["placeholders only"]["jobs"] == 1
    canada = fields[("range", "currency_range", "Job Post Range (Canada)")]
    assert (canada["jobs"], canada["with a figure"], canada["salary from it"]) == (2, 2, 1)


@pytest.mark.parametrize(
    ("location", "metadata", "expected"),
    [
        ("Home based - APAC", [], "remote"),
        ("Home-Based, Americas; Office Based - Lyon, France", [], "remote"),
        ("Home Based - EMEA", [gh_field("Workplace Type", "Hybrid", "single_select")], "hybrid"),
        ("Homestead, FL", [], None),
        ("Lyon, France", [], None),
    ],
)
def test_greenhouse_home_based_location_is_remote(location, metadata, expected):
    record = greenhouse_job(9, "Engineer", location={"name": location}, metadata=metadata)
    assert extract_greenhouse(record, CTX).postings[0].structured_remote == expected


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ([gh_field("Stock Level", "7 Senior Engineer - 20% / 80%", "single_select")], True),
        ([gh_field("Equity Target - Tier 1", "52000.0", "number")], True),
        ([gh_field("Equity Grant?", "Yes", "single_select")], True),
        ([gh_field("Equity Grant?", "None", "single_select")], False),
        ([gh_field("Equity Minimum", "0.0", "number")], False),
        ([gh_field("Employee Stock Purchase Plan", "Yes", "single_select")], False),
        (
            [
                gh_field(
                    "Range A",
                    "(Austin only) Base salary $90,000 - $120,000 + bonus + equity + 401K",
                    "short_text",
                )
            ],
            True,
        ),
        ([gh_field("EEO", "We value diversity, equity and inclusion.", "long_text")], False),
        ([], False),
    ],
)
def test_greenhouse_custom_fields_that_grant_equity(metadata, expected):
    record = greenhouse_job(9, "Engineer", location={"name": "Austin, TX"}, metadata=metadata)
    posting = extract_greenhouse(record, CTX).postings[0]
    assert posting.structured_equity is expected
    raw = {
        "source": "greenhouse",
        "source_id": "9",
        "fetched_at": "2026-11-02T10:00:00+00:00",
        "record": record,
        "context": CTX,
    }
    assert normalize_record(raw).postings[0]["equity"] is expected


def test_a_source_without_an_extractor_is_skipped_with_its_name() -> None:
    assert extractor("no_such_source") is None
    skipped = normalize_record({"source": "no_such_source", "record": {}})
    assert skipped.postings == []
    assert skipped.skip_reason == "no extractor for source 'no_such_source'"


@pytest.mark.parametrize(
    ("source", "own"),
    [("hn_hiring", "pipelines.extract.hn"), ("greenhouse", "pipelines.extract.greenhouse")],
)
def test_a_process_imports_only_its_own_sources_extractor(source: str, own: str) -> None:
    # A Dagster partition is one source: another source's extractor (and its patterns) would
    # only add to the time every process takes before its first record.
    code = (
        "import sys; from pipelines.normalize import extractor; "
        f"extractor({source!r}); "
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('pipelines.extract.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = out.stdout.split()
    assert own in loaded
    assert [m for m in loaded if m.split(".")[2] not in (own.split(".")[2], "ats")] == []
