"""The `jobposting` source: the spider crawled for real (in a subprocess) against recorded
pages and sitemaps, its pure helpers, and the extractor, table-driven."""

import gzip
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pipelines.extract.jobposting import extract_jobposting
from pipelines.model import Salary
from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlError, crawl
from sourcing.sources import SOURCES
from spiders.har import har_entry
from spiders.sources.jobposting import job_postings, source_id
from tests.builders import (
    html_entry,
    job_posting,
    jobposting_page,
    sitemap,
    write_entries,
    xml_entry,
)

SITE = "https://careers.fernhollow.example"
ORG = {"@type": "Organization", "name": "Fernhollow", "sameAs": "https://fernhollow.example"}
ML = job_posting(
    "Machine Learning Engineer",
    identifier={"@type": "PropertyValue", "name": "Fernhollow", "value": "FH-12"},
    hiringOrganization=ORG,
    url=f"{SITE}/jobs/ml-engineer",
)
ANALYST = job_posting("Data Analyst", hiringOrganization=ORG)


def read(result):
    return (
        [json.loads(line) for line in result.path.read_text().splitlines()] if result.path else []
    )


def run(tmp_path, entries, **args):
    har = write_entries(tmp_path / "jp.har", entries)
    return crawl("jobposting", RawZone(tmp_path), replay=har, spider_args=args)


def test_every_job_posting_of_a_page_is_one_verbatim_record(tmp_path):
    graph_page = f"{SITE}/jobs/data-analyst"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": graph_page, "name": "Data Analyst"},
            {"@type": "Organization", "@id": f"{SITE}/#org", "name": "Fernhollow GmbH"},
            job_posting("Data Analyst", hiringOrganization={"@id": f"{SITE}/#org"}),
        ],
    }
    listing = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": ML},
            {"@type": "ListItem", "position": 2, "item": job_posting("Data Engineer", url="/de")},
        ],
    }
    breadcrumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList"}
    result = run(
        tmp_path,
        [
            html_entry(graph_page, jobposting_page(graph)),
            html_entry(f"{SITE}/jobs", jobposting_page([breadcrumbs, listing])),
        ],
        urls=f"{graph_page},{SITE}/jobs",
    )
    records = {r["record"]["title"]: r for r in read(result)}
    assert set(records) == {"Data Analyst", "Machine Learning Engineer", "Data Engineer"}
    ml = records["Machine Learning Engineer"]
    assert ml["source"] == "jobposting"
    assert ml["record"] == ML  # verbatim, as the page states it
    assert ml["source_id"] == "careers.fernhollow.example:FH-12"
    assert ml["url"] == f"{SITE}/jobs/ml-engineer"
    assert ml["context"] == {"page_url": f"{SITE}/jobs", "syntax": "json-ld"}
    assert ml["fetched_at"] == "2026-11-01T18:00:00+00:00"
    analyst = records["Data Analyst"]
    assert analyst["url"] == graph_page  # no url of its own: the page's
    assert analyst["context"]["hiring_organization"]["name"] == "Fernhollow GmbH"
    assert records["Data Engineer"]["url"] == f"{SITE}/de"  # relative to its page
    assert result.stats["jobposting/postings"] == 3


MICRODATA = """<div itemscope itemtype="https://schema.org/JobPosting">
  <h1 itemprop="title">Data Analyst</h1>
  <span itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
    <span itemprop="name">Fernhollow</span></span>
  <div itemprop="description"><p>SQL and dashboards.</p></div>
</div>"""


def test_microdata_is_read_and_a_posting_stated_twice_is_one_record(tmp_path):
    result = run(
        tmp_path,
        [
            html_entry(f"{SITE}/a", jobposting_page(body=MICRODATA)),
            html_entry(
                f"{SITE}/b", jobposting_page(ML, body=MICRODATA.replace("Data", "Big Data"))
            ),
            html_entry(f"{SITE}/c", jobposting_page(ML)),  # ML again, on another page
        ],
        urls=f"{SITE}/a,{SITE}/b,{SITE}/c",
    )
    records = read(result)
    titles = sorted(r["record"]["title"] for r in records)
    assert titles == ["Big Data Analyst", "Data Analyst", "Machine Learning Engineer"]
    micro = next(r for r in records if r["record"]["title"] == "Data Analyst")
    assert micro["context"]["syntax"] == "microdata"
    assert micro["record"]["hiringOrganization"] == {"@type": "Organization", "name": "Fernhollow"}
    assert result.stats["jobposting/postings_duplicate"] == 1


