"""Write tests/data/dedupe_pairs.yaml: labelled pairs of source postings (same job or not).

The first pairs are written by hand, most of them hard: one company, a similar title, and a
different level or team (must stay apart), or one job under an abbreviated title, another
location, a tracking-laden apply link or a Hacker News comment (must merge). The rest are
drawn from bench.dedupe_data with a fixed seed, so the file is the same on every run:

    uv run python -m bench.dedupe_pairs
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from bench.dedupe_data import generate

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "dedupe_pairs.yaml"

ABOUT = {
    "Quill Metrics": "Quill Metrics builds forecasting software for hospital supply chains. "
    "We are a team of forty based in San Francisco and remote across the US, backed by "
    "healthcare investors. Benefits include full health cover, a learning budget and "
    "four weeks of paid leave.",
    "Boreal Vision": "Boreal Vision makes camera-based inspection systems for factories in "
    "Europe. Our engineers work from Paris, Munich and Zurich. We offer relocation support, "
    "a yearly conference budget and a hardware lab open to every team.",
    "Tidewater Labs": "Tidewater Labs trains language models for legal research. We publish "
    "our evaluation suites and care about careful measurement. The team is remote-first "
    "with offices in New York and London and meets twice a year.",
}
TEAM = {
    "ranking": "You will own the models that order search results for our buyers, from "
    "feature pipelines in Spark to training in PyTorch and online A/B tests.",
    "search": "You will build the retrieval stack behind our catalogue search, including "
    "embedding models, approximate nearest neighbour indexes and query understanding.",
    "forecast": "You will design demand forecasting models for thousands of products, "
    "working with gradient boosting, hierarchical time series and probabilistic evaluation.",
    "platform": "You will run the training and serving platform every model team depends "
    "on: Kubernetes, GPU scheduling, feature stores and model registries.",
    "vision": "You will train detection and segmentation models on images of production "
    "lines and ship them to edge devices with tight latency budgets.",
    "evals": "You will write evaluation harnesses for long-context legal reasoning, design "
    "adversarial test sets and report model regressions to the training team.",
    "pretrain": "You will scale pretraining runs across hundreds of GPUs, tune data mixtures "
    "and keep throughput high with careful profiling of the training stack.",
    "growth": "You will analyse experiments on onboarding and pricing, build dashboards for "
    "the product team and model customer lifetime value.",
}
LEVEL_WORDS = {
    "ranking": "The role is for an experienced engineer who has shipped rankers before.",
    "search": "We expect several years of production search experience.",
}


def text(company: str, team: str, edit: str = "") -> str:
    body = f"{ABOUT[company]} {TEAM[team]} {LEVEL_WORDS.get(team, '')}".strip()
    if edit == "cut":
        return body[: int(len(body) * 0.75)]
    if edit == "prefix":
        return f"This is a remote position. {body} Apply through our careers page."
    return body


GH = "https://boards.greenhouse.io/quillmetrics/jobs/"
LV = "https://jobs.lever.co/tidewaterlabs/"
UUID1 = "bbef1e84-4c40-584b-9350-3d199889ae69"
UUID2 = "0c6f2a10-8d2e-4a51-9f0e-6b1d2c3e4f50"

# (source, company, title, team, edit, location, url, apply_url) × 2, same, note
Side = tuple[str, str, str, str, str, str | None, str | None, str | None]
HAND: list[tuple[Side, Side, bool, str]] = []


def add(a: Side, b: Side, same: bool, note: str) -> None:
    HAND.append((a, b, same, note))


def hn(title: str, edit: str = "") -> Side:
    """A Lumenforge AI post in a Hacker News thread."""
    return ("hn_hiring", "Lumenforge AI", title, "ranking", edit, None, None, None)


Q, B, T = "Quill Metrics", "Boreal Vision", "Tidewater Labs"
# Different level, same team and text: apart.
for lv_a, lv_b in [
    ("Senior", "Staff"),
    ("", "Senior"),
    ("Staff", "Principal"),
    ("Junior", ""),
    ("Senior", "Lead"),
    ("", "Staff"),
    ("Senior", "Principal"),
    ("Junior", "Senior"),
]:
    for team, base in [("ranking", "Machine Learning Engineer"), ("search", "Search Engineer")]:
        add(
            ("greenhouse", Q, f"{lv_a} {base}".strip(), team, "", "San Francisco, CA", None, None),
            ("greenhouse", Q, f"{lv_b} {base}".strip(), team, "", "San Francisco, CA", None, None),
            False,
            f"level {lv_a or 'none'} vs {lv_b or 'none'}",
        )
# Same level, different team (title and text): apart.
for a_team, b_team in [
    ("ranking", "search"),
    ("forecast", "growth"),
    ("platform", "ranking"),
    ("search", "forecast"),
]:
    for src in ("greenhouse", "remoteok", "weworkremotely"):
        add(
            (
                src,
                Q,
                f"Senior Machine Learning Engineer, {a_team.title()}",
                a_team,
                "",
                None,
                None,
                None,
            ),
            (
                src,
                Q,
                f"Senior Machine Learning Engineer, {b_team.title()}",
                b_team,
                "",
                None,
                None,
                None,
            ),
            False,
            f"team {a_team} vs {b_team} on {src}",
        )
# Same job, different level words in the text only ("we expect seniority"): same title, same.
for src in ("remotive", "remoteok", "weworkremotely"):
    add(
        ("ashby", B, "MLOps Engineer", "platform", "", "Lisbon, Portugal", None, None),
        (src, B + " GmbH", "MLOps Engineer", "platform", "cut", "Europe", None, None),
        True,
        f"aggregator copy cut short on {src}",
    )
# Other role of one team: apart.
add(
    ("greenhouse", Q, "Data Scientist, Growth", "growth", "", None, None, None),
    ("greenhouse", Q, "Data Analyst, Growth", "growth", "", None, None, None),
    False,
    "other role",
)
add(
    ("lever", T, "Machine Learning Engineer", "evals", "", None, None, None),
    ("lever", T, "Machine Learning Engineering Manager", "evals", "", None, None, None),
    False,
    "engineer vs manager",
)
add(
    ("ashby", "Lumenforge", "Research Engineer, Pretraining", "pretrain", "", None, None, None),
    ("ashby", "Lumenforge", "Research Scientist, Pretraining", "pretrain", "", None, None, None),
    False,
    "engineer vs scientist",
)
# Numbered levels: apart.
for a_t, b_t in [
    ("Machine Learning Engineer II", "Machine Learning Engineer III"),
    ("Research Scientist I", "Research Scientist II"),
    ("Software Engineer, ML (L4)", "Software Engineer, ML (L5)"),
]:
    add(
        ("lever", T, a_t, "evals", "", None, None, None),
        ("lever", T, b_t, "evals", "", None, None, None),
        False,
        "numbered level",
    )
# Same title and company name, different companies: apart (different company names).
add(
    ("greenhouse", Q, "Data Scientist, Growth", "growth", "", None, None, None),
    (
        "remoteok",
        "Quillfeather Analytics",
        "Data Scientist, Growth",
        "growth",
        "",
        None,
        None,
        None,
    ),
    False,
    "similar company names",
)
add(
    ("ashby", "Lumenforge", "Research Engineer, Pretraining", "pretrain", "", None, None, None),
    (
        "hn_hiring",
        "Lumen Assist",
        "Research Engineer, Pretraining",
        "pretrain",
        "",
        None,
        None,
        None,
    ),
    False,
    "similar company names, HN",
)
# Same job: multi-location (separate ATS ids).
for city_a, city_b in [
    ("Paris, France", "Munich, Germany"),
    ("Zurich, Switzerland", "Paris, France"),
]:
    add(
        ("greenhouse", B, "Computer Vision Engineer", "vision", "", city_a, None, None),
        (
            "greenhouse",
            B,
            f"Computer Vision Engineer - {city_b.split(',')[0]}",
            "vision",
            "",
            city_b,
            None,
            None,
        ),
        True,
        "one job, two locations",
    )
add(
    ("lever", T, "Research Scientist, Evaluation", "evals", "", "New York, NY", None, None),
    (
        "lever",
        T,
        "Research Scientist, Evaluation",
        "evals",
        "",
        "London, United Kingdom",
        None,
        None,
    ),
    True,
    "one job, two offices",
)
# Same job: aggregator copy with abbreviations, suffixes, edits.
for title_b, company_b, edit in [
    ("Sr. ML Engineer, Ranking", Q + ", Inc.", ""),
    ("Senior Machine Learning Engineer, Ranking (Remote)", Q, "prefix"),
    ("Senior ML Engineer, Ranking", "quill metrics", "cut"),
    ("Senior Machine Learning Engineer", Q + " Inc", ""),
    ("Senior Machine Learning Engineer, Ranking - Remote US", "Quill Metrics LLC", "prefix"),
]:
    for src in ("remoteok", "weworkremotely"):
        add(
            (
                "greenhouse",
                Q,
                "Senior Machine Learning Engineer, Ranking",
                "ranking",
                "",
                "San Francisco, CA",
                GH + "4100201",
                None,
            ),
            (src, company_b, title_b, "ranking", edit, "Remote", None, None),
            True,
            f"aggregator copy: {title_b}",
        )
# Same job through the apply link (tracking parameters, other hosts).
GH_RANKING: Side = (
    "greenhouse",
    Q,
    "Senior Machine Learning Engineer, Ranking",
    "ranking",
    "",
    None,
    GH + "4100201",
    None,
)
for link in [
    GH + "4100201?gh_src=hn",
    "https://job-boards.greenhouse.io/quillmetrics/jobs/4100201",
    "https://quillmetrics.com/careers?gh_jid=4100201&utm_source=hn",
    "https://boards.greenhouse.io/embed/job_app?token=4100201",
]:
    add(
        GH_RANKING,
        ("hn_hiring", "Quill Metrics", "Senior ML Engineer", "search", "", None, None, link),
        True,
        f"HN links the ATS job: {link}",
    )
for link in [LV + UUID1 + "?lever-source=hn", LV + UUID1 + "/apply?lever-origin=applied"]:
    add(
        ("lever", T, "Research Scientist, Evaluation", "evals", "", None, LV + UUID1, None),
        ("remotive", T, "Research Scientist - Evaluation", "evals", "cut", None, None, link),
        True,
        "aggregator links the Lever job",
    )
# Apply link to another job of the company: apart.
add(
    ("lever", T, "Research Scientist, Evaluation", "evals", "", None, LV + UUID1, None),
    ("remotive", T, "Research Engineer, Pretraining", "pretrain", "", None, None, LV + UUID2),
    False,
    "links a different Lever job",
)
add(
    GH_RANKING,
    (
        "hn_hiring",
        Q,
        "Data Scientist",
        "growth",
        "",
        None,
        None,
        "https://quillmetrics.com/careers",
    ),
    False,
    "HN links only the careers page",
)


# HN reposts next month: same; another level in the thread: apart.
SENIOR_MLE = "Senior Machine Learning Engineer"
add(hn(SENIOR_MLE), hn(SENIOR_MLE, "prefix"), True, "HN repost next month")
add(hn(SENIOR_MLE), hn("Staff Machine Learning Engineer"), False, "HN, other level")


def _about(company: str) -> str:
    return next((k for k in ABOUT if company.lower().startswith(k.lower())), T)


def hand_pairs() -> list[dict[str, Any]]:
    out = []
    for n, (a, b, same, note) in enumerate(HAND, 1):
        sides = {}
        for name, (source, company, title, team, edit, location, url, apply_url) in (
            ("a", a),
            ("b", b),
        ):
            side = {
                "source": source,
                "company": company,
                "title": title,
                "description": text(_about(company), team, edit),
            }
            if location:
                side["location_text"] = location
            if url:
                side["url"] = url
            if apply_url:
                side["apply_url"] = apply_url
            sides[name] = side
        out.append({"id": f"hand-{n:03d}", "hard": True, "same": same, "note": note, **sides})
    return out


def spec(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("source", "company", "title", "description", "location_text", "url", "apply_url")
    return {k: row[k] for k in keys if row.get(k)}


def generated_pairs(count: int, seed: int = 5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = generate(6000, seed=seed)
    by_job: dict[int, list[dict]] = {}
    by_company: dict[str, list[dict]] = {}
    for row in rows:
        by_job.setdefault(row["job"], []).append(row)
        by_company.setdefault(row["company"].split(" Inc")[0], []).append(row)
    multi = [rs for rs in by_job.values() if len(rs) > 1]
    out = []
    while len(out) < count:
        kind = len(out) % 3
        if kind == 0:  # same job, two sources
            a, b = rng.sample(rng.choice(multi), 2)
            same = True
        elif kind == 1:  # same company, other job (hard)
            group = rng.choice([g for g in by_company.values() if len({r["job"] for r in g}) > 1])
            a = rng.choice(group)
            b = rng.choice([r for r in group if r["job"] != a["job"]])
            same = False
        else:  # any two postings
            a, b = rng.sample(rows, 2)
            same = a["job"] == b["job"]
        out.append(
            {
                "id": f"gen-{len(out) + 1:03d}",
                "hard": kind == 1,
                "same": same,
                "a": spec(a),
                "b": spec(b),
            }
        )
    return out


def main() -> None:
    pairs = hand_pairs()
    pairs += generated_pairs(540 - len(pairs) if len(pairs) < 540 else 440)
    OUT.write_text(
        "# Labelled posting pairs for the dedupe bench; written by bench/dedupe_pairs.py\n"
        + yaml.safe_dump({"pairs": pairs}, sort_keys=False, allow_unicode=True, width=100)
    )
    print(f"{len(pairs)} pairs ({sum(p['id'].startswith('hand') for p in pairs)} by hand) -> {OUT}")


if __name__ == "__main__":
    main()
