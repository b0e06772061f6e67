"""Lead lists: candidates merged across months, companies that hire, and match scores.

Pure functions: records in, rows out. The assets in `sourcing/assets/leads.py` feed them
from the raw zone and the warehouse.

Match score (`sourcing export leads --skills a,b`)
--------------------------------------------------
For the skills asked for, Q, and a lead's skills, S::

    idf(s)   = ln((N + 1) / (df(s) + 1)) + 1        N: candidates + postings, df: those with s
    overlap  = Σ idf(s) for s in Q ∩ S  /  Σ idf(s) for s in Q
    recency  = 0.5 ** (months since the lead's last post / 6)   (newest date in the data = 0)
    score    = overlap × recency                                  in [0, 1]

So a rare skill (JAX) counts for more than a common one (Python), a lead with every skill
asked for posted this month scores 1.0, and the same lead six months older scores 0.5.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from pipelines.catalog import ATS_SOURCES, CATALOG, candidate_extractor, job_in_url
from pipelines.company_identity import resolve_companies, stable_id
from pipelines.extract.candidates import find_emails, url_kind
from pipelines.rawzone.identity import normalize_identifier
from pipelines.timezones import candidate_offsets, offset_columns

RECENCY_HALF_LIFE_MONTHS = 6.0
ML_JOBS_SHOWN = 10  # titles and links of a company's ML postings kept in `companies`
# Hosts that list jobs for many companies: never a company's own domain (the catalog's
# sources' hosts, and these).
_OTHER_SHARED_HOSTS = (
    "linkedin.com",
    "github.com",
    "bamboohr.com",
    "myworkdayjobs.com",
    "notion.site",
    "google.com",
    "forms.gle",
    "typeform.com",
    "wellfound.com",
    "angel.co",
)
_SHARED_HOSTS = re.compile(
    r"(?:^|\.)(?:"
    + "|".join(
        re.escape(h)
        for h in sorted({*(h for s in CATALOG.values() for h in s.hosts), *_OTHER_SHARED_HOSTS})
    )
    + r")$"
)

# --------------------------------------------------------------------------- candidates


def candidate_id(source: str, handle: str) -> str:
    return stable_id(source, handle.lower())


def candidate_post(raw: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """One raw record of a candidates source → (post row, None) or (None, skip reason)."""
    extract = candidate_extractor(raw.get("source") or "")
    if extract is None:
        return None, f"no candidate extractor for source {raw.get('source')!r}"
    extraction = extract(raw.get("record") or {}, raw.get("context") or {})
    c = extraction.candidate
    if c is None:
        return None, extraction.skip_reason
    context = raw.get("context") or {}
    posted_at = c.posted_at
    first, _, last = (c.name or "").partition(" ")
    first, last = first or None, last or None
    return {
        "candidate_id": candidate_id(raw["source"], c.handle),
        "source": raw["source"],
        "source_id": str(raw["source_id"]),
        "handle": c.handle,
        "location_text": c.location_text,
        "country": c.country,
        "region": c.region,
        "remote": c.remote,
        "relocate": c.relocate,
        **offset_columns(candidate_offsets(c.location_text, c.country)),
        "skills": c.skills,
        "roles": c.roles,
        "seniority": c.seniority,
        "email": c.email,
        "urls": c.urls,
        "github_url": next((u for u in c.urls if url_kind(u) == "github"), None),
        "linkedin_url": next((u for u in c.urls if url_kind(u) == "linkedin"), None),
        "first_name": first,
        "last_name": last,
        "excerpt": c.excerpt,
        "posted_at": posted_at,
        "month": context.get("month") or (posted_at.strftime("%Y-%m") if posted_at else None),
        "url": raw.get("url"),
    }, None


def merge_candidates(posts: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per person (source + handle) from their posts across months.

    The row is the person's latest post as they wrote it: an older post's email or links are
    not carried over, since the person may have removed them on purpose. `first_seen` and
    `last_seen` are their first and latest post; `post_urls` lists every post, latest first.
    """
    by_person: dict[str, list[dict[str, Any]]] = {}
    for post in posts:
        by_person.setdefault(post["candidate_id"], []).append(post)
    merged = []
    for cid, mine in by_person.items():
        mine.sort(key=lambda p: (p["posted_at"] or datetime.min, p["source_id"]), reverse=True)
        latest = mine[0]
        dates = [p["posted_at"] for p in mine if p["posted_at"] is not None]
        row = {k: v for k, v in latest.items() if k != "month"}
        row.update(
            candidate_id=cid,
            first_seen=min(dates) if dates else None,
            last_seen=max(dates) if dates else None,
            posts=len(mine),
            post_urls=[p["url"] for p in mine if p["url"]],
        )
        merged.append(row)
    link_people(merged)
    merged.sort(key=lambda r: (r["last_seen"] or datetime.min, r["candidate_id"]), reverse=True)
    return merged