def test_a_sitemap_index_leads_to_the_job_pages_it_lists(tmp_path):
    jobs = [f"{SITE}/jobs/{n}" for n in ("one", "two", "three")]
    entries = [
        xml_entry(
            f"{SITE}/sitemap.xml", sitemap([f"{SITE}/sm-jobs.xml", f"{SITE}/sm-blog.xml"], True)
        ),
        xml_entry(f"{SITE}/sm-jobs.xml", sitemap([*jobs, f"{SITE}/about"])),
        *[html_entry(u, jobposting_page(job_posting(f"Role {u[-3:]}"))) for u in jobs],
    ]
    result = run(
        tmp_path,
        entries,
        sitemap=f"{SITE}/sitemap.xml",
        sitemap_follow="sm-jobs",
        sitemap_pages="/jobs/",
    )
    assert sorted(r["context"]["page_url"] for r in read(result)) == sorted(jobs)
    assert result.summary["not_recorded"] == 0  # neither the blog sitemap nor /about fetched
    assert result.stats["jobposting/sitemaps"] == 2


def test_a_robots_txt_and_a_gzipped_sitemap_are_followed(tmp_path):
    job = f"{SITE}/jobs/one"
    robots = f"User-agent: *\nAllow: /\nSitemap: {SITE}/sitemap.xml.gz\n"
    entries = [
        har_entry(
            method="GET",
            url=f"{SITE}/robots.txt",
            request_headers=[],
            status=200,
            response_headers=[("Content-Type", "text/plain")],
            body=robots.encode(),
            started="2026-11-01T18:00:00.000Z",
        ),
        har_entry(
            method="GET",
            url=f"{SITE}/sitemap.xml.gz",
            request_headers=[],
            status=200,
            response_headers=[("Content-Type", "application/x-gzip")],
            body=gzip.compress(sitemap([job]).encode()),
            started="2026-11-01T18:00:00.000Z",
        ),
        html_entry(job, jobposting_page(ML)),
    ]
    result = run(tmp_path, entries, sitemap=f"{SITE}/robots.txt")
    assert [r["context"]["page_url"] for r in read(result)] == [job]


def test_the_page_cap_stops_a_big_sitemap(tmp_path):
    jobs = [f"{SITE}/jobs/{n}" for n in range(5)]
    entries = [
        xml_entry(f"{SITE}/sitemap.xml", sitemap(jobs)),
        *[html_entry(u, jobposting_page(job_posting(f"Role {u[-1]}"))) for u in jobs],
    ]
    result = run(tmp_path, entries, sitemap=f"{SITE}/sitemap.xml", max_pages="2")
    assert result.items == 2
    assert result.stats["jobposting/pages_over_cap"] == 3


def test_malformed_empty_and_posting_free_pages_are_counted_and_skipped(tmp_path):
    broken = '{"@context": "https://schema.org", "@type": "JobPosting", "title": "Oops"'
    pages = {
        "good": jobposting_page(ML),
        "broken": jobposting_page(raw=(broken,)),
        "empty": "",
        "none": jobposting_page({"@type": "Organization", "name": "Fernhollow"}),
        # a trailing comma and a leading HTML comment are common and still read
        "sloppy": jobposting_page(raw=('<!-- cms -->\n{"@type": "JobPosting", "title": "Ok",}',)),
    }
    result = run(
        tmp_path,
        [html_entry(f"{SITE}/{k}", v) for k, v in pages.items()],
        urls=",".join(f"{SITE}/{k}" for k in pages),
    )
    assert sorted(r["record"]["title"] for r in read(result)) == [
        "Machine Learning Engineer",
        "Ok",
    ]
    assert result.stats["jobposting/pages_malformed"] == 1
    assert result.stats["jobposting/pages_empty"] == 1
    assert result.stats["jobposting/pages_without_postings"] == 1
    assert result.summary["errors"] == 0


def test_a_page_that_is_gone_is_counted_not_fatal(tmp_path):
    result = run(
        tmp_path,
        [html_entry(f"{SITE}/good", jobposting_page(ML)), html_entry(f"{SITE}/gone", "", 404)],
        urls=f"{SITE}/good,{SITE}/gone",
    )
    assert result.items == 1
    assert result.summary["http_errors"] == 1


def test_a_sitemap_that_is_not_one_fails_the_crawl_with_a_clear_message(tmp_path):
    with pytest.raises(CrawlError, match="no records: 0 HTTP errors, 1 errors logged"):
        run(
            tmp_path,
            [xml_entry(f"{SITE}/sitemap.xml", "<html><body>Not found</body></html>")],
            sitemap=f"{SITE}/sitemap.xml",
        )


def test_without_arguments_the_shipped_page_list_is_read(tmp_path):
    listed = tmp_path / "pages.yaml"
    listed.write_text(f"pages:\n  - {SITE}/good\nsitemaps: []\n", encoding="utf-8")
    har = write_entries(tmp_path / "jp.har", [html_entry(f"{SITE}/good", jobposting_page(ML))])
    result = crawl(
        "jobposting",
        RawZone(tmp_path),
        replay=har,
        settings={"JOBPOSTING_PAGES_FILE": str(listed)},
    )
    assert result.items == 1


