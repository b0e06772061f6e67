"""The community sources "reddit" and "github": spiders crawled for real (in a subprocess)
against recorded responses written here, and their extractors."""

import json

import pytest

from pipelines.extract.github import extract_github_candidate, repo_skills
from pipelines.extract.reddit import extract_reddit_candidate, extract_reddit_posting, post_kind
from pipelines.leads import candidate_post, link_people
from pipelines.normalize import normalize_record
from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlError, crawl
from tests.builders import (
    GITHUB_API,
    REDDIT,
    github_contributor,
    github_user,
    json_entry,
    reddit_listing,
    reddit_post,
    write_entries,
)


def read(result):
    return (
        [json.loads(line) for line in result.path.read_text().splitlines()] if result.path else []
    )


def run(name, tmp_path, entries, **args):
    har = write_entries(tmp_path / f"{name}.har", entries)
    return crawl(name, RawZone(tmp_path), replay=har, spider_args=args or None)


# --- reddit spider ------------------------------------------------------------------------------


def test_reddit_pages_each_subreddit_by_after_and_keeps_every_post(tmp_path):
    first = [reddit_post("a1", "[Hiring] ML Engineer"), reddit_post("a2", "Weekly thread")]
    entries = [
        json_entry(REDDIT.format("MLjobs"), reddit_listing(first, after="t3_a2")),
        json_entry(
            REDDIT.format("MLjobs") + "&after=t3_a2",
            reddit_listing([reddit_post("a3", "[For Hire] Cientista de dados")]),
        ),
        json_entry(REDDIT.format("forhire"), reddit_listing([])),
    ]
    result = run("reddit", tmp_path, entries, subreddits="MLjobs,forhire")
    records = read(result)
    assert [r["source_id"] for r in records] == ["a1", "a2", "a3"]
    assert records[0]["record"] == first[0]
    assert records[0]["context"] == {"subreddit": "MLjobs"}
    assert records[0]["url"].startswith("https://www.reddit.com/r/forhire/comments/a1/")
    assert result.stats["reddit/empty"] == 1 and result.summary["not_recorded"] == 0


def test_reddit_an_answer_without_a_listing_fails_the_crawl_clearly(tmp_path):
    entries = [json_entry(REDDIT.format("MLjobs"), {"message": "Too Many Requests", "error": 429})]
    with pytest.raises(CrawlError, match="no records: 0 HTTP errors, 1 errors logged"):
        run("reddit", tmp_path, entries, subreddits="MLjobs")


# --- reddit extractors --------------------------------------------------------------------------


def test_reddit_tags_decide_what_a_post_becomes():
    assert post_kind(reddit_post("1", "[HIRING] Data Engineer")) == "hiring"
    assert post_kind(reddit_post("2", "(For Hire) ML engineer")) == "for_hire"
    assert post_kind(reddit_post("3", "Data Engineer", link_flair_text="Hiring")) == "hiring"
    assert post_kind(reddit_post("4", "Is a PhD worth it?")) is None


def test_reddit_a_hiring_post_is_a_posting_with_its_pay_and_place():
    post = reddit_post(
        "1",
        "[Hiring] Científico de Datos Sr | Tucán Analytics | Bogotá, Colombia",
        "Python y LightGBM. Salario: USD 3.500 - 4.500 mensuales.",
    )
    raw = {
        "source": "reddit",
        "source_id": "1",
        "url": None,
        "fetched_at": "2026-11-20T09:30:00+00:00",
        "record": post,
        "context": {},
    }
    row = normalize_record(raw).postings[0]
    assert (row["title"], row["company"]) == ("Científico de Datos Sr", "Tucán Analytics")
    assert (row["country"], row["role"], row["seniority"]) == ("CO", "data_scientist", "senior")
    assert (row["salary_min"], row["salary_currency"], row["salary_period"]) == (
        3500,
        "USD",
        "month",
    )
    assert extract_reddit_candidate(post, {}).skip_reason == "not_a_candidate"


def test_reddit_a_for_hire_post_is_a_candidate_and_never_a_posting():
    post = reddit_post(
        "2",
        "[For Hire] MLOps engineer – Kraków, Poland – remote",
        "Location: Kraków, Poland\nRemote: Yes\nTechnologies: Kubernetes, MLflow\n"
        "Email: tomasz.k [at] mail.example",
        author="tomasz_mlops",
        created_utc=1763623800.0,
    )
    assert extract_reddit_posting(post, {}).skip_reason == "not_hiring"
    raw = {
        "source": "reddit",
        "source_id": "2",
        "url": "https://www.reddit.com/r/forhire/x",
        "record": post,
        "context": {},
    }
    row, reason = candidate_post(raw)
    assert reason is None
    assert (row["handle"], row["country"], row["remote"]) == ("tomasz_mlops", "PL", "remote")
    assert row["email"] == "tomasz.k@mail.example"
    assert {"kubernetes", "mlflow"} <= set(row["skills"])