def _github_login(url: str | None) -> str | None:
    """'https://github.com/Ana-K/' → 'ana-k' (a profile, not a repository page)."""
    if not url:
        return None
    host, _, path = normalize_identifier("url", url).partition("/")
    parts = [p for p in path.split("/") if p]
    return parts[0] if host == "github.com" and len(parts) == 1 else None


def person_keys(row: dict[str, Any]) -> set[tuple[str, str]]:
    """What identifies the person of a candidate row across sources: their e-mail, their
    GitHub login (a GitHub profile is its login; other sources link the profile), and their
    handle. Names are never used."""
    keys = {("handle", normalize_identifier("handle", row["handle"]))}
    if row.get("email"):
        keys.add(("email", normalize_identifier("email", row["email"])))
    login = row["handle"].lower() if row["source"] == "github" else None
    if login := login or _github_login(row.get("github_url")):
        keys.add(("github", login))
    return keys


def link_people(rows: Sequence[dict[str, Any]]) -> None:
    """Set `person_id` on each candidate row (in place): rows that share a `person_keys` key,
    directly or through others, are one person, named by their smallest `candidate_id`."""
    parent: dict[str, str] = {r["candidate_id"]: r["candidate_id"] for r in rows}

    def root(cid: str) -> str:
        while parent[cid] != cid:
            parent[cid] = parent[parent[cid]]
            cid = parent[cid]
        return cid

    owner: dict[tuple[str, str], str] = {}
    for row in rows:
        for key in person_keys(row):
            if key in owner:
                a, b = root(owner[key]), root(row["candidate_id"])
                parent[max(a, b)] = min(a, b)
            else:
                owner[key] = row["candidate_id"]
    for row in rows:
        row["person_id"] = root(row["candidate_id"])


# --------------------------------------------------------------------------- match score


def skill_idf(skill_lists: Iterable[Sequence[str]]) -> dict[str, float]:
    """idf(s) = ln((N + 1) / (df(s) + 1)) + 1 over the given documents' skill lists; a skill
    no document has gets the top weight, ln(N + 1) + 1."""
    df: Counter[str] = Counter()
    n = 0
    for skills in skill_lists:
        n += 1
        df.update(set(skills or ()))
    weights = {s: math.log((n + 1) / (d + 1)) + 1 for s, d in df.items()}
    weights[""] = math.log(n + 1) + 1  # the weight of an unseen skill
    return weights


def months_between(earlier: datetime, later: datetime) -> float:
    return max(0.0, (later - earlier).total_seconds() / (86400 * 30.44))


def match_score(
    wanted: Sequence[str],
    skills: Sequence[str],
    idf: dict[str, float],
    last_seen: datetime | None,
    now: datetime | None,
) -> float:
    """Skill overlap weighted by rarity, times recency (see the module docstring)."""
    wanted = list(dict.fromkeys(w for w in wanted if w))
    if not wanted:
        return 1.0
    unseen = idf.get("", 1.0)
    total = sum(idf.get(s, unseen) for s in wanted)
    have = set(skills or ())
    overlap = sum(idf.get(s, unseen) for s in wanted if s in have) / total
    recency = 1.0
    if last_seen is not None and now is not None:
        age = months_between(_naive(last_seen), _naive(now))
        recency = 0.5 ** (age / RECENCY_HALF_LIFE_MONTHS)
    return round(overlap * recency, 4)


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None) if value.tzinfo else value


# --------------------------------------------------------------------------- companies


def company_postings(
    postings: Sequence[dict[str, Any]], sources: Sequence[dict[str, Any]] = ()
) -> list[dict[str, Any]]:
    """`company_postings` rows: which company each posting belongs to, so that views can
    count a company once whatever spelling (or board token) its postings use."""
    resolved = resolve_companies(postings, sources)
    return [
        {"posting_id": p["posting_id"], "company_id": resolved[p["posting_id"]].company_id}
        for p in postings
        if p["posting_id"] in resolved
    ]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return host or None


def company_domain(urls: Iterable[str | None]) -> str | None:
    """The company's own site, from the links of its postings (job boards and ATS hosts
    excluded): "careers.example.com" → "example.com"."""
    hosts = Counter(
        re.sub(r"^(?:jobs|careers|career|boards|apply|work|hiring)\.", "", h)
        for u in urls
        if (h := _host(u)) and not _SHARED_HOSTS.search(h)
    )
    return hosts.most_common(1)[0][0] if hosts else None


