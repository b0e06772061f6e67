"""Dedupe: canonical URLs, company keys, the match rules (table-driven), provenance, the
labelled pairs' accuracy floor, and the sample's merges in `dedupe_clusters`."""

from datetime import UTC, datetime

import duckdb
import pyarrow as pa
import pytest

from bench.dedupe import evaluate_pairs
from bench.dedupe_data import generate, generate_table
from bench.dedupe_real import load_pairs as load_real_pairs
from bench.dedupe_real import score
from pipelines.companies import company_key
from pipelines.dedupe import cluster, dedupe, dedupe_table
from pipelines.urls import canonical_url, is_generic, record_urls

T = datetime(2026, 11, 2, tzinfo=UTC)
ABOUT = (
    "Quill Metrics builds forecasting software for hospital supply chains, a team of forty in "
    "San Francisco and remote across the US, with full health cover and a learning budget. "
)
RANKING = ABOUT + (
    "You will own the models that order search results for our buyers, from feature "
    "pipelines in Spark to training in PyTorch and online experiments with real users."
)
SEARCH = ABOUT + (
    "You will build the retrieval stack behind catalogue search, with embedding models, "
    "approximate nearest neighbour indexes and query understanding for many languages."
)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://boards.greenhouse.io/quill/jobs/4100201?gh_src=hn", "greenhouse:4100201"),
        ("https://job-boards.greenhouse.io/quill/jobs/4100201", "greenhouse:4100201"),
        ("https://job-boards.eu.greenhouse.io/quill/jobs/4100201#app", "greenhouse:4100201"),
        ("https://quill.com/careers/?gh_jid=4100201&utm_source=x", "greenhouse:4100201"),
        ("https://boards.greenhouse.io/embed/job_app?token=4100201", "greenhouse:4100201"),
        (
            "https://jobs.lever.co/tide/BBEF1E84-4c40-584b-9350-3d199889ae69/apply?lever-source=hn",
            "lever:bbef1e84-4c40-584b-9350-3d199889ae69",
        ),
        (
            "https://jobs.ashbyhq.com/lumen/9cf73967-3611-5c6b-b1a3-5f3cd2781a04?utm_medium=x",
            "ashby:9cf73967-3611-5c6b-b1a3-5f3cd2781a04",
        ),
        ("https://WWW.Example.com/jobs/42/?ref=hn&utm_campaign=a&b=2", "example.com/jobs/42?b=2"),
        ("https://app.jobvite.com/m?3Xq9Zw", "app.jobvite.com/m?3Xq9Zw"),  # a bare key
        ("https://app.jobvite.com/m?4kP2Lr&utm_source=hn", "app.jobvite.com/m?4kP2Lr"),
        ("mailto:jobs@example.com", None),
        ("", None),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "url, generic",
    [
        ("jobs.ashbyhq.com/quill", True),  # a board's front page
        ("jobs.lever.co/quill", True),
        ("jobs.ashbyhq.com/quill/9cf73967", False),
        ("quill.com/careers", True),
        ("app.jobvite.com/m?3Xq9Zw", False),
    ],
)
def test_generic_links(url, generic):
    assert is_generic(url) is generic


def test_record_urls_skip_careers_pages_and_keep_ats_jobs():
    primary, urls = record_urls(
        "hn_hiring",
        "https://news.ycombinator.com/item?id=1",
        "https://quill.com/careers",
        ["https://quill.com/careers", "https://boards.greenhouse.io/quill/jobs/7?gh_src=a"],
    )
    assert primary is None and urls == ["greenhouse:7"]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Quill Metrics, Inc.", "quill metrics"),
        ("The Acme Company", "ACME Co."),
        ("Boreal Vision GmbH", "Boreal Vision"),
        ("Facebook", "Meta Platforms, Inc."),
        ("Acme (YC W24)", "Acme"),
    ],
)
def test_company_keys_match(a, b):
    assert company_key(a) == company_key(b)


def test_company_keys_keep_name_words():
    assert company_key("Lumen AI") != company_key("Lumen Labs")