def test_arguments_that_are_not_urls_fail_with_a_clear_message(tmp_path):
    with pytest.raises(CrawlError, match="urls must be http"):
        run(tmp_path, [], urls="careers.fernhollow.example/jobs")


def test_the_bundled_sample_crawls_with_its_sample_args(tmp_path):
    source = SOURCES["jobposting"]
    result = crawl(
        "jobposting", RawZone(tmp_path), replay=source.sample, spider_args=dict(source.sample_args)
    )
    assert result.items == 10
    assert result.summary["not_recorded"] == 0
    assert result.stats["jobposting/pages_malformed"] == 1
    assert result.stats["jobposting/pages_without_postings"] == 1


# --- pure helpers --------------------------------------------------------------------------


def test_job_postings_are_found_at_any_depth_and_not_inside_each_other():
    inner = job_posting("Inner")
    outer = job_posting("Outer", relatedLink=[inner])
    data = [
        {"@type": "WebPage", "mainEntity": outer},
        {"@graph": [{"@type": ["JobPosting", "Thing"], "title": "Typed twice"}]},
        {"@type": "http://schema.org/JobPosting", "title": "IRI"},
    ]
    assert [p["title"] for p in job_postings(data)] == ["Outer", "Typed twice", "IRI"]


@pytest.mark.parametrize(
    ("posting", "expected"),
    [
        ({"identifier": {"@type": "PropertyValue", "value": 42}}, "jobs.x.example:42"),
        ({"identifier": "A-1", "@id": "https://jobs.x.example/1"}, "jobs.x.example:A-1"),
        ({"identifier": [{"value": "B-2"}]}, "jobs.x.example:B-2"),
        ({"@id": "https://jobs.x.example/1#job"}, "https://jobs.x.example/1#job"),
        ({"@id": "#job"}, "jobs.x.example:#job"),
    ],
)
def test_source_id_is_the_postings_own_id_scoped_by_site(posting, expected):
    assert source_id(posting, "https://jobs.x.example/p/1") == expected


def test_without_an_id_the_source_id_is_a_stable_hash_of_page_and_title():
    a = source_id({"title": "A"}, "https://jobs.x.example/p/1")
    assert a == source_id({"title": "A"}, "https://jobs.x.example/p/1")
    assert a != source_id({"title": "B"}, "https://jobs.x.example/p/1")
    assert a.startswith("jobs.x.example:")


# --- extractor -------------------------------------------------------------------------------

PAGE = {"page_url": "https://careers.fernhollow.example/jobs/7", "syntax": "json-ld"}


def usd_year(lo, hi, text):
    return Salary(lo, hi, "USD", "year", text)