def careers_url(
    urls: Iterable[str | None], sources: Iterable[tuple[str, str | None]]
) -> str | None:
    """A careers page on the company's own site, else its ATS job board."""
    urls = [u for u in urls if u]
    for url in urls:
        host = _host(url) or ""
        if not _SHARED_HOSTS.search(host) and re.search(
            r"(?i)(?:^|\.)(?:careers?|jobs)\.|/(?:careers?|jobs|join|work-with-us)\b", url
        ):
            return url
    for source, url in sources:
        spec = CATALOG.get(source)
        if spec is not None and spec.board_url and url:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower().removeprefix("www.")
            found = job_in_url(host + parts.path)
            if found and found[0] == source and found[2]:
                return spec.board_url.format(board=found[2])
    return None


def build_companies(
    postings: Sequence[dict[str, Any]],
    sources: Sequence[dict[str, Any]],
    descriptions: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One row per hiring company from `postings` (warehouse rows), their `posting_sources`
    rows and the postings' descriptions (posting_id → text, for an application email).

    hiring_velocity = ML postings first seen in the 90 days up to the newest `first_seen`
    in the data, per month (÷ 3).
    """
    descriptions = descriptions or {}
    src_by_posting: dict[str, list[dict[str, Any]]] = {}
    for s in sources:
        src_by_posting.setdefault(s["posting_id"], []).append(s)
    newest = max((_naive(p["first_seen"]) for p in postings if p.get("first_seen")), default=None)
    resolved = resolve_companies(postings, sources, descriptions)
    groups: dict[str, list[dict[str, Any]]] = {}
    for p in postings:
        if company := resolved.get(p["posting_id"]):
            groups.setdefault(company.company_id, []).append(p)
    rows = []
    for cid, mine in groups.items():
        mine.sort(key=lambda p: (_naive(p["first_seen"]), p["posting_id"]), reverse=True)
        ml = [p for p in mine if p["is_ml"]]
        # its ML postings to show a sourcer: open ones first, newest first
        shown = sorted(ml, key=lambda p: p["status"] != "open")[:ML_JOBS_SHOWN]
        skills = Counter(s for p in (ml or mine) for s in p["skills"])
        roles = Counter(p["role"] for p in ml)
        links = [u for p in mine for u in (p.get("apply_url"), p.get("url"))]
        src_links = [
            (s["source"], s.get("url"))
            for p in mine
            for s in src_by_posting.get(p["posting_id"], [])
        ]
        links += [u for _, u in src_links]
        usd_min = [p["salary_min_usd"] for p in mine if p.get("salary_min_usd") is not None]
        usd_max = [p["salary_max_usd"] for p in mine if p.get("salary_max_usd") is not None]
        countries = Counter(
            c for p in mine for c in (p.get("countries") or [p.get("country")]) if c
        )
        contact = None
        for p in mine:
            emails = find_emails(descriptions.get(p["posting_id"]) or "")
            if emails:
                contact = emails[0]
                break
        recent_ml = 0
        if newest is not None:
            recent_ml = sum(
                1 for p in ml if months_between(_naive(p["first_seen"]), newest) <= 2.96
            )
        rows.append(
            {
                "company_id": cid,
                "name": resolved[mine[0]["posting_id"]].name,
                "domain": company_domain(links),
                "open_postings": sum(1 for p in mine if p["status"] == "open"),
                "ml_postings": len(ml),
                "top_skills": [s for s, _ in skills.most_common(8)],
                "skills": sorted(skills),
                "roles": [r for r, _ in roles.most_common()],
                "salary_min_usd": min(usd_min) if usd_min else None,
                "salary_max_usd": max(usd_max) if usd_max else None,
                "countries": [c for c, _ in countries.most_common()],
                "regions": sorted({p["region"] for p in mine if p.get("region")}),
                "remote_share": round(sum(p["remote"] == "remote" for p in mine) / len(mine), 3),
                "ats": sorted({s for s, _ in src_links if s in ATS_SOURCES}),
                "careers_url": careers_url(links, src_links),
                "contact": contact,
                "hiring_velocity": round(recent_ml / 3, 2),
                "ml_titles": [p["title"] for p in shown],
                "ml_urls": [p.get("url") or p.get("apply_url") for p in shown],
                "first_seen": min(_naive(p["first_seen"]) for p in mine),
                "last_seen": max(_naive(p["last_seen"]) for p in mine),
                "url": mine[0].get("url"),
            }
        )
    rows.sort(key=lambda r: (-r["ml_postings"], -r["open_postings"], r["name"].lower()))
    return rows