def test_reddit_untagged_and_removed_posts_are_skipped_with_a_reason():
    chat = reddit_post("3", "What do ML interviews look like?")
    gone = reddit_post("4", "[Hiring] Annotator", "[removed]", author="[deleted]")
    assert extract_reddit_posting(chat, {}).skip_reason == "untagged"
    assert extract_reddit_candidate(chat, {}).skip_reason == "untagged"
    assert extract_reddit_posting(gone, {}).skip_reason == "deleted"
    assert extract_reddit_candidate(gone, {}).skip_reason == "deleted"


# --- github spider ------------------------------------------------------------------------------

CONTRIBUTORS = GITHUB_API + "/repos/{}/contributors?per_page=100"


def test_github_stores_only_hireable_people_with_public_fields(tmp_path):
    entries = [
        json_entry(
            CONTRIBUTORS.format("pytorch/pytorch"),
            [
                github_contributor("ana", 40),
                github_contributor("bot-x", 900, "Bot"),
                github_contributor("bo", 10),
            ],
        ),
        json_entry(CONTRIBUTORS.format("vllm-project/vllm"), [github_contributor("ana", 5)]),
        json_entry(
            f"{GITHUB_API}/users/ana",
            github_user("ana", True, location="Göteborg, Sweden", email="ana@mail.example"),
        ),
        json_entry(f"{GITHUB_API}/users/bo", github_user("bo", None, email="bo@mail.example")),
    ]
    result = run("github", tmp_path, entries, repos="pytorch/pytorch,vllm-project/vllm")
    records = read(result)
    assert [r["source_id"] for r in records] == ["ana"]
    record = records[0]["record"]
    assert record["contributions"] == {"pytorch/pytorch": 40, "vllm-project/vllm": 5}
    assert "followers" not in record and "avatar_url" not in record  # public fields only
    assert "bo@mail.example" not in result.path.read_text()  # not hireable: never stored
    assert result.stats["github/not_hireable"] == 1 and result.stats["github/bots"] == 1
    assert result.summary["not_recorded"] == 0  # the bot's profile was never asked for


def test_github_stops_politely_when_the_rate_limit_is_spent(tmp_path):
    spent = [("X-RateLimit-Remaining", "0")]
    entry = json_entry(CONTRIBUTORS.format("pytorch/pytorch"), [github_contributor("ana", 4)])
    entry["response"]["headers"] += [{"name": k, "value": v} for k, v in spent]
    result = run("github", tmp_path, [entry], repos="pytorch/pytorch")
    assert result.items == 0 and result.stats["github/rate_limited"] == 1
    assert result.summary["not_recorded"] == 0  # no profile asked for after that


# --- github extractor ---------------------------------------------------------------------------


def test_github_candidate_reads_profile_and_repositories_as_skills():
    record = {
        "login": "Ravi-Compilers",
        "hireable": True,
        "name": "Ravi",
        "location": "Bengaluru, India",
        "email": None,
        "blog": "ravi.example",
        "bio": "Senior ML engineer, inference serving. Open to remote work.",
        "html_url": "https://github.com/Ravi-Compilers",
        "updated_at": "2026-11-15T05:30:00Z",
        "contributions": {"vllm-project/vllm": 97, "pytorch/pytorch": 151},
    }
    c = extract_github_candidate(record, {}).candidate
    assert c.skills[:2] == ["pytorch", "vllm"]  # most contributions first
    assert (c.country, c.region, c.remote, c.seniority) == ("IN", "South Asia", "remote", "senior")
    assert c.urls == ["https://github.com/Ravi-Compilers", "https://ravi.example"]


def test_github_a_profile_that_is_not_hireable_is_skipped():
    for hireable in (None, False, "true"):
        record = {"login": "x", "hireable": hireable}
        assert extract_github_candidate(record, {}).skip_reason == "not_hireable"


def test_repo_skills_ignores_what_is_not_a_mapping():
    assert repo_skills(None) == [] and repo_skills(["pytorch/pytorch"]) == []


# --- one person on several sources --------------------------------------------------------------


def _person(cid, source, handle, email=None, github_url=None):
    return {
        "candidate_id": cid,
        "source": source,
        "handle": handle,
        "email": email,
        "github_url": github_url,
    }


def test_people_are_linked_by_email_github_profile_or_handle_never_by_name():
    rows = [
        _person("c1", "github", "Tomasz-MLOps"),
        _person("c2", "reddit", "tomasz_k", github_url="https://github.com/tomasz-mlops/"),
        _person("c3", "hn_wants", "tk1987", email="T.K@mail.example"),
        _person("c4", "reddit", "another", email="t.k@mail.example"),
        _person("c5", "hn_wants", "ana"),
        _person("c6", "reddit", "ana"),
        _person("c7", "reddit", "lucia", github_url="https://github.com/lucia/nlp-repo"),
        _person("c8", "github", "lucia-other"),
    ]
    link_people(rows)
    person = {r["candidate_id"]: r["person_id"] for r in rows}
    assert person["c1"] == person["c2"] == "c1"  # the GitHub profile a post links
    assert person["c3"] == person["c4"] == "c3"  # the same e-mail, however spelled
    assert person["c5"] == person["c6"] == "c5"  # the same handle
    assert len({person["c7"], person["c8"], person["c1"], person["c3"]}) == 4  # a repo page