EXTRACT_CASES = [
    (
        "full posting",
        {
            "@type": "JobPosting",
            "title": "Senior ML Engineer &amp; Researcher",
            "description": '<p>Train <b>PyTorch</b> models.</p><script>x()</script><a href="https://fernhollow.example/team">Team</a>',
            "hiringOrganization": ORG,
            "jobLocation": {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": "Austin",
                    "addressRegion": "TX",
                    "addressCountry": "US",
                },
            },
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "USD",
                "value": {"minValue": 150000, "maxValue": 200000, "unitText": "YEAR"},
            },
            "datePosted": "2026-11-02",
            "validThrough": "2027-01-31T23:59:59-06:00",
            "url": "https://careers.fernhollow.example/jobs/7-ml",
            "directApply": True,
        },
        {
            "title": "Senior ML Engineer & Researcher",
            "company": "Fernhollow",
            "description": "Train PyTorch models.\n\nTeam",
            "location_text": "Austin, TX, US",
            "countries": ["US"],
            "structured_salary": usd_year(150000, 200000, "USD 150000-200000 per year"),
            "structured_remote": None,
            "posted_at": datetime(2026, 11, 2, tzinfo=UTC),
            "valid_through": datetime(
                2027, 1, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-6))
            ),
            "url": "https://careers.fernhollow.example/jobs/7-ml",
            "apply_url": "https://careers.fernhollow.example/jobs/7-ml",
            "urls": ["https://fernhollow.example/team"],
        },
    ),
    (
        "remote with applicant countries; single figure as a string; country names",
        {
            "title": "Data Scientist",
            "jobLocationType": "TELECOMMUTE",
            "applicantLocationRequirements": [
                {"@type": "Country", "name": "United States"},
                {"@type": "State", "name": "Ontario"},
            ],
            "baseSalary": {"currency": "usd", "value": "120000"},
        },
        {
            "company": None,
            "location_text": None,
            "structured_remote": "remote",
            "remote_text": "Remote (United States, Ontario)",
            "countries": ["US"],
            "structured_salary": usd_year(120000, 120000, "USD 120000 per year"),
            "url": PAGE["page_url"],
            "apply_url": None,
        },
    ),
    (
        "several places, countries as a name, an alpha-3 and an object",
        {
            "title": "Data Engineer",
            "jobLocationType": ["telecommute"],
            "jobLocation": [
                {"address": {"addressLocality": "Lyon", "addressCountry": "France"}},
                {"address": {"addressLocality": "Porto", "addressCountry": "PRT"}},
                {"address": {"addressCountry": {"@type": "Country", "name": "GB"}}},
                {"address": "Somewhere Street 1, Oslo"},
            ],
        },
        {
            "location_text": "Lyon, France; Porto, PRT; GB; Somewhere Street 1, Oslo",
            "countries": ["FR", "PT", "GB"],
            "structured_remote": "remote",
            "remote_text": "Remote",
            "structured_salary": None,
        },
    ),
    (
        "hourly unit; missing currency kept as None",
        {"title": "Annotator", "baseSalary": {"value": {"value": 18.5, "unitText": "HOUR"}}},
        {"structured_salary": Salary(18.5, 18.5, None, "hour", "18.5 per hour", True)},
    ),
    (
        "an hourly figure with no unit is recognized by its size",
        {
            "title": "Tutor",
            "baseSalary": {"currency": "USD", "value": {"minValue": 40, "maxValue": 55}},
        },
        {"structured_salary": Salary(40, 55, "USD", "hour", "USD 40-55 per hour")},
    ),
    (
        "placeholder zeros, odd units and non-codes are no salary",
        {
            "title": "Backend Engineer",
            "baseSalary": [
                {"currency": "EUR", "value": {"minValue": 0, "maxValue": 0, "unitText": "MONTH"}}
            ],
        },
        {"structured_salary": None, "salary_text": None},
    ),
    (
        "a unit that is no pay period",
        {
            "title": "Courier",
            "baseSalary": {"currency": "EUR", "value": {"value": 3, "unitText": "PIECE"}},
        },
        {"structured_salary": None},
    ),
    (
        "a currency symbol is not an ISO code",
        {
            "title": "Analyst",
            "baseSalary": {"currency": "$", "value": {"value": 90000, "unitText": "YEAR"}},
        },
        {"structured_salary": Salary(90000, 90000, None, "year", "90000 per year", True)},
    ),
    (
        "monthly range from strings",
        {
            "title": "Datový analytik",
            "baseSalary": {
                "currency": "CZK",
                "value": {"minValue": "55000", "maxValue": "75000", "unitText": "MONTH"},
            },
        },
        {"structured_salary": Salary(55000, 75000, "CZK", "month", "CZK 55000-75000 per month")},
    ),
    (
        "entity-escaped HTML, prose properties, organization resolved by the spider",
        {
            "title": ["Research Scientist"],
            "description": "&lt;p&gt;Multimodal models.&lt;/p&gt;"
            "&lt;ul&gt;&lt;li&gt;JAX&lt;/li&gt;&lt;/ul&gt;",
            "qualifications": "<p>PhD or equivalent.</p>",
            "hiringOrganization": {"@id": "https://x.example/#org"},
            "datePosted": "2026-11-11T09:00:00",
            "directApply": "false",
        },
        {
            "title": "Research Scientist",
            "company": "Fernhollow GmbH",
            "description": "Multimodal models.\n\n- JAX\n\nPhD or equivalent.",
            "posted_at": datetime(2026, 11, 11, 9, tzinfo=UTC),
            "apply_url": None,
        },
        {"hiring_organization": {"@id": "https://x.example/#org", "name": "Fernhollow GmbH"}},
    ),
    (
        "hiring organization as a bare name; unreadable dates; a relative url",
        {
            "title": "ML Intern",
            "hiringOrganization": "Tiny Co",
            "datePosted": "last week",
            "url": "/jobs/7-intern",
        },
        {
            "company": "Tiny Co",
            "posted_at": None,
            "valid_through": None,
            "url": "https://careers.fernhollow.example/jobs/7-intern",
        },
    ),
]


@pytest.mark.parametrize(
    ("record", "expected", "context"),
    [(*c[1:3], c[3] if len(c) > 3 else {}) for c in EXTRACT_CASES],
    ids=[c[0] for c in EXTRACT_CASES],
)
def test_extract_jobposting(record, expected, context):
    """`context` adds to what the spider passes for every page (PAGE)."""
    extraction = extract_jobposting(record, {**PAGE, **context})
    assert extraction.skip_reason is None
    (posting,) = extraction.postings
    assert {k: getattr(posting, k) for k in expected} == expected


def test_a_posting_without_a_title_is_skipped():
    assert extract_jobposting({"@type": "JobPosting", "title": " "}, PAGE).skip_reason == "empty"
