"""Invented raw-zone records for benchmarks: Hacker News "Who is hiring?" comments, RemoteOK
and Greenhouse jobs, shaped like the sources' responses and varied from templates (companies,
titles, locations, salaries, skills, header formats, description lengths).

Generation is lazy and deterministic: record `i` depends only on the seed and `i`, so a range
of indices can be generated in any process and the whole set never sits in memory.
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterator
from typing import Any

CHUNK = 1_000  # records per random stream: chunk c of seed s always yields the same records

# An invented company: a prefix and a suffix, with or without a space ("Orbit Labs").
PREFIXES = ("Lumen", "Kestrel", "Orbit", "Quill", "Harbor", "Nimbus", "Vayu", "Sakura", "Cobalt")
SUFFIXES = ("AI", "Labs", "Analytics", "Health", "Robotics", "Data", "Systems", "Bio", "Inc")
TITLES = [
    "Machine Learning Engineer",
    "Senior Machine Learning Engineer",
    "Staff ML Engineer, Ranking",
    "Data Scientist",
    "Senior Data Scientist, Pricing",
    "Research Scientist, NLP",
    "Applied Scientist",
    "MLOps Engineer",
    "Data Engineer",
    "AI Engineer (LLM applications)",
    "Computer Vision Engineer",
    "Lead Data Analyst",
    "Backend Engineer (Go)",
    "Machine Learning Intern",
    "Principal Scientist, Reinforcement Learning",
    "Ingeniero/a de Machine Learning",
    "Data Scientist (m/w/d)",
]
# (location, currency symbol, low and high of a yearly band in thousands)
PLACES = [
    ("San Francisco, CA", "$", 150, 260),
    ("New York, NY", "$", 140, 240),
    ("Austin, TX", "$", 120, 200),
    ("Seattle, WA", "$", 140, 230),
    ("Toronto, Canada", "CA$", 110, 180),
    ("London, UK", "£", 60, 120),
    ("Berlin, Germany", "€", 65, 110),
    ("Paris, France", "€", 55, 95),
    ("Amsterdam, Netherlands", "€", 60, 105),
    ("Zurich, Switzerland", "CHF ", 110, 170),
    ("Warsaw, Poland", "PLN ", 180, 320),
    ("Bangalore, India", "₹", 2_500, 6_000),
    ("Sydney, Australia", "A$", 130, 200),
    ("Singapore", "S$", 90, 170),
    ("Tokyo, Japan", "¥", 8_000, 15_000),
    ("São Paulo, Brazil", "R$", 150, 300),
]
REMOTE = ["REMOTE (US)", "Remote (EU timezones)", "Hybrid (2 days)", "Onsite", "Remote", ""]
SKILLS = [
    "Python", "PyTorch", "TensorFlow", "JAX", "scikit-learn", "XGBoost", "LightGBM", "Spark",
    "Airflow", "dbt", "Snowflake", "Kubernetes", "Docker", "Terraform", "AWS", "GCP", "Azure",
    "MLflow", "Kafka", "PostgreSQL", "Redis", "FastAPI", "Hugging Face", "LangChain", "vLLM",
    "Ray", "pandas", "NumPy", "SQL", "Go", "Rust", "C++", "TypeScript", "Databricks",
]  # fmt: skip
PROSE = [
    "We build {what} for {who}. The team is {n} people, profitable, and growing slowly.",
    "You would own our training pipelines end to end: features in {s1}, training in {s2}, "
    "serving on {s3}.",
    "Experience shipping {s1} models to production matters more to us than a PhD.",
    "We care about evaluation: offline metrics, A/B tests, and talking to the {who} who use it.",
    "Our stack: {s1}, {s2}, {s3} and {s4}. No on-call heroics, no take-home over two hours.",
    "Interviews: a call with the hiring manager, a pairing session in {s1}, and a chat with {n} "
    "people from the team.",
    "Benefits include health insurance, {n} days of paid leave and a learning budget.",
]
WHAT = ["ranking models", "demand forecasts", "fraud detection", "document search", "speech apps"]
WHO = ["hospitals", "grocery chains", "insurers", "logistics companies", "small banks", "farmers"]


def _pick_skills(rng: random.Random, k: int) -> list[str]:
    return rng.sample(SKILLS, k)


def _paragraphs(rng: random.Random) -> list[str]:
    out = []
    for template in rng.sample(PROSE, rng.randint(2, len(PROSE))):
        s = _pick_skills(rng, 4)
        out.append(
            template.format(
                what=rng.choice(WHAT),
                who=rng.choice(WHO),
                n=rng.randint(3, 80),
                s1=s[0],
                s2=s[1],
                s3=s[2],
                s4=s[3],
            )
        )
    return out


def _salary(rng: random.Random, symbol: str, low: int, high: int) -> str:
    """A pay phrase as posters write it, or none."""
    lo = rng.randrange(low, high, 5)
    hi = lo + rng.randrange(10, max(11, (high - low) // 2), 5)
    form = rng.randrange(8)
    if form == 0:
        return ""
    if form == 1:
        return "Competitive salary + equity"
    if form == 2:
        return f"{symbol}{lo},000 - {symbol}{hi},000"
    if form == 3:
        return f"{symbol}{lo}-{hi}k + equity"
    if form == 4 and symbol == "$":
        return f"${rng.randint(60, 150)}/hr"
    return f"{symbol}{lo}k–{symbol}{hi}k"


def _company(rng: random.Random) -> str:
    return f"{rng.choice(PREFIXES)}{rng.choice(['', ' '])}{rng.choice(SUFFIXES)}"


def _hn(rng: random.Random, i: int) -> dict[str, Any]:
    company, title = _company(rng), rng.choice(TITLES)
    place, symbol, low, high = rng.choice(PLACES)
    remote, pay = rng.choice(REMOTE), _salary(rng, symbol, low, high)
    url = f"https://{company.lower().replace(' ', '')}.example/careers"
    form = rng.randrange(4)
    if form == 0:
        fields = [company, title, place, remote, "Full-time", pay, url]
        header = " | ".join(f for f in fields if f)
    elif form == 1:
        header = f"{company} - {title} - {place}{f' ({remote})' if remote else ''}"
    elif form == 2:
        roles = rng.sample(TITLES, rng.randint(2, 4))
        lines = "\n".join(f"- {r} ({', '.join(_pick_skills(rng, 2))})" for r in roles)
        header = f"{company} | {place} | {remote or 'Onsite'} | {pay}<p>Open roles:<p>{lines}"
    else:
        header = f"{company} is hiring a {title} in {place}. {pay}."
    body = "<p>".join(html.escape(p, quote=True) for p in _paragraphs(rng))
    link = f'<a href="{url}" rel="nofollow">{url}</a>'
    created = f"2026-{rng.randint(1, 11):02d}-0{rng.randint(1, 9)}T15:04:42.000Z"
    return {
        "source": "hn_hiring",
        "source_id": str(48_000_000 + i),
        "url": f"https://news.ycombinator.com/item?id={48_000_000 + i}",
        "fetched_at": "2026-11-20T09:14:04+00:00",
        "request_url": "https://hn.algolia.com/api/v1/items/48000000",
        "record": {
            "author": f"user{i}",
            "created_at": created,
            "id": 48_000_000 + i,
            "parent_id": 48_000_000,
            "story_id": 48_000_000,
            "text": f"{header}<p>{body}<p>Apply: {link}",
            "type": "comment",
        },
        "context": {
            "thread_id": 48_000_000,
            "thread_title": f"Ask HN: Who is hiring? ({created[:7]})",
            "month": created[:7],
        },
    }


def _remoteok(rng: random.Random, i: int) -> dict[str, Any]:
    company, title = _company(rng), rng.choice(TITLES)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(rng))
    skills = _pick_skills(rng, 3)
    items = "".join(f"<li>Experience with {s}</li>" for s in skills)
    low = rng.choice([0, 0, 90_000, 120_000, 150_000, 60])
    slug = f"remote-{title.lower().replace(' ', '-')}-{i}"
    url = f"https://remoteOK.com/remote-jobs/{slug}"
    return {
        "source": "remoteok",
        "source_id": str(i),
        "url": url,
        "fetched_at": "2026-11-20T09:30:00+00:00",
        "request_url": "https://remoteok.com/api",
        "record": {
            "slug": slug,
            "id": str(i),
            "epoch": 1_795_104_004 - i,
            "date": "2026-11-19T16:00:04+00:00",
            "company": company,
            "position": title,
            "tags": [s.lower() for s in skills] + ["engineer"],
            "description": f"{paragraphs}<ul>{items}</ul><br/>Please mention the word **LANTERN** "
            "and tag RMjAzLjAuMTEzLjEw when applying (#RMjAzLjAuMTEzLjEw).",
            "location": rng.choice(["United States", "Remote - Europe", "Worldwide", "", "LATAM"]),
            "apply_url": url,
            "salary_min": low,
            "salary_max": low + (30_000 if low > 1000 else 20 if low else 0),
            "url": url,
        },
        "context": {"attribution": "Remote OK (https://remoteok.com)"},
    }


def _greenhouse(rng: random.Random, i: int) -> dict[str, Any]:
    company, title = _company(rng), rng.choice(TITLES)
    place, symbol, low, high = rng.choice(PLACES)
    paragraphs = "".join(f"<p>{p}</p>" for p in _paragraphs(rng))
    items = "".join(f"<li>{s} in production</li>" for s in _pick_skills(rng, 4))
    pay = ""
    metadata = []
    if rng.random() < 0.4:
        pay = (
            '<div class="content-pay-transparency"><div class="pay-input">'
            f'<div class="title">{place} base salary</div><div class="pay-range">'
            f"<span>{symbol}{low},000</span><span>&mdash;</span><span>{symbol}{high},000</span>"
            "</div></div></div>"
        )
    elif rng.random() < 0.5:
        value = {"unit": "USD", "min_value": f"{low * 1000}.0", "max_value": f"{high * 1000}.0"}
        metadata = [{"name": "Salary Range", "value": value, "value_type": "currency_range"}]
    content = f"{paragraphs}<h3>You have</h3><ul>{items}</ul>{pay}"
    board = company.lower().replace(" ", "")
    return {
        "source": "greenhouse",
        "source_id": str(4_000_000 + i),
        "url": f"https://boards.greenhouse.io/{board}/jobs/{4_000_000 + i}",
        "fetched_at": "2026-11-27T10:15:00+00:00",
        "request_url": f"https://boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true",
        "record": {
            "absolute_url": f"https://boards.greenhouse.io/{board}/jobs/{4_000_000 + i}",
            "location": {"name": place},
            "metadata": metadata,
            "id": 4_000_000 + i,
            "updated_at": "2026-11-20T14:03:11-05:00",
            "title": title,
            "company_name": company,
            "first_published": f"2026-{rng.randint(1, 11):02d}-02T09:12:40-05:00",
            "content": html.escape(content),
        },
        "context": {"board": board, "company": None, "careers_url": None},
    }


SOURCES = ((_hn, 0.4), (_remoteok, 0.3), (_greenhouse, 0.3))


def records(start: int, stop: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Records `start`..`stop - 1`, one at a time; the same indices always give the same
    records, whatever process generates them (`start` must be a multiple of CHUNK)."""
    makers, weights = zip(*SOURCES, strict=True)
    for chunk_start in range(start, stop, CHUNK):
        rng = random.Random(seed * 1_000_003 + chunk_start // CHUNK)
        for i in range(chunk_start, min(chunk_start + CHUNK, stop)):
            yield rng.choices(makers, weights)[0](rng, i)