def row(source, source_id, title, description="", company="Quill Metrics", **kw):
    url = kw.pop("url", None)
    apply_url = kw.pop("apply_url", None)
    primary, urls = record_urls(source, url, apply_url, kw.pop("links", []))
    return {
        "source": source,
        "source_id": source_id,
        "role_index": kw.pop("role_index", 0),
        "title": title,
        "company": company,
        "description": description,
        "location_text": kw.pop("location_text", None),
        "countries": kw.pop("countries", []),
        "country": None,
        "region": None,
        "remote": "unknown",
        "remote_scope": [],
        "salary_min": kw.pop("salary_min", None),
        "posted_at": None,
        "first_seen": kw.pop("first_seen", T),
        "last_seen": T,
        "fetched_at": T,
        "url": url,
        "apply_url": apply_url,
        "canonical_url": primary,
        "urls": urls,
        **kw,
    }


GH = "https://boards.greenhouse.io/quillmetrics/jobs/4100201"
CASES = {
    "hn links the greenhouse job": (
        row("greenhouse", "4100201", "Senior Machine Learning Engineer, Ranking", RANKING, url=GH),
        row(
            "hn_hiring",
            "48901231",
            "Senior ML Engineer",
            "Quill Metrics | Senior ML Engineer | SF | we rank things",
            url="https://news.ycombinator.com/item?id=48901231",
            apply_url=GH + "?gh_src=hn",
        ),
        "apply_url",
    ),
    "aggregator apply link with tracking": (
        row("greenhouse", "4100201", "Senior Machine Learning Engineer, Ranking", RANKING, url=GH),
        row(
            "remoteok",
            "r1",
            "Sr. Machine Learning Engineer - Ranking",
            "",
            apply_url="https://job-boards.greenhouse.io/quillmetrics/jobs/4100201?utm_source=rok",
        ),
        "apply_url",
    ),
    "aggregator copy without a link": (
        row("greenhouse", "4100201", "Senior Machine Learning Engineer, Ranking", RANKING, url=GH),
        row(
            "weworkremotely",
            "w1",
            "Senior ML Engineer, Ranking (Remote)",
            RANKING,
            "QUILL METRICS INC",
        ),
        "near_duplicate",
    ),
    "aggregator copy, legal suffix": (
        row("greenhouse", "4100201", "Senior Machine Learning Engineer, Ranking", RANKING, url=GH),
        row("remotive", "m1", "Senior ML Engineer, Ranking", RANKING, "Quill Metrics, Inc."),
        "near_duplicate",
    ),
    "one job in two cities": (
        row("greenhouse", "1", "Data Scientist, Growth", SEARCH, location_text="New York, NY"),
        row("greenhouse", "2", "Data Scientist, Growth", SEARCH, location_text="Austin, TX"),
        "near_duplicate",
    ),
    "hn repost next month": (
        row("hn_hiring", "1", "Senior Machine Learning Engineer", "Reposting. " + RANKING),
        row("hn_hiring", "2", "Senior Machine Learning Engineer", RANKING),
        "near_duplicate",
    ),
}
APART = {
    "other level": (
        row("greenhouse", "1", "Senior Machine Learning Engineer, Ranking", RANKING),
        row("greenhouse", "2", "Staff Machine Learning Engineer, Ranking", RANKING),
    ),
    "unlevelled vs senior": (
        row("remoteok", "1", "Machine Learning Engineer", RANKING),
        row("remotive", "2", "Senior Machine Learning Engineer", RANKING),
    ),
    "other team": (
        row("greenhouse", "1", "Senior Machine Learning Engineer, Ranking", RANKING),
        row("greenhouse", "2", "Senior Machine Learning Engineer, Search", SEARCH),
    ),
    "same title, other text": (
        row("greenhouse", "1", "Senior Machine Learning Engineer", RANKING),
        row("greenhouse", "2", "Senior Machine Learning Engineer", SEARCH),
    ),
    "other company": (
        row("greenhouse", "1", "Data Scientist, Growth", SEARCH, "Quill Metrics"),
        row("remoteok", "2", "Data Scientist, Growth", SEARCH, "Quillfeather Analytics"),
    ),
    "numbered level": (
        row("lever", "1", "Machine Learning Engineer II", RANKING),
        row("lever", "2", "Machine Learning Engineer III", RANKING),
    ),
    "titles name other places": (
        row(
            "greenhouse",
            "1",
            "Territory Account Executive - Montgomery, AL",
            SEARCH,
            location_text="Montgomery, AL",
        ),
        row(
            "greenhouse",
            "2",
            "Territory Account Executive – Columbus, GA",
            SEARCH,
            location_text="Columbus, GA",
        ),
    ),  # fmt: skip
    "clean titles alike, posted titles name other places": (
        row(
            "greenhouse",
            "1",
            "Licensed Therapist",
            "",
            location_text="Ohio",
            posted_title="Licensed Therapist - Ohio",
        ),
        row(
            "greenhouse",
            "2",
            "Licensed Therapist",
            "",
            location_text="Idaho",
            posted_title="Licensed Therapist - Idaho",
        ),
    ),
    "title names a region the other does not": (
        row("greenhouse", "1", "Senior Accountant (LATAM)", "", location_text="Austin, TX"),
        row("greenhouse", "2", "Senior Accountant", "", location_text="Palo Alto, CA"),
    ),
    "a shared link that is not an ATS job, two companies": (
        row(
            "hn_hiring",
            "1",
            "Backend Engineer",
            "We build",
            "Quill Metrics",
            apply_url="https://app.jobvite.com/m?3Xq9Zw",
        ),
        row(
            "hn_hiring",
            "2",
            "Backend Engineer",
            "We ship",
            "Boreal Vision",
            apply_url="https://app.jobvite.com/m?3Xq9Zw",
        ),
    ),  # fmt: skip
    "the same title two years apart": (
        row(
            "hn_hiring",
            "1",
            "Systems Engineer",
            RANKING,
            posted_at=datetime(2014, 5, 1, tzinfo=UTC),
        ),
        row(
            "hn_hiring",
            "2",
            "Systems Engineer",
            RANKING,
            posted_at=datetime(2016, 2, 1, tzinfo=UTC),
        ),
    ),
    "two comments linking a board's front page": (
        row(
            "hn_hiring",
            "1",
            "Forward-deployed, AI, and Platform Engineers",
            "We build",
            apply_url="https://jobs.ashbyhq.com/quill",
        ),
        row(
            "hn_hiring",
            "2",
            "Product, AI, and Platform Engineers",
            "We ship",
            apply_url="https://jobs.ashbyhq.com/quill",
        ),
    ),
    "links another job of the company": (
        row("greenhouse", "4100201", "Senior Machine Learning Engineer, Ranking", RANKING, url=GH),
        row("hn_hiring", "9", "Data Analyst", "We analyse things", apply_url=GH),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_same_job_merges(name):
    a, b, method = CASES[name]
    postings, links = dedupe([a, b])
    assert len(postings) == 1, name
    joined = next(x for x in links if not x["is_canonical"])
    if method:
        assert joined["match_method"] == method
    assert 0 < joined["similarity"] <= 1


@pytest.mark.parametrize("name", APART)
def test_different_jobs_stay_apart(name):
    postings, _ = dedupe(list(APART[name]))
    assert len(postings) == 2, name


def test_canonical_record_comes_from_the_ats_and_keeps_every_location():
    rows = [
        row("remoteok", "r", "Sr ML Engineer, Ranking", RANKING, salary_min=150000.0),
        row("greenhouse", "1", "Senior Machine Learning Engineer, Ranking", RANKING,
            location_text="San Francisco, CA", countries=["US"], country="US",
            locations=["San Francisco, CA"]),
        row("greenhouse", "2", "Senior Machine Learning Engineer, Ranking", RANKING,
            location_text="London", countries=["GB"], country="GB", locations=["London"]),
    ]  # fmt: skip
    for r in rows:
        r.update(salary_max=r["salary_min"], salary_currency=None, salary_period=None)
        r.update(salary_currency_uncertain=None)
        r.update(salary_min_usd=None, salary_max_usd=None, salary_text=None, salary_source=None)
    [posting], links = dedupe(rows)
    assert posting["canonical_source"] == "greenhouse:1"
    assert posting["countries"] == ["US", "GB"]
    assert posting["country"] is None  # two countries: none is the job's country
    assert posting["locations"] == ["San Francisco, CA", "London"]
    assert posting["location_text"] == "San Francisco, CA / London"
    assert posting["salary_min"] == 150000.0  # filled from the aggregator
    assert posting["source_count"] == 3
    assert sum(x["is_canonical"] for x in links) == 1


def test_posting_id_is_the_first_seen_member_and_does_not_change_when_a_source_joins():
    hn = row("hn_hiring", "1", "Senior ML Engineer", "short", apply_url=GH)
    [alone], _ = dedupe([hn])
    later = row("greenhouse", "4100201", "Senior Machine Learning Engineer", RANKING, url=GH,
                first_seen=datetime(2026, 11, 20, tzinfo=UTC))  # fmt: skip
    [both], _ = dedupe([later, hn])
    assert both["posting_id"] == alone["posting_id"]
    assert both["canonical_source"] == "greenhouse:4100201"


def test_one_comment_linking_two_jobs_does_not_bridge_them():
    a = row(
        "greenhouse",
        "1",
        "Senior ML Engineer",
        RANKING,
        url="https://boards.greenhouse.io/q/jobs/1",
    )
    b = row("greenhouse", "2", "Data Analyst", SEARCH, url="https://boards.greenhouse.io/q/jobs/2")
    hn = row(
        "hn_hiring",
        "9",
        "Senior Machine Learning Engineer",
        "Quill | hiring",
        links=["https://boards.greenhouse.io/q/jobs/1", "https://boards.greenhouse.io/q/jobs/2"],
    )
    # fmt: skip
    postings, _ = dedupe([a, b, hn])
    assert len(postings) == 2


def test_candidates_come_from_lsh_inside_company_blocks_not_all_pairs():
    rows = [row("greenhouse", str(i), f"Engineer {i}", RANKING, f"Company {i}") for i in range(50)]
    assert cluster(rows).stats["lsh_candidates"] == 0  # one company each: nothing compared


def test_labelled_pairs_meet_the_targets():
    result = evaluate_pairs()
    assert result["pairs"] >= 500 and result["hard"] >= 60
    assert result["precision"] >= 0.98 and result["recall"] >= 0.90
    assert result["hard_errors"] == 0


@pytest.fixture(scope="module")
def sample_db(sample_data):
    con = duckdb.connect(str(sample_data / "sourcing.duckdb"), read_only=True)
    yield con
    con.close()


def test_sample_merges_are_visible_in_dedupe_clusters(sample_db):
    merges = sample_db.execute(
        "SELECT posting_id, members, match_methods, member_records FROM dedupe_clusters"
    ).fetchall()
    assert merges
    # HN comments 48101525 (October) and 48901231 (November) link one Greenhouse job.
    lumenforge = [m for m in merges if {"48101525", "48901231"} <= {r["source_id"] for r in m[3]}]
    assert lumenforge and "apply_url" in lumenforge[0][2]
    assert sample_db.execute(
        "SELECT repost_count FROM postings WHERE posting_id = ?", [lumenforge[0][0]]
    ).fetchone() == (1,)


def test_sample_shows_a_cross_source_merge(sample_db):
    # The Greenhouse board lumenforgeai lists job 7214403002; two Hacker News comments link it.
    canonical, methods, members = sample_db.execute(
        "SELECT canonical_source, match_methods, member_records FROM dedupe_clusters"
        " WHERE cross_source AND company = 'Lumenforge AI'"
    ).fetchone()
    assert canonical == "greenhouse:7214403002"  # ATS structure wins over free text
    assert "apply_url" in methods
    assert {(m["source"], m["source_id"]) for m in members} == {
        ("greenhouse", "7214403002"),
        ("hn_hiring", "48101525"),
        ("hn_hiring", "48901231"),
    }


def test_every_source_row_is_in_exactly_one_posting(sample_db):
    rows, linked, dup = sample_db.execute(
        "SELECT (SELECT count(*) FROM normalized_postings), (SELECT count(*) FROM posting_sources),"
        " (SELECT count(*) FROM (SELECT source, source_id, role_index FROM posting_sources"
        "  GROUP BY ALL HAVING count(*) > 1))"
    ).fetchone()
    assert rows == linked and dup == 0


BENEFITS = (
    "We offer full health, dental and vision cover, a yearly learning budget of two thousand "
    "dollars, four weeks of paid leave, a home office stipend and two offsites a year. "
)
LONG_ABOUT = (
    ABOUT
    + BENEFITS
    + (
        "Quill Metrics is an equal opportunity employer and values diversity of background, "
        "experience and perspective in every team it hires for, in every office and remotely. "
    )
)
BODY = {
    team: " ".join(f"{team}{k} task{k % 7} tool{k % 5}" for k in range(40))
    for team in ("rank", "search", "fraud")
}


def test_a_comment_joins_a_board_posting_of_its_title_only_when_it_shares_its_words():
    board = row("greenhouse", "1", "Senior Machine Learning Engineer", RANKING)
    own_words = row(
        "hn_hiring",
        "9",
        "Senior ML Engineer",
        "Quill | Senior ML Engineer | SF | own the models that order search results, Spark,"
        " PyTorch, online experiments",
    )
    other_job = row(
        "hn_hiring",
        "9",
        "Senior ML Engineer",
        "Quill | Senior ML Engineer | SF | demand models for thousands of products with"
        " gradient boosting and hierarchical time series",
    )
    assert len(dedupe([board, own_words])[0]) == 1
    assert len(dedupe([board, other_job])[0]) == 2


def test_company_boilerplate_is_left_out_of_the_comparison():
    """Two jobs of one board share a long about-us, benefits and EEO text: what they share is
    boilerplate, so a cut aggregator copy is compared on the job's own text."""
    ranking = row("greenhouse", "1", "Senior ML Engineer, Ranking", LONG_ABOUT + BODY["rank"])
    search = row("greenhouse", "2", "Senior ML Engineer, Search", LONG_ABOUT + BODY["search"])
    words = BODY["rank"].split()
    copy = row(  # shortened title, text cut to two thirds, some words dropped
        "remoteok",
        "r",
        "Senior ML Engineer",
        LONG_ABOUT + " ".join(w for k, w in enumerate(words[:80]) if k % 9 != 4),
    )
    result = cluster([ranking, search, copy])
    assert result.stats["boilerplate_shingles"] > 20
    assert sorted(map(sorted, result.clusters)) == [[0, 2], [1]]
    # Same title, same boilerplate, other job text: apart.
    other = row("remotive", "m", "Senior ML Engineer", LONG_ABOUT + BODY["fraud"])
    assert len(cluster([ranking, search, other]).clusters) == 3


def test_no_chain_joins_two_records_of_one_source_with_other_titles():
    """An aggregator copy that fits both cannot put two differently titled jobs of one board
    into one posting."""
    a = row("greenhouse", "1", "Data Scientist, Growth", SEARCH, location_text="Austin, TX")
    b = row("greenhouse", "2", "Data Scientist", SEARCH, location_text="Austin, TX")
    copy = row("remoteok", "r", "Data Scientist", SEARCH)
    result = cluster([a, b, copy])
    assert len(result.clusters) == 2
    assert result.stats["kept_apart"] >= 1


def test_jobvite_links_that_differ_only_in_a_bare_key_are_two_jobs():
    rows = [
        row("hn_hiring", str(i), "Software Engineer", f"Comment {i}", f"Company {i}",
            apply_url=f"https://app.jobvite.com/m?{key}")
        for i, key in enumerate(["3Xq9Zw", "4kP2Lr", "8mT5Qa"])
    ]  # fmt: skip
    assert len({r["canonical_url"] for r in rows}) == 3
    assert len(dedupe(rows)[0]) == 3


def test_roles_of_one_comment_are_never_merged():
    """One comment, one apply link, roles whose titles overlap: each role is its own job,
    whatever links or text they share; the same title twice (two places) stays one."""
    text = "Quill Metrics | SF | apply at our jobs page | we rank things for hospitals"
    link = "https://quill.com/jobs/apply-now"
    roles = [
        row("hn_hiring", "77", "Machine Learning Engineer", text, apply_url=link, role_index=0),
        row("hn_hiring", "77", "Senior Machine Learning Engineer", text, apply_url=link,
            role_index=1),
        row("hn_hiring", "77", "Machine Learning Engineer, Platform", text, apply_url=link,
            role_index=2),
        row("hn_hiring", "77", "Machine Learning Engineer", text, apply_url=link,
            role_index=3, location_text="Remote"),
    ]  # fmt: skip
    # A later comment of the company links the same page under the first title.
    later = row("hn_hiring", "78", "ML Engineer", text, apply_url=link)
    postings, links = dedupe([*roles, later])
    by_role = {(x["source_id"], x["role_index"]): x["posting_id"] for x in links}
    assert len({by_role[("77", i)] for i in range(3)}) == 3
    assert by_role[("77", 0)] == by_role[("77", 3)]
    assert by_role[("78", 0)] == by_role[("77", 0)]  # the later comment joins its title
    assert len(postings) == 3


def test_a_job_posted_once_per_city_keeps_every_place():
    """One title posted in Utrecht and in New York: one posting, both countries, no single
    `country`, every location."""
    utrecht = row(
        "greenhouse",
        "1",
        "Style Advisor",
        "",
        location_text="Utrecht, Netherlands",
        countries=["NL"],
        country="NL",
        region="Western Europe",
        locations=["Utrecht, Netherlands"],
    )
    new_york = row(
        "greenhouse",
        "2",
        "Style Advisor",
        "",
        location_text="New York, NY",
        countries=["US"],
        country="US",
        region="North America",
        locations=["New York, NY"],
    )
    for r in (utrecht, new_york):
        r.update(salary_max=None, salary_currency=None, salary_period=None)
        r.update(salary_currency_uncertain=None)
        r.update(salary_min_usd=None, salary_max_usd=None, salary_text=None, salary_source=None)
    [posting], _ = dedupe([utrecht, new_york])
    assert posting["countries"] == ["NL", "US"]
    assert posting["country"] is None and posting["region"] is None
    assert posting["locations"] == ["Utrecht, Netherlands", "New York, NY"]
    assert posting["location_text"] == "Utrecht, Netherlands / New York, NY"


def test_the_real_judged_pairs_are_facts_keyed_by_source_id():
    """The hand-judged real pairs (bench/dedupe_real.py) hold ids, titles and verdicts only."""
    pairs = load_real_pairs()
    assert len(pairs) >= 200
    for pair in pairs:
        assert set(pair) == {"a", "b", "verdict", "reason"}
        assert pair["verdict"] in {"same", "different"} and 0 < len(pair["reason"]) <= 80
        for side in (pair["a"], pair["b"]):
            # A title only where one record holds several roles (a Hacker News comment).
            assert set(side) == {"source", "source_id"} | ({"title"} if "title" in side else set())
            assert ("title" in side) == (side["source"] == "hn_hiring")
            assert len(side.get("title", "")) <= 120


def test_real_pair_precision_counts_merged_judged_pairs():
    def judged(a, b, verdict):
        sides = [{"source": "greenhouse", "source_id": x, "title": "T"} for x in (a, b)]
        return {"a": sides[0], "b": sides[1], "verdict": verdict, "reason": "r"}

    pairs = [judged("1", "2", "same"), judged("3", "4", "different"), judged("5", "6", "same")]
    posting = {("greenhouse", x, "T"): p for x, p in zip("12345", "aabbc", strict=True)}
    report = score(pairs, posting)
    assert report["merged"] == 2 and report["precision"] == 0.5
    assert report["not_found"] == 1 and report["recall"] == 1.0
    assert [p["a"]["source_id"] for p in report["wrong"]] == ["3"]


def test_dedupe_on_columns_gives_what_dedupe_on_dicts_gives():
    """Rows as an Arrow table of several batches (a company's rows may straddle two), and the
    postings and links back as tables: the same values, in the same order, as with dicts."""
    table = generate_table(3000, chunk=700)
    assert table.column("description").num_chunks > 1
    postings, links = dedupe(generate(3000))
    posting_columns, link_columns = dedupe_table(table)
    assert len(postings) < len(links) == 3000
    assert posting_columns.to_pylist() == postings
    assert link_columns.to_pylist() == links


def test_dedupe_on_no_rows():
    assert dedupe_table(generate_table(10).slice(0, 0)) == (pa.table({}), pa.table({}))
