"""Candidates from "Who wants to be hired?": the extractor, the merge across months, the
`hn_wants` spider on its bundled sample. Every person and address here is invented."""

import json
from datetime import UTC, datetime

import pytest

from pipelines.extract.candidates import (
    extract_candidate,
    find_emails,
    parse_fields,
    parse_relocate,
    parse_remote_preference,
)
from pipelines.leads import candidate_post, match_score, merge_candidates, skill_idf
from pipelines.rawzone.identity import identifier_hash, normalize_identifier
from pipelines.rawzone.layout import RawZone
from pipelines.rawzone.suppression import is_suppressed
from sourcing.crawl import crawl
from sourcing.paths import SAMPLE_DIR
from tests.builders import hn_comment


def comment(text, author="someone_new", cid=49000001, created="2026-11-02T16:10:00.000Z"):
    return hn_comment(cid, text, thread=49000000, author=author, created=created)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email: jo.ortiz@example.com", ["jo.ortiz@example.com"]),
        ("Email: jo [at] example [dot] com", ["jo@example.com"]),
        ("Email: jo (at) example (dot) org", ["jo@example.org"]),
        ("Email: jo {at} example {dot} net", ["jo@example.net"]),
        ("Email: jo.ortiz at example dot com", ["jo.ortiz@example.com"]),
        ("Email: jo dot ortiz at example dot co dot uk", ["jo.ortiz@example.co.uk"]),
        ("Email: jo AT example DOT rs", ["jo@example.rs"]),
        ("Email: jo[at]example[.]jp", ["jo@example.jp"]),
        ("Email: j o . o r t i z @ example . com", ["jo.ortiz@example.com"]),
        ("Email: jo.ortiz @ example.com", ["jo.ortiz@example.com"]),
        ("Email: jo&#64;example.com", []),  # entities are decoded before, by html_to_text
        ("Reach me at jo+hn@example.com.", ["jo+hn@example.com"]),
        ("Email: see my profile", []),
        ("Email: moc.elpmaxe@oj (reverse it)", []),
        ("I work at example dot com as a data scientist", []),
        ("I live at home dot com", []),
        ("Weights saved as model@v2.pth", []),
        ("Email: in bio", []),
    ],
)
def test_emails_are_decoded_but_never_invented(text, expected):
    assert find_emails(text, "jo_hn") == expected


def test_my_username_at_a_provider_uses_the_posters_handle():
    assert find_emails("Email: my username at gmail", "nobody_example_7") == [
        "nobody_example_7@gmail.com"
    ]
    assert find_emails("Contact: my HN username at example dot com", "qq") == ["qq@example.com"]
    # without a handle there is nothing to decode, and an unknown provider is not guessed
    assert find_emails("Email: my username at gmail", None) == []
    assert find_emails("Email: my username at somewhere", "qq") == []


def test_fields_on_lines_and_on_one_line():
    fields = parse_fields(
        "Location: Osaka, Japan / Remote: yes / Relocate: no\n"
        "Tech: Python, PyTorch\n"
        "  Résumé/CV:   https://cv.example.com\n"
        "Willing to relocate: No"
    )
    assert fields["location"] == "Osaka, Japan"
    assert fields["remote"] == "yes"
    assert fields["relocate"] == "no"  # the first value wins
    assert fields["technologies"] == "Python, PyTorch"
    assert fields["resume"] == "https://cv.example.com"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Yes", "remote"),
        ("Remote only", "remote"),
        ("Prefer remote, open to hybrid", "remote"),
        ("Hybrid", "hybrid"),
        ("No", "onsite"),
        ("No, onsite or hybrid in Gothenburg", "hybrid"),
        ("Sí / Yes", "remote"),
        ("Sim, remoto", "remote"),
        ("oui, ou hybride à Lyon", "remote"),
        ("Tak", "remote"),
        ("Non", "onsite"),
        ("Nein, hybrid in München", "hybrid"),
        ("", "unknown"),
    ],
)
def test_remote_preference(value, expected):
    assert parse_remote_preference(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Yes", True),
        ("Yes (US, Canada)", True),
        ("Within the EU, yes", True),
        ("No", False),
        ("Maybe, depends on the role", None),
        ("non", False),
        ("Nein", False),
        ("Não", False),
        ("Sim, para Portugal", True),
        ("Tak (Niemcy, Holandia)", True),
        (None, None),
    ],
)
def test_relocation(value, expected):
    assert parse_relocate(value) is expected


