"""The `arbeitnow`, `himalayas`, `jobicy`, `getonboard`, `smartrecruiters`, `recruitee`,
`workable` and `personio` spiders, crawled for real (in a
subprocess) against recorded responses written here: paging, malformed and empty pages."""

import json

import pytest

from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlError, crawl
from spiders.sources.feeds import page_count
from tests.builders import (
    ARBEITNOW_API,
    HIMALAYAS_API,
    JOBICY_API,
    PERSONIO_API,
    RECRUITEE_API,
    SMARTRECRUITERS_API,
    WORKABLE_API,
    arbeitnow_job,
    arbeitnow_page,
    getonboard_job,
    getonboard_page,
    getonboard_url,
    himalayas_job,
    himalayas_page,
    jobicy_feed,
    jobicy_job,
    json_entry,
    personio_feed,
    personio_position,
    recruitee_offer,
    smartrecruiters_detail,
    smartrecruiters_page,
    smartrecruiters_posting,
    workable_job,
    workable_widget,
    write_entries,
    xml_entry,
)


def read(result):
    return (
        [json.loads(line) for line in result.path.read_text().splitlines()] if result.path else []
    )


def run(name, tmp_path, entries, **args):
    har = write_entries(tmp_path / f"{name}.har", entries)
    return crawl(name, RawZone(tmp_path), replay=har, spider_args=args or None)


# --- arbeitnow ----------------------------------------------------------------------------------

PAGE_1 = [arbeitnow_job("ki-1", "KI-Ingenieur (m/w/d)"), arbeitnow_job("ds-2", "Data Scientist")]
PAGE_2 = [arbeitnow_job("da-3", "Datenanalyst (w/m/d)")]


def test_arbeitnow_follows_links_next_to_the_last_page(tmp_path):
    entries = [
        json_entry(ARBEITNOW_API, arbeitnow_page(PAGE_1, 1, last=False)),
        json_entry(f"{ARBEITNOW_API}?page=2", arbeitnow_page(PAGE_2, 2, last=True)),
    ]
    result = run("arbeitnow", tmp_path, entries)
    records = read(result)
    assert [r["source_id"] for r in records] == ["ki-1", "ds-2", "da-3"]
    assert records[0]["record"] == PAGE_1[0]  # verbatim
    assert records[0]["url"] == "https://www.arbeitnow.com/jobs/companies/acme-gmbh/ki-1"
    assert result.stats["arbeitnow/pages"] == 2
    assert result.summary["not_recorded"] == 0  # no page 3 asked for


def test_arbeitnow_reads_no_more_pages_than_asked(tmp_path):
    entries = [json_entry(ARBEITNOW_API, arbeitnow_page(PAGE_1, 1, last=False))]
    result = run("arbeitnow", tmp_path, entries, pages="1")
    assert result.items == 2 and result.summary["not_recorded"] == 0


def test_arbeitnow_a_malformed_later_page_keeps_the_jobs_already_read(tmp_path):
    entries = [
        json_entry(ARBEITNOW_API, arbeitnow_page(PAGE_1, 1, last=False)),
        json_entry(f"{ARBEITNOW_API}?page=2", b"<html>502 Bad Gateway</html>"),
    ]
    result = run("arbeitnow", tmp_path, entries)
    assert result.items == 2
    assert result.stats["arbeitnow/malformed"] == 1


def test_arbeitnow_a_page_without_a_job_list_fails_the_crawl_clearly(tmp_path):
    entries = [json_entry(ARBEITNOW_API, {"message": "Too Many Attempts."})]
    with pytest.raises(CrawlError, match="no records"):
        run("arbeitnow", tmp_path, entries)


# --- himalayas ----------------------------------------------------------------------------------


def test_himalayas_pages_by_cursor_then_stops_without_one(tmp_path):
    first = [himalayas_job("ml-1", "Engenheiro de ML"), himalayas_job("ds-2", "Data Scientist")]
    second = [himalayas_job("da-3", "Analista de Datos")]
    entries = [
        json_entry(f"{HIMALAYAS_API}?limit=20&offset=0", himalayas_page(first, 0, 3, "Y3Vyc29y")),
        json_entry(f"{HIMALAYAS_API}?limit=20&cursor=Y3Vyc29y", himalayas_page(second, 2, 3)),
    ]
    result = run("himalayas", tmp_path, entries)
    records = read(result)
    assert [r["source_id"] for r in records] == [
        "https://himalayas.app/companies/acme/jobs/ml-1",
        "https://himalayas.app/companies/acme/jobs/ds-2",
        "https://himalayas.app/companies/acme/jobs/da-3",
    ]
    assert result.summary["not_recorded"] == 0


