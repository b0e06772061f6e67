"""Invented job postings with realistic cross-source duplicates, for the dedupe bench and the
labelled pairs (tests/data/dedupe_pairs.yaml). Deterministic for a given seed.

A company has an about-us and a benefits paragraph that all its postings share (so two jobs
of one company look alike, as on real boards); a job has its own paragraph. A job appears on
its ATS board (one record per location for some), is copied by aggregators (title shortened
or abbreviated, company with a legal suffix, text lightly edited or cut, apply link with
tracking parameters or none) and sometimes in a Hacker News comment in its own words that
links the ATS job or only the careers page. Different levels and teams of one company are
different jobs: the hard negatives.

    uv run python -m bench.dedupe_data   # rewrites tests/data/dedupe_pairs.yaml
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any

import pyarrow as pa

from pipelines.urls import record_urls

SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "ta",
    "len",
    "vor",
    "quil",
    "fen",
    "dra",
    "so",
    "lu",
    "mi",
    "ne",
    "pa",
    "zo",
    "ther",
    "gal",
    "brin",
    "cor",
    "dex",
    "vel",
    "nor",
    "sta",
    "hal",
    "tri",
    "vex",
    "ban",
    "cal",
    "dor",
    "el",
    "fa",
    "gra",
    "hel",
    "ix",
    "jo",
    "kel",
    "lor",
    "mar",
    "nim",
    "ost",
    "pel",
    "qua",
    "ros",
    "sel",
    "tor",
    "ul",
    "vin",
    "wex",
    "yar",
    "zel",
]
SUFFIXES = ["Labs", "AI", "Analytics", "Health", "Systems", "Robotics", "Bio", "Data", ""]
LEGAL = ["Inc.", ", Inc.", "LLC", "Ltd", "GmbH", "B.V."]
LEVELS = ["", "", "", "Senior", "Senior", "Staff", "Principal", "Junior", "Lead"]
BASES = [
    "Machine Learning Engineer",
    "Data Scientist",
    "Research Scientist",
    "Software Engineer",
    "Data Engineer",
    "MLOps Engineer",
    "Applied Scientist",
    "Data Analyst",
    "AI Engineer",
    "Computer Vision Engineer",
]
TEAMS = [
    "Ranking",
    "Search",
    "Ads",
    "Growth",
    "Platform",
    "Infrastructure",
    "Fraud",
    "Recommendations",
    "Forecasting",
    "Payments",
    "Risk",
    "Pricing",
    "Speech",
    "Safety",
    "Evaluation",
]
CITIES = [
    ("San Francisco, CA", "US"),
    ("New York, NY", "US"),
    ("Austin, TX", "US"),
    ("Seattle, WA", "US"),
    ("London, United Kingdom", "GB"),
    ("Berlin, Germany", "DE"),
    ("Paris, France", "FR"),
    ("Toronto, Canada", "CA"),
    ("Amsterdam, Netherlands", "NL"),
    ("Bangalore, India", "IN"),
]
ATS = ["greenhouse", "lever", "ashby"]
AGGREGATORS = [("remoteok", 0.3), ("remotive", 0.2), ("weworkremotely", 0.15)]
T0 = datetime(2026, 9, 1, tzinfo=UTC)


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(words)


class Generator:
    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(self.rng, 4000)
        self.next_id = 0
        self.names: set[str] = set()
        self.greenhouse_ids: set[str] = set()

    def sentence(self, n: int) -> str:
        return " ".join(self.rng.choice(self.vocab) for _ in range(n)) + "."

    def paragraph(self, words: int) -> str:
        out, left = [], words
        while left > 0:
            n = min(left, self.rng.randint(8, 16))
            out.append(self.sentence(n))
            left -= n
        return " ".join(out)

    def company(self) -> dict[str, Any]:
        rng = self.rng
        while True:
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            display = f"{name} {rng.choice(SUFFIXES)}".strip()
            if display.lower() not in self.names:
                self.names.add(display.lower())
                break
        return {
            "name": display,
            "token": display.lower().replace(" ", ""),
            "about": self.paragraph(rng.randint(30, 60)),
            "benefits": self.paragraph(rng.randint(20, 40)),
        }

    def job(self, company: dict[str, Any], taken: set) -> dict[str, Any]:
        rng = self.rng
        while True:
            level, base = rng.choice(LEVELS), rng.choice(BASES)
            team = rng.choice(TEAMS) if rng.random() < 0.6 else ""
            if (level, base, team) not in taken:
                taken.add((level, base, team))
                break
        title = " ".join(p for p in (level, base) if p) + (f", {team}" if team else "")
        self.next_id += 1
        cities = rng.sample(CITIES, 3 if rng.random() < 0.05 else 2 if rng.random() < 0.15 else 1)
        return {
            "job": self.next_id,
            "company": company,
            "title": title,
            "level": level,
            "base": base,
            "team": team,
            "body": self.paragraph(rng.randint(60, 160)),
            "cities": cities,
            "ats": rng.choice(ATS) if rng.random() < 0.65 else None,
            "posted": T0 + timedelta(hours=rng.randint(0, 24 * 60)),
        }


def _row(source: str, source_id: str, job: dict, **fields: Any) -> dict[str, Any]:
    city, country = fields.pop("city", job["cities"][0])
    url, apply_url = fields.pop("url", None), fields.pop("apply_url", None)
    canonical, urls = record_urls(source, url, apply_url, fields.pop("links", []))
    at = job["posted"] + timedelta(days=1)
    row = {
        "source": source,
        "source_id": source_id,
        "role_index": 0,
        "title": job["title"],
        "company": job["company"]["name"],
        "description": "",
        "location_text": city,
        "countries": [country],
        "country": country,
        "region": None,
        "remote": "unknown",
        "remote_scope": [],
        "salary_min": None,
        "salary_max": None,
        "salary_currency": None,
        "salary_currency_uncertain": None,
        "salary_period": None,
        "salary_min_usd": None,
        "salary_max_usd": None,
        "salary_text": None,
        "salary_source": None,
        "posted_at": job["posted"],
        "first_seen": at,
        "last_seen": at,
        "fetched_at": at,
        "url": url,
        "apply_url": apply_url,
        "canonical_url": canonical,
        "urls": urls,
    }
    row.update(fields)
    return row


def _ats_url(job: dict, job_id: str) -> str:
    token = job["company"]["token"]
    return {
        "greenhouse": f"https://job-boards.greenhouse.io/{token}/jobs/{job_id}",
        "lever": f"https://jobs.lever.co/{token}/{job_id}",
        "ashby": f"https://jobs.ashbyhq.com/{token}/{job_id}",
    }[job["ats"]]


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _edit(rng: random.Random, text: str, drop: float, cut: float) -> str:
    words = [w for w in text.split() if rng.random() >= drop]
    if rng.random() < cut:
        words = words[: int(len(words) * rng.uniform(0.6, 0.9))]
    return " ".join(words)


def _short_title(rng: random.Random, job: dict) -> str:
    title = job["title"]
    roll = rng.random()
    if roll < 0.25:
        title = title.replace("Senior", "Sr.").replace("Machine Learning", "ML")
    elif roll < 0.35 and job["team"]:
        title = " ".join(p for p in (job["level"], job["base"]) if p)
    elif roll < 0.45:
        title = f"{title} (Remote)"
    return title


def emit(gen: Generator, job: dict) -> list[dict[str, Any]]:
    """Every source record of one job."""
    rng = gen.rng
    company = job["company"]
    text = f"{company['about']} {job['body']} {company['benefits']}"
    rows = []
    ats_url = None
    if job["ats"]:
        for city in job["cities"]:
            if job["ats"] == "greenhouse":  # Greenhouse job ids are unique across all boards
                job_id = str(rng.randint(10**6, 10**7))
                while job_id in gen.greenhouse_ids:
                    job_id = str(rng.randint(10**6, 10**7))
                gen.greenhouse_ids.add(job_id)
            else:
                job_id = _uuid(rng)
            url = _ats_url(job, job_id)
            ats_url = ats_url or url
            # One of the records may name its city in the title; if two named theirs, they
            # would be two jobs (one per place), not one job listed twice.
            named = len(job["cities"]) > 1 and rng.random() < 0.3 and city is job["cities"][0]
            title = job["title"] + (f" - {city[0].split(',')[0]}" if named else "")
            rows.append(
                _row(job["ats"], job_id, job, city=city, url=url, title=title, description=text)
            )
    for source, p in AGGREGATORS:
        if rng.random() < (p if job["ats"] else p * 2):
            gen.next_id += 1
            apply_url = None
            if ats_url and rng.random() < 0.7:
                apply_url = ats_url + "?utm_source=" + source + "&utm_medium=board"
            name = company["name"] + (f" {rng.choice(LEGAL)}" if rng.random() < 0.3 else "")
            rows.append(
                _row(
                    source,
                    f"{source[:3]}-{gen.next_id}",
                    job,
                    title=_short_title(rng, job),
                    company=name,
                    url=f"https://{source}.example/jobs/{gen.next_id}",
                    apply_url=apply_url,
                    description=_edit(rng, text, 0.03, 0.3),
                    location_text="Remote",
                    remote="remote",
                )
            )
    if rng.random() < (0.1 if rows else 1.0):
        gen.next_id += 1
        links = []
        if ats_url and rng.random() < 0.6:
            links.append(ats_url + "?gh_src=hn")
        links.append(f"https://{company['token']}.example/careers")
        body = gen.paragraph(rng.randint(25, 60)) + " " + _edit(rng, job["body"], 0.5, 1.0)
        rows.append(
            _row(
                "hn_hiring",
                str(40_000_000 + gen.next_id),
                job,
                title=_short_title(rng, job),
                url=f"https://news.ycombinator.com/item?id={40_000_000 + gen.next_id}",
                apply_url=links[0],
                links=links,
                description=f"{company['name']} | {job['title']} | {body}",
            )
        )
    for row in rows:
        row["job"] = job["job"]
    return rows


def _rows(seed: int) -> Iterator[dict[str, Any]]:
    """Source rows without end (each with its true job in `row["job"]`)."""
    gen = Generator(seed)
    while True:
        company = gen.company()
        taken: set = set()
        size = min(int(gen.rng.paretovariate(1.2)), 60)
        for _ in range(size):
            yield from emit(gen, gen.job(company, taken))


def generate(n: int, seed: int = 1) -> list[dict[str, Any]]:
    """About `n` source rows (each with its true job in `row["job"]`)."""
    return list(islice(_rows(seed), n))


def generate_table(n: int, seed: int = 1, chunk: int = 50_000) -> pa.Table:
    """The rows of `generate` as columns, made `chunk` rows at a time: a million rows as
    dicts would cost 3 GB, as an Arrow table about half."""
    rows = _rows(seed)
    parts = [
        pa.Table.from_pylist(list(islice(rows, min(chunk, n - start))))
        for start in range(0, n, chunk)
    ]
    return pa.concat_tables(parts, promote_options="permissive")