def test_template_labels_in_other_languages():
    fields = parse_fields(
        "Localisation : Lyon, France\n"
        "Télétravail : oui\n"
        "Mobilité : non\n"
        "Compétences : Python, scikit-learn\n"
        "Email : sophie (at) example (dot) fr"
    )
    assert fields == {
        "location": "Lyon, France",
        "remote": "oui",
        "relocate": "non",
        "technologies": "Python, scikit-learn",
        "email": "sophie (at) example (dot) fr",
    }
    assert parse_fields("Ubicación: Bogotá\nTecnologías: Python")["technologies"] == "Python"
    assert parse_fields("Standort: Wien\nUmzug: nein")["relocate"] == "nein"


def test_template_post_in_pre_code():
    html = (
        "<pre><code>  Location: Porto, Portugal\n  Remote: Yes\n  Willing to relocate: No\n"
        "  Technologies: Python, PyTorch, Kubernetes\n"
        "  Résumé&#x2F;CV: https:&#x2F;&#x2F;cv.example.pt\n  Email: ze [at] example [dot] pt\n"
        "</code></pre><p>Senior machine learning engineer, 8 years.<p>"
        '<a href="https:&#x2F;&#x2F;github.com&#x2F;example-ze" rel="nofollow">'
        "https:&#x2F;&#x2F;github.com&#x2F;example-ze</a>"
    )
    c = extract_candidate(comment(html, author="ze_example")).candidate
    assert (c.location_text, c.country, c.region) == ("Porto, Portugal", "PT", "Western Europe")
    assert (c.remote, c.relocate, c.seniority) == ("remote", False, "senior")
    assert c.skills[:3] == ["python", "pytorch", "kubernetes"]
    assert c.roles == ["ml_engineer"]
    assert c.email == "ze@example.pt"
    assert c.urls == ["https://github.com/example-ze", "https://cv.example.pt"]
    assert c.posted_at == datetime(2026, 11, 2, 16, 10, tzinfo=UTC)


def test_freelancer_header_and_prose():
    c = extract_candidate(
        comment(
            "SEEKING WORK | Accra, Ghana | Remote | Contract<p>MLOps engineer: Kubernetes, "
            "MLflow, Terraform. Email: kk (at) example (dot) net"
        )
    ).candidate
    assert (c.country, c.remote, c.email) == ("GH", "remote", "kk@example.net")
    assert "mlops_engineer" in c.roles
    prose = extract_candidate(
        comment(
            "I'm a data scientist based in Lyon, France, looking for data scientist or ML "
            "engineer roles; remote is fine and I would also move within Europe. I work with "
            "Python, scikit-learn and SQL. Email: lea.m at example dot fr"
        )
    ).candidate
    assert (prose.country, prose.remote, prose.relocate) == ("FR", "remote", True)
    assert prose.roles[:2] == ["data_scientist", "ml_engineer"]
    assert prose.email == "lea.m@example.fr"
    manager = extract_candidate(
        comment(
            "Location: Seattle, WA\nRemote: Hybrid\nEmail: vk@example.com<p>Machine learning "
            "engineering manager: led a team of 8. Looking for ML manager roles."
        )
    ).candidate
    assert (manager.roles, manager.seniority) == (["ml_engineer"], "manager")


@pytest.mark.parametrize(
    ("text", "author", "reason"),
    [
        (None, None, "deleted"),
        ("Is there a searchable archive of these threads?", "curious", "not_a_candidate"),
        ("Good luck everyone, make your CV links public!", "helper", "not_a_candidate"),
        (
            "We're hiring! Example Co | ML Engineer | Remote | https://example.com/jobs",
            "recruiter",
            "not_a_candidate",
        ),
    ],
)
def test_what_is_not_a_candidate(text, author, reason):
    assert extract_candidate(comment(text, author=author)).skip_reason == reason


def raw(comment_record, month):
    return {
        "source": "hn_wants",
        "source_id": str(comment_record["id"]),
        "url": f"https://news.ycombinator.com/item?id={comment_record['id']}",
        "fetched_at": "2026-11-20T09:14:05+00:00",
        "record": comment_record,
        "context": {"month": month},
    }


def test_one_candidate_per_person_latest_post_first():
    oct_ = comment(
        "Location: Stockholm, Sweden\nRemote: Yes\nTechnologies: Python, SQL\nEmail: al@example.se",
        author="al_example",
        cid=48100010,
        created="2026-10-01T15:10:00.000Z",
    )
    nov = comment(
        "Location: Berlin, Germany\nRemote: Hybrid\nTechnologies: Python, PyTorch",
        author="al_example",
        cid=48900010,
    )
    other = comment("Location: Oslo, Norway\nRemote: Yes\nTechnologies: R", author="b_example")
    posts = [candidate_post(raw(c, m))[0] for c, m in ((oct_, "2026-10"), (nov, "2026-11"))]
    posts.append(candidate_post(raw(other, "2026-11"))[0])
    people = {p["handle"]: p for p in merge_candidates(posts)}
    al = people["al_example"]
    assert al["country"] == "DE" and al["remote"] == "hybrid"  # the latest post
    assert al["email"] is None  # not carried over from the older post
    assert al["posts"] == 2 and al["source_id"] == "48900010"
    assert al["first_seen"] < al["last_seen"]
    assert al["post_urls"][0].endswith("48900010")
    assert len(people) == 2