def test_himalayas_pages_by_offset_when_no_cursor_is_given(tmp_path):
    first = [himalayas_job("ml-1", "ML Engineer")]
    entries = [
        json_entry(f"{HIMALAYAS_API}?limit=20&offset=0", himalayas_page(first, 0, total=2)),
        json_entry(f"{HIMALAYAS_API}?limit=20&offset=1", himalayas_page([], 1, total=2)),
    ]
    result = run("himalayas", tmp_path, entries)
    assert result.items == 1
    assert result.stats["himalayas/empty"] == 1  # the empty page ends the paging


# --- jobicy -------------------------------------------------------------------------------------


def test_jobicy_reads_each_industry_once_and_credits_jobicy(tmp_path):
    both = jobicy_job(7, "Engenheiro de Dados")
    entries = [
        json_entry(f"{JOBICY_API}?count=100&industry=data-science", jobicy_feed([both], "ds")),
        json_entry(
            f"{JOBICY_API}?count=100&industry=engineering",
            jobicy_feed([both, jobicy_job(8, "Desarrollador Backend")], "engineering"),
        ),
    ]
    result = run("jobicy", tmp_path, entries)
    records = read(result)
    assert sorted(r["source_id"] for r in records) == ["7", "8"]
    assert result.stats["jobicy/duplicates"] == 1
    assert records[0]["context"] == {"attribution": "Jobicy (https://jobicy.com)"}


def test_jobicy_industries_argument_picks_the_requests(tmp_path):
    entries = [json_entry(f"{JOBICY_API}?count=100&industry=dev", jobicy_feed([], "dev"))]
    result = run("jobicy", tmp_path, entries, industries="dev")
    assert result.items == 0 and result.stats["jobicy/empty"] == 1
    assert result.summary["not_recorded"] == 0


@pytest.mark.parametrize("value", ["0", "-2", "zwei"])
def test_pages_must_be_a_positive_number(value):
    with pytest.raises(ValueError, match="positive whole number"):
        page_count(value, 3)


# --- smartrecruiters ----------------------------------------------------------------------------

SR = SMARTRECRUITERS_API.format("AcmeML")


def test_smartrecruiters_pages_the_list_and_keeps_each_detail(tmp_path):
    postings = [
        smartrecruiters_posting("744000000000001", "Cientista de Dados"),
        smartrecruiters_posting("744000000000002", "Ingeniera de Datos"),
        smartrecruiters_posting("744000000000003", "KI-Forscher (m/w/d)"),
    ]
    details = [smartrecruiters_detail(p, jobDescription="<p>PyTorch</p>") for p in postings]
    entries = [
        json_entry(f"{SR}?limit=100&offset=0", smartrecruiters_page(postings[:2], 0, 3)),
        json_entry(f"{SR}?limit=100&offset=2", smartrecruiters_page(postings[2:], 2, 3)),
        json_entry(f"{SR}/744000000000001", details[0]),
        json_entry(f"{SR}/744000000000002", details[1]),
        json_entry(f"{SR}/744000000000003", {"message": "Not found"}, status=404),
    ]
    result = run("smartrecruiters", tmp_path, entries, boards="AcmeML")
    records = {r["source_id"]: r for r in read(result)}
    assert sorted(records) == ["744000000000001", "744000000000002", "744000000000003"]
    first = records["744000000000001"]
    assert first["record"]["jobAd"] == details[0]["jobAd"]
    assert first["url"] == "https://jobs.smartrecruiters.com/AcmeML/744000000000001-job"
    assert first["context"]["board"] == "AcmeML"
    # the failed detail keeps the list entry, so the job still loads
    assert records["744000000000003"]["record"] == postings[2]
    assert result.stats["smartrecruiters/details"] == 2
    assert result.stats["smartrecruiters/details_failed"] == 1