def test_match_score_weights_rare_skills_and_recency():
    idf = skill_idf([["python", "pytorch"], ["python"], ["python", "jax"], ["python"]])
    now = datetime(2026, 11, 1)
    rare = match_score(["python", "jax"], ["jax"], idf, now, now)
    common = match_score(["python", "jax"], ["python"], idf, now, now)
    assert rare > common > 0
    assert match_score(["python", "jax"], ["python", "jax"], idf, now, now) == 1.0
    old = match_score(["python", "jax"], ["python", "jax"], idf, datetime(2026, 5, 3), now)
    assert old == pytest.approx(0.5, abs=0.01)  # six months: half
    assert match_score(["rust"], ["python"], idf, now, now) == 0.0


def test_identifiers_are_normalized_and_hashed():
    assert normalize_identifier("url", "https://www.GitHub.com/Example-Ze/") == (
        "github.com/example-ze"
    )
    assert normalize_identifier("email", " Ze@Example.PT ") == "ze@example.pt"
    assert identifier_hash("handle", "@Ze_Example") == identifier_hash("handle", "ze_example")
    post = raw(comment("Location: Porto\nRemote: yes\nEmail: ze [at] example [dot] pt"), "2026-11")
    assert is_suppressed(post, {identifier_hash("email", "ze@example.pt")})
    assert is_suppressed(post, {identifier_hash("handle", "someone_new")})
    assert not is_suppressed(post, {identifier_hash("email", "other@example.pt")})


@pytest.fixture(scope="module")
def sample_records(tmp_path_factory):
    zone = RawZone(tmp_path_factory.mktemp("data"))
    result = crawl("hn_wants", zone, replay=SAMPLE_DIR / "hn_wants.har")
    lines = result.path.read_text(encoding="utf-8").splitlines()
    return result, [json.loads(line) for line in lines]


def test_the_spider_reads_both_sample_threads(sample_records):
    result, records = sample_records
    assert result.summary["threads"] == 2 and result.summary["comments_deleted"] == 2
    assert len(records) >= 40
    assert {r["context"]["month"] for r in records} == {"2026-10", "2026-11"}
    assert all(r["source"] == "hn_wants" for r in records)


def test_the_sample_gives_varied_candidates(sample_records):
    _, records = sample_records
    posts, skipped = [], []
    for r in records:
        post, reason = candidate_post(r)
        (posts.append(post) if post else skipped.append(reason))
    people = merge_candidates(posts)
    assert len(people) >= 30
    assert skipped.count("not_a_candidate") >= 3
    assert sum(1 for p in people if p["posts"] == 2) >= 2  # people posting in both months
    assert sum(1 for p in people if p["email"]) >= 25
    assert len({p["country"] for p in people}) >= 20
    assert {p["remote"] for p in people} >= {"remote", "hybrid"}
    assert all(".example" in p["email"] or "@example." in p["email"] for p in people if p["email"])


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Jane van Dijk", "Jane van Dijk"),
        ("  José   Álvarez. ", "José Álvarez"),
        ("jdoe_hn", None),  # a handle is no name
        ("jane@example.com", None),
        ("I am a senior ML engineer with ten years", None),  # a sentence is no name
        ("R2D2 Unit", None),
        (None, None),
    ],
)
def test_a_name_is_kept_only_as_the_person_wrote_it(written, name):
    from pipelines.extract.candidates import person_name

    assert person_name(written) == name


def test_the_excerpt_is_the_posts_opening_prose_cut_at_a_word():
    from pipelines.extract.candidates import excerpt, extract_candidate

    long = "word " * 100
    cut = excerpt(long)
    assert cut.endswith(" …") and len(cut) <= 202 and "wor …" not in cut
    assert excerpt("  short\n\n text ") == "short text" and excerpt("") is None
    post = {
        "author": "someone",
        "text": "Location: Lyon<p>Remote: yes<p>Email: a@example.com<p>"
        "Name: Ana Lima<p>I build ranking models in PyTorch.",
    }
    found = extract_candidate(post, stated=True).candidate
    assert found.excerpt == "I build ranking models in PyTorch."  # template lines left out
    assert found.name == "Ana Lima"
    only_fields = {"author": "x", "text": "Location: Lyon<p>Email: a@example.com"}
    assert extract_candidate(only_fields, stated=True).candidate.excerpt is None