def test_smartrecruiters_a_gone_board_is_counted_and_the_others_load(tmp_path):
    posting = smartrecruiters_posting("744000000000009", "Data Analyst")
    entries = [
        json_entry(f"{SR}?limit=100&offset=0", smartrecruiters_page([posting])),
        json_entry(f"{SR}/744000000000009", smartrecruiters_detail(posting)),
        json_entry(
            f"{SMARTRECRUITERS_API.format('Gone')}?limit=100&offset=0", {"x": 1}, status=404
        ),
    ]
    result = run("smartrecruiters", tmp_path, entries, boards="Gone,AcmeML")
    assert result.items == 1
    assert result.stats["smartrecruiters/boards_failed"] == 1


# --- recruitee, workable, personio ------------------------------------------------------------


def test_recruitee_reads_each_company_subdomain(tmp_path):
    offers = [recruitee_offer(11, "Científica de Datos", token="acme")]
    entries = [
        json_entry(RECRUITEE_API.format("acme"), {"offers": offers}),
        json_entry(RECRUITEE_API.format("beta"), {"offers": []}),
    ]
    result = run("recruitee", tmp_path, entries, boards="acme,beta")
    records = read(result)
    assert [r["source_id"] for r in records] == ["11"]
    assert records[0]["record"] == offers[0]
    assert records[0]["url"] == "https://acme.recruitee.com/o/cientifica-de-datos"
    assert result.stats["recruitee/boards"] == 2 and result.stats["recruitee/boards_empty"] == 1


def test_workable_ids_are_shortcodes_and_the_widget_names_the_company(tmp_path):
    jobs = [workable_job("AB12CD34EF", "Ingeniero de Datos")]
    entries = [json_entry(WORKABLE_API.format("acme"), workable_widget(jobs, "Acme Datos"))]
    result = run("workable", tmp_path, entries, boards="acme")
    record = read(result)[0]
    assert record["source_id"] == "AB12CD34EF" and record["record"] == jobs[0]
    assert record["context"]["company"] == "Acme Datos"


def test_personio_positions_become_records_with_their_html_sections(tmp_path):
    feed = personio_feed(
        [
            personio_position(
                42,
                "Datenwissenschaftler (m/w/d)",
                additional_offices=["München"],
                descriptions=[("Aufgaben", "<ul><li>Modelle &amp; Daten</li></ul>")],
            )
        ]
    )
    entries = [xml_entry(PERSONIO_API.format("acme"), feed)]
    result = run("personio", tmp_path, entries, boards="acme")
    record = read(result)[0]
    assert record["source_id"] == "42"
    assert record["url"] == "https://acme.jobs.personio.de/job/42"
    position = record["record"]
    assert position["name"] == "Datenwissenschaftler (m/w/d)"
    assert position["additionalOffices"] == ["München"]
    assert position["jobDescriptions"] == [
        {"name": "Aufgaben", "value": "<ul><li>Modelle &amp; Daten</li></ul>"}
    ]


def test_personio_a_page_that_is_not_the_feed_is_counted_and_skipped(tmp_path):
    entries = [
        xml_entry(PERSONIO_API.format("acme"), "<html><body>Wartung</body></html>"),
        xml_entry(PERSONIO_API.format("beta"), personio_feed([personio_position(7, "Analyst")])),
    ]
    result = run("personio", tmp_path, entries, boards="acme,beta")
    assert result.items == 1 and result.stats["personio/boards_malformed"] == 1


# --- getonboard ---------------------------------------------------------------------------------


def test_getonboard_pages_each_category_to_its_last_page(tmp_path):
    entries = [
        json_entry(
            getonboard_url("data-science-analytics", 1),
            getonboard_page([getonboard_job("a", "Científico de Datos")], 1, 2),
        ),
        json_entry(
            getonboard_url("data-science-analytics", 2),
            getonboard_page([getonboard_job("b", "Analista de Dados")], 2, 2),
        ),
        json_entry(
            getonboard_url("machine-learning-ai", 1),
            getonboard_page([getonboard_job("c", "ML Engineer")], 1, 1),
        ),
    ]
    result = run("getonboard", tmp_path, entries)
    records = {r["source_id"]: r for r in read(result)}
    assert sorted(records) == ["a", "b", "c"]
    assert records["b"]["context"] == {"category": "data-science-analytics"}
    assert records["a"]["url"] == "https://www.getonbrd.com/jobs/a"
    assert result.summary["not_recorded"] == 0
