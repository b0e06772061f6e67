"""Builders for test inputs shaped exactly like the sources' responses (invented content)."""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from spiders.har import har_entry, write_har

RECORDED = "Sat, 01 Nov 2026 18:00:00 GMT"


def _ts(iso: str) -> int:
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC).timestamp())


def hn_comment(
    cid: int,
    text: str | None,
    *,
    thread: int,
    author: str | None = "someone",
    created: str = "2026-11-02T16:00:00.000Z",
    replies: list | None = None,
) -> dict:
    """A comment as the Algolia items API returns it (`author`/`text` null when deleted)."""
    return {
        "id": cid,
        "created_at": created,
        "created_at_i": _ts(created),
        "type": "comment",
        "author": author,
        "title": None,
        "url": None,
        "text": text,
        "points": None,
        "parent_id": thread,
        "story_id": thread,
        "children": replies or [],
        "options": [],
    }


def hn_thread(
    tid: int, title: str, comments: list[dict], created: str = "2026-11-02T15:00:00.000Z"
) -> dict:
    return {
        "id": tid,
        "created_at": created,
        "created_at_i": _ts(created),
        "type": "story",
        "author": "whoishiring",
        "title": title,
        "url": None,
        "text": "Please state the location and include REMOTE for remote work.",
        "points": 250,
        "parent_id": None,
        "story_id": tid,
        "children": comments,
        "options": [],
    }


def hn_search(threads: list[dict], page: int = 0, pages: int = 1) -> dict:
    """An Algolia `search_by_date` response listing `threads` (newest first)."""
    hits = [
        {
            "_highlightResult": {
                "title": {"matchLevel": "none", "matchedWords": [], "value": t["title"]}
            },
            "_tags": ["story", "author_whoishiring", f"story_{t['id']}"],
            "author": "whoishiring",
            "children": [c["id"] for c in t["children"]],
            "created_at": t["created_at"],
            "created_at_i": t["created_at_i"],
            "num_comments": len(t["children"]),
            "objectID": str(t["id"]),
            "points": 250,
            "story_id": t["id"],
            "story_text": t["text"],
            "title": t["title"],
            "updated_at": t["created_at"],
        }
        for t in threads
    ]
    return {
        "exhaustive": {"nbHits": True, "typo": True},
        "exhaustiveNbHits": True,
        "exhaustiveTypo": True,
        "hits": hits,
        "hitsPerPage": 20,
        "nbHits": len(hits) * pages,
        "nbPages": pages,
        "page": page,
        "params": "tags=story%2Cauthor_whoishiring",
        "processingTimeMS": 3,
        "query": "",
        "serverTimeMS": 4,
    }


def json_entry(url: str, data: Any, status: int = 200, date: str = RECORDED) -> dict:
    body = data if isinstance(data, bytes) else json.dumps(data).encode()
    return har_entry(
        method="GET",
        url=url,
        request_headers=[],
        status=status,
        response_headers=[("Content-Type", "application/json; charset=utf-8"), ("Date", date)],
        body=body,
        started="2026-11-01T18:00:00.000Z",
    )


def write_entries(path: Path, entries: list[dict]) -> Path:
    write_har(path, entries)
    return path


# --- remote job boards: RemoteOK, Remotive, We Work Remotely --------------------------------


def remoteok_legal() -> dict:
    """The notice RemoteOK puts first in its API list (invented wording, real shape)."""
    return {
        "last_updated": _ts("2026-11-01T18:00:00Z"),
        "legal": "API Terms of Service: link back.",
    }


def remoteok_job(jid: str, position: str, **fields: Any) -> dict:
    """A job as `https://remoteok.com/api` lists it (0 = no salary; mojibake left to callers)."""
    slug = f"remote-{jid}"
    url = f"https://remoteOK.com/remote-jobs/{slug}"
    job = {
        "slug": slug,
        "id": jid,
        "epoch": _ts("2026-11-01T16:00:00Z"),
        "date": "2026-11-01T16:00:00+00:00",
        "company": "Acme",
        "company_logo": "",
        "position": position,
        "tags": [],
        "description": "<p>Join us.</p>",
        "location": "",
        "apply_url": url,
        "salary_min": 0,
        "salary_max": 0,
        "logo": "",
        "url": url,
    }
    job.update(fields)
    return job


def remotive_job(jid: int, title: str, **fields: Any) -> dict:
    """A job as `https://remotive.com/api/remote-jobs` lists it inside `{"jobs": [...]}`."""
    job = {
        "id": jid,
        "url": f"https://remotive.com/remote-jobs/software-dev/job-{jid}",
        "title": title,
        "company_name": "Acme",
        "company_logo": f"https://remotive.com/job/{jid}/logo",
        "category": "Software Development",
        "tags": [],
        "job_type": "full_time",
        "publication_date": "2026-11-01T12:00:00",
        "candidate_required_location": "Worldwide",
        "salary": "",
        "description": "<p>Join us.</p>",
    }
    job.update(fields)
    return job


def wwr_item(
    slug: str,
    title: str,
    *,
    region: str = "Anywhere in the World",
    body: str = "<div>Join us.</div>",
    hq: str = "Remote",
    site: str | None = None,
    pub: str = "Sun, 01 Nov 2026 10:00:00 +0000",
    expires: str | None = None,
    job_type: str | None = None,
    logo: bool = False,
) -> str:
    """An `<item>` of a We Work Remotely category feed; `expires`/`job_type`/`logo` give the
    older (2022) format, leaving them out the newer one."""
    link = f"https://weworkremotely.com/remote-jobs/{slug}"
    url_line = f'\n    <br /><strong>URL:</strong> <a href="{site}">{site}</a>' if site else ""
    html = (
        f"\n\n<p>\n  <strong>Headquarters:</strong> {hq}{url_line}\n</p>\n\n{body}\n\n"
        f'<p><strong>To apply:</strong> <a href="{link}">{link}</a></p>\n'
    )
    parts = ['<media:content url="https://example.test/logo.png" type="image/png"/>'] * logo
    parts += [f"<title>{escape(title)}</title>", f"<region>{region}</region>"]
    parts += ["<category>Programming</category>"]
    parts += [f"<type>{job_type}</type>"] * bool(job_type)
    parts += [f"<description>{escape(html)}</description>", f"<pubDate>{pub}</pubDate>"]
    parts += [f"<expires_at>{expires}</expires_at>"] * bool(expires)
    parts += [f"<guid>{link}</guid>", f"<link>{link}</link>"]
    return "<item>" + "\n".join(parts) + "</item>"


def wwr_feed(items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss">'
        "<channel><title>We Work Remotely: Programming Jobs</title>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def rss_entry(url: str, body: bytes, status: int = 200) -> dict:
    return har_entry(
        method="GET",
        url=url,
        request_headers=[],
        status=status,
        response_headers=[
            ("Content-Type", "application/rss+xml; charset=utf-8"),
            ("Date", RECORDED),
        ],
        body=body,
        started="2026-11-01T18:00:00.000Z",
    )


# --- ATS boards: Greenhouse, Lever, Ashby ----------------------------------------------------
# Shaped like boards-api.greenhouse.io/v1/boards/<token>/jobs?content=true,
# api.lever.co/v0/postings/<company>?mode=json and
# api.ashbyhq.com/posting-api/job-board/<org>?includeCompensation=true (invented content).

GREENHOUSE_BOARD = "https://boards-api.greenhouse.io/v1/boards/{}/jobs?content=true"
LEVER_BOARD = "https://api.lever.co/v0/postings/{}?mode=json"
ASHBY_BOARD = "https://api.ashbyhq.com/posting-api/job-board/{}?includeCompensation=true"


def greenhouse_job(jid: int, title: str, *, token: str = "acmeml", **fields: Any) -> dict:
    """A Greenhouse job; `content` is entity-escaped HTML as the API returns it."""
    job = {
        "absolute_url": f"https://job-boards.greenhouse.io/{token}/jobs/{jid}",
        "data_compliance": [
            {
                "type": "gdpr",
                "requires_consent": True,
                "requires_processing_consent": False,
                "requires_retention_consent": True,
                "retention_period": 365,
                "demographic_data_consent_applies": False,
            }
        ],
        "internal_job_id": jid - 1000,
        "location": {"name": "Berlin, Germany"},
        "metadata": [
            {
                "id": 1100,
                "name": "Posted Salary Range",
                "value": {"unit": None, "max_value": "0.0", "min_value": "0.0"},
                "value_type": "currency_range",
            }
        ],
        "id": jid,
        "updated_at": "2026-11-02T10:00:00-05:00",
        "requisition_id": None,
        "title": title,
        "company_name": "Acme ML",
        "first_published": "2026-11-01T09:30:00-05:00",
        "content": "&lt;p&gt;We build things.&lt;/p&gt;",
        "departments": [{"id": 1, "name": "Engineering", "child_ids": [], "parent_id": None}],
        "offices": [
            {
                "id": 2,
                "name": "Berlin",
                "location": "Berlin, Germany",
                "child_ids": [],
                "parent_id": None,
            }
        ],
    }
    job.update(fields)
    return job


def greenhouse_board(jobs: list[dict]) -> dict:
    return {"jobs": jobs, "meta": {"total": len(jobs)}}


def lever_posting(pid: str, title: str, *, token: str = "acmeml", **fields: Any) -> dict:
    posting = {
        "additionalPlain": "We hire people of every background.",
        "additional": "<div>We hire people of every background.</div>",
        "categories": {
            "commitment": "Full-time",
            "department": "Engineering",
            "location": "London",
            "team": "ML",
            "allLocations": ["London"],
        },
        "createdAt": 1793170800000,  # 2026-10-28T07:00:00Z
        "descriptionPlain": "We build things.",
        "description": "<div>\n<p>We build things.</p>\n</div>",
        "id": pid,
        "lists": [],
        "text": title,
        "country": "GB",
        "workplaceType": "hybrid",
        "opening": "",
        "openingPlain": "",
        "descriptionBody": "<div>\n<p>We build things.</p>\n</div>",
        "descriptionBodyPlain": "We build things.",
        "hostedUrl": f"https://jobs.lever.co/{token}/{pid}",
        "applyUrl": f"https://jobs.lever.co/{token}/{pid}/apply",
    }
    posting.update(fields)
    return posting


def ashby_job(jid: str, title: str, *, token: str = "acmeml", **fields: Any) -> dict:
    job = {
        "id": jid,
        "title": title,
        "department": "Engineering",
        "team": "ML",
        "employmentType": "FullTime",
        "location": "Berlin",
        "shouldDisplayCompensationOnJobPostings": False,
        "secondaryLocations": [],
        "publishedAt": "2026-11-03T12:00:00.000+00:00",
        "isListed": True,
        "isRemote": False,
        "workplaceType": "OnSite",
        "address": {"postalAddress": {"addressCountry": "Germany"}},
        "jobUrl": f"https://jobs.ashbyhq.com/{token}/{jid}",
        "applyUrl": f"https://jobs.ashbyhq.com/{token}/{jid}/application",
        "descriptionHtml": '<p style="min-height:1.5em">We build things.</p>',
        "descriptionPlain": "We build things.",
        "compensation": ashby_compensation(),
    }
    job.update(fields)
    return job


def ashby_compensation(*components: tuple) -> dict:
    """`compensation` with summary components (type, interval, currency, min, max)."""
    parts = [
        dict(
            zip(
                ("compensationType", "interval", "currencyCode", "minValue", "maxValue"),
                c,
                strict=True,
            )
        )
        for c in components
    ]
    return {
        "compensationTierSummary": None,
        "scrapeableCompensationSalarySummary": None,
        "compensationTiers": [],
        "summaryComponents": parts,
    }


# --- jobposting: HTML pages with schema.org JobPosting, and sitemaps ------------------------


def html_entry(url: str, html: str | bytes, status: int = 200) -> dict:
    body = html if isinstance(html, bytes) else html.encode()
    return har_entry(
        method="GET",
        url=url,
        request_headers=[],
        status=status,
        response_headers=[("Content-Type", "text/html; charset=utf-8"), ("Date", RECORDED)],
        body=body,
        started="2026-11-01T18:00:00.000Z",
    )


def xml_entry(url: str, xml: str) -> dict:
    return har_entry(
        method="GET",
        url=url,
        request_headers=[],
        status=200,
        response_headers=[("Content-Type", "application/xml; charset=utf-8"), ("Date", RECORDED)],
        body=xml.encode(),
        started="2026-11-01T18:00:00.000Z",
    )


def jobposting_page(*blocks: Any, raw: tuple[str, ...] = (), body: str = "") -> str:
    """An HTML page with each of `blocks` (JSON data) and `raw` (text as is) in its own
    `<script type="application/ld+json">`, and `body` (e.g. microdata) in its body."""
    scripts = [json.dumps(b, ensure_ascii=False) for b in blocks] + list(raw)
    head = "".join(f'<script type="application/ld+json">{s}</script>\n' for s in scripts)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Careers</title>\n'
        f"{head}</head><body><main>{body}</main></body></html>"
    )


def job_posting(title: str, **fields: Any) -> dict:
    """A schema.org JobPosting as JSON-LD (no `@context`: add it where a page would)."""
    return {"@type": "JobPosting", "title": title, **fields}


def sitemap(locs: list[str], index: bool = False) -> str:
    """A sitemap index (`index=True`) or a urlset listing `locs`."""
    root, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    entries = "".join(f"  <{item}><loc>{loc}</loc></{item}>\n" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</{root}>\n'
    )


# --- job feeds: Arbeitnow, Himalayas, Jobicy ------------------------------------------------

ARBEITNOW_API = "https://www.arbeitnow.com/api/job-board-api"
HIMALAYAS_API = "https://himalayas.app/jobs/api"
JOBICY_API = "https://jobicy.com/api/v2/remote-jobs"


def arbeitnow_job(slug: str, title: str, **fields: Any) -> dict:
    """A job as the Arbeitnow job-board API lists it in `data` (its HTML entity-escaped)."""
    job = {
        "slug": slug,
        "company_name": "Acme GmbH",
        "title": title,
        "description": "&lt;p&gt;Wir bauen Dinge.&lt;/p&gt;",
        "remote": False,
        "url": f"https://www.arbeitnow.com/jobs/companies/acme-gmbh/{slug}",
        "tags": [],
        "job_types": [],
        "location": "Berlin, Berlin",
        "created_at": _ts("2026-11-18T08:00:00Z"),
    }
    job.update(fields)
    return job


def arbeitnow_page(jobs: list[dict], page: int, last: bool) -> dict:
    """One page of the Arbeitnow API: `data`, `links` (next null on the last), `meta`."""
    url = f"{ARBEITNOW_API}?page={{}}"
    return {
        "data": jobs,
        "links": {
            "first": url.format(1),
            "last": None,
            "prev": url.format(page - 1) if page > 1 else None,
            "next": None if last else url.format(page + 1),
        },
        "meta": {
            "current_page": page,
            "from": (page - 1) * 100 + 1,
            "path": ARBEITNOW_API,
            "per_page": 100,
            "to": (page - 1) * 100 + len(jobs),
            "terms": "This is a free public API for jobs. Please link back to Arbeitnow.",
            "info": "Jobs are updated every hour and order by newest job first.",
        },
    }


def himalayas_job(slug: str, title: str, *, company: str = "acme", **fields: Any) -> dict:
    """A job as `https://himalayas.app/jobs/api` lists it in `jobs`."""
    url = f"https://himalayas.app/companies/{company}/jobs/{slug}"
    job = {
        "title": title,
        "excerpt": "Join us.",
        "companyName": company.title(),
        "companySlug": company,
        "companyLogo": f"https://cdn-images.himalayas.app/{company}",
        "employmentType": "Full Time",
        "minSalary": None,
        "maxSalary": None,
        "seniority": [],
        "currency": "USD",
        "locationRestrictions": [],
        "timezoneRestrictions": [],
        "categories": [],
        "parentCategories": [],
        "description": "<p>Join us.</p>",
        "pubDate": _ts("2026-11-19T10:00:00Z"),
        "expiryDate": _ts("2027-01-18T10:00:00Z"),
        "applicationLink": url,
        "guid": url,
    }
    job.update(fields)
    return job


def himalayas_page(
    jobs: list[dict], offset: int = 0, total: int | None = None, cursor: str | None = None
) -> dict:
    return {
        "comments": "Cursor pagination is preferred: pass nextCursor as cursor.",
        "updatedAt": _ts("2026-11-20T09:00:00Z"),
        "offset": offset,
        "limit": 20,
        "totalCount": len(jobs) if total is None else total,
        "nextCursor": cursor,
        "jobs": jobs,
    }


def jobicy_job(jid: int, title: str, **fields: Any) -> dict:
    """A job as `https://jobicy.com/api/v2/remote-jobs` lists it in `jobs`."""
    job = {
        "id": jid,
        "url": f"https://jobicy.com/jobs/{jid}-job",
        "jobSlug": f"{jid}-job",
        "jobTitle": title,
        "companyName": "Acme",
        "companyLogo": f"https://jobicy.com/data/logo-{jid}.png",
        "jobIndustry": ["Data Science & Analytics"],
        "jobType": ["Full-Time"],
        "jobGeo": "Anywhere",
        "jobLevel": "Any",
        "jobExcerpt": "Join us.",
        "jobDescription": "<p>Join us.</p>",
        "pubDate": "2026-11-19T14:00:00+00:00",
    }
    job.update(fields)
    return job


def jobicy_feed(jobs: list[dict], industry: str) -> dict:
    return {
        "apiVersion": "2.2.16",
        "documentationUrl": "https://jobi.cy/apidocs",
        "friendlyNotice": "Please credit Jobicy with a link back.",
        "jobCount": len(jobs),
        "lastUpdate": "2026-11-20T09:00:00+00:00",
        "appliedFilters": {"count": 100, "industry": industry},
        "jobs": jobs,
        "statusCode": 200,
        "success": True,
    }


# --- SmartRecruiters --------------------------------------------------------------------------

SMARTRECRUITERS_API = "https://api.smartrecruiters.com/v1/companies/{}/postings"


def smartrecruiters_posting(
    pid: str, title: str, *, company: str = "AcmeML", name: str = "Acme ML", **fields: Any
) -> dict:
    """A posting as the public postings list gives it in `content` (no job ad text)."""
    posting = {
        "id": pid,
        "name": title,
        "uuid": f"0000{pid[-4:]}-aaaa-4bbb-8ccc-{pid[-12:].rjust(12, '0')}",
        "jobAdId": f"1111{pid[-4:]}-aaaa-4bbb-8ccc-{pid[-12:].rjust(12, '0')}",
        "defaultJobAd": True,
        "refNumber": f"REF{pid[-5:]}",
        "company": {"identifier": company, "name": name},
        "releasedDate": "2026-11-17T08:15:00.000Z",
        "location": {
            "city": "Berlin",
            "region": "BE",
            "country": "de",
            "remote": False,
            "hybrid": False,
            "latitude": "52.52",
            "longitude": "13.40",
            "fullLocation": "Berlin, BE, Germany",
        },
        "industry": {"id": "computer_software", "label": "Computer Software"},
        "department": {"id": "100", "label": "Data"},
        "function": {"id": "engineering", "label": "Engineering"},
        "typeOfEmployment": {"id": "permanent", "label": "Full-time"},
        "experienceLevel": {"id": "mid_senior_level", "label": "Mid-Senior Level"},
        "customField": [
            {
                "fieldId": "COUNTRY",
                "fieldLabel": "Country/Region",
                "valueId": "de",
                "valueLabel": "Germany",
            }
        ],
        "visibility": "PUBLIC",
        "ref": f"{SMARTRECRUITERS_API.format(company)}/{pid}",
        "language": {"code": "de", "label": "German", "labelNative": "Deutsch"},
    }
    posting.update(fields)
    return posting


def smartrecruiters_detail(posting: dict, **sections: str) -> dict:
    """The posting's detail document: the list entry plus its job ad and URLs."""
    company, pid = posting["company"]["identifier"], posting["id"]
    page = f"https://jobs.smartrecruiters.com/{company}/{pid}-job"
    titles = {
        "companyDescription": "Company Description",
        "jobDescription": "Job Description",
        "qualifications": "Qualifications",
        "additionalInformation": "Additional Information",
    }
    detail = {k: v for k, v in posting.items() if k != "ref"}
    detail.update(
        creator={"name": "Recruiting Team"},
        postingUrl=page,
        applyUrl=f"{page}?oga=true",
        referralUrl=f"{page}?dcr_ci={company}",
        jobAd={
            "sections": {
                key: {"title": titles[key], "text": text} for key, text in sections.items()
            }
        },
    )
    return detail


def smartrecruiters_page(postings: list[dict], offset: int = 0, total: int | None = None) -> dict:
    return {
        "offset": offset,
        "limit": 100,
        "totalFound": len(postings) if total is None else total,
        "content": postings,
    }


# --- Recruitee, Workable, Personio, Get on Board ----------------------------------------------

RECRUITEE_API = "https://{}.recruitee.com/api/offers/"
WORKABLE_API = "https://apply.workable.com/api/v1/widget/accounts/{}?details=true"
PERSONIO_API = "https://{}.jobs.personio.de/xml"
GETONBOARD_API = "https://www.getonbrd.com/api/v0/categories/{}/jobs"


def recruitee_offer(oid: int, title: str, *, token: str = "acme", **fields: Any) -> dict:
    """An offer as `https://<company>.recruitee.com/api/offers/` lists it in `offers`."""
    ascii_title = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_title))
    offer = {
        "id": oid,
        "slug": slug,
        "title": title,
        "position": 1,
        "status": "published",
        "company_name": "Acme B.V.",
        "department": "Data",
        "description": "<p>Join us.</p>",
        "requirements": "<ul><li>Python</li></ul>",
        "location": "Amsterdam, Netherlands",
        "city": "Amsterdam",
        "country": "Netherlands",
        "country_code": "NL",
        "state_code": "NH",
        "postal_code": "1011",
        "remote": False,
        "hybrid": False,
        "on_site": True,
        "employment_type_code": "fulltime_permanent",
        "experience_code": "mid_level",
        "education_code": "bachelor_degree",
        "category_code": "it",
        "min_hours": 32,
        "max_hours": 40,
        "tags": [],
        "salary": {"min": None, "max": None, "currency": None, "period": None},
        "careers_url": f"https://{token}.recruitee.com/o/{slug}",
        "careers_apply_url": f"https://{token}.recruitee.com/o/{slug}/c/new",
        "created_at": "2026-11-12 08:30:00 UTC",
        "published_at": "2026-11-12 09:00:00 UTC",
        "close_at": None,
    }
    offer.update(fields)
    return offer


def workable_job(shortcode: str, title: str, *, token: str = "acme", **fields: Any) -> dict:
    """A job as the Workable widget (`details=true`) lists it in `jobs`."""
    job = {
        "title": title,
        "shortcode": shortcode,
        "code": "",
        "employment_type": "Full-time",
        "telecommuting": False,
        "department": "Data",
        "url": f"https://apply.workable.com/j/{shortcode}",
        "shortlink": f"https://apply.workable.com/j/{shortcode}",
        "application_url": f"https://apply.workable.com/j/{shortcode}/apply",
        "published_on": "2026-11-13",
        "created_at": "2026-11-12",
        "country": "Spain",
        "city": "Madrid",
        "state": "Comunidad de Madrid",
        "education": "",
        "experience": "Mid-Senior level",
        "function": "Engineering",
        "industry": "Computer Software",
        "locations": [
            {
                "country": "Spain",
                "countryCode": "ES",
                "city": "Madrid",
                "region": "Comunidad de Madrid",
                "hidden": False,
            }
        ],
        "description": "<p>Join us.</p>",
    }
    job.update(fields)
    return job


def workable_widget(jobs: list[dict], name: str = "Acme") -> dict:
    return {"name": name, "description": None, "jobs": jobs}


def personio_position(pid: int, name: str, **fields: Any) -> str:
    """One `<position>` of a Personio XML feed; `descriptions` is [(name, html)]."""
    descriptions = fields.pop("descriptions", [("Deine Aufgaben", "<p>Modelle bauen.</p>")])
    offices = fields.pop("additional_offices", [])
    values = {
        "subcompany": "Acme GmbH",
        "office": "Berlin",
        "department": "Data",
        "recruitingCategory": "Tech",
        "employmentType": "permanent",
        "seniority": "experienced",
        "schedule": "full-time",
        "yearsOfExperience": "3-5",
        "keywords": "Python,SQL",
        "occupation": "data_science",
        "occupationCategory": "it_software",
        "createdAt": "2026-11-10T09:00:00+00:00",
        **fields,
    }
    parts = [f"<id>{pid}</id>"]
    parts += [f"<{k}>{escape(str(v))}</{k}>" for k, v in values.items() if k != "createdAt"]
    if offices:
        parts.append(
            "<additionalOffices>"
            + "".join(f"<office>{escape(o)}</office>" for o in offices)
            + "</additionalOffices>"
        )
    parts.append(f"<name>{escape(name)}</name>")
    parts.append(
        "<jobDescriptions>"
        + "".join(
            f"<jobDescription><name>{escape(n)}</name><value><![CDATA[{h}]]></value>"
            "</jobDescription>"
            for n, h in descriptions
        )
        + "</jobDescriptions>"
    )
    parts.append(f"<createdAt>{values['createdAt']}</createdAt>")
    return "<position>" + "".join(parts) + "</position>"


def personio_feed(positions: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>'
        + "".join(positions)
        + "</workzag-jobs>\n"
    )


def getonboard_job(slug: str, title: str, **attributes: Any) -> dict:
    """A job of `getonbrd.com/api/v0/categories/<slug>/jobs` (JSON:API), company expanded."""
    company = attributes.pop("company_name", "Acme SpA")
    values = {
        "title": title,
        "description_headline": "Descripción",
        "description": "<p>Únete a nuestro equipo.</p>",
        "projects": "",
        "functions_headline": "Funciones",
        "functions": "<p>Construir modelos.</p>",
        "benefits_headline": "Beneficios",
        "benefits": "",
        "desirable_headline": "Deseable",
        "desirable": "",
        "remote": False,
        "remote_modality": "no_remote",
        "remote_zone": None,
        "country": "Chile",
        "lang": "es",
        "category_name": "Data Science / Analytics",
        "perks": [],
        "min_salary": None,
        "max_salary": None,
        "published_at": _ts("2026-11-16T14:00:00Z"),
        "response_time_in_days": {"min": None, "max": None},
        "applications_count": 12,
        "tenant_city": "Santiago",
        "modality": {"data": {"id": 1, "type": "modality"}},
        "seniority": {"data": {"id": 3, "type": "seniority"}},
        "tags": {"data": []},
        "company": {
            "data": {
                "id": "acme-spa",
                "type": "company",
                "attributes": {"name": company, "country": "Chile", "web": None},
            }
        },
        **attributes,
    }
    return {
        "id": slug,
        "type": "job",
        "attributes": values,
        "links": {"public_url": f"https://www.getonbrd.com/jobs/{slug}"},
    }


def getonboard_page(jobs: list[dict], page: int = 1, pages: int = 1) -> dict:
    return {"data": jobs, "meta": {"page": page, "per_page": 100, "total_pages": pages}}


def getonboard_url(category: str, page: int = 1) -> str:
    return f"{GETONBOARD_API.format(category)}?per_page=100&page={page}&expand=%5B%22company%22%5D"


# --- Reddit and GitHub --------------------------------------------------------------------------

REDDIT = "https://www.reddit.com/r/{}/new.json?limit=100&raw_json=1"
GITHUB_API = "https://api.github.com"


def reddit_post(pid: str, title: str, selftext: str = "", **fields: Any) -> dict:
    """A post (`t3` thing data) as a subreddit listing gives it."""
    subreddit = fields.pop("subreddit", "forhire")
    slug = "_".join(re.findall(r"[a-z0-9]+", title.lower()))[:50]
    post = {
        "approved_at_utc": None,
        "subreddit": subreddit,
        "selftext": selftext,
        "author_fullname": f"t2_{pid}x",
        "title": title,
        "subreddit_name_prefixed": f"r/{subreddit}",
        "name": f"t3_{pid}",
        "link_flair_text": None,
        "score": 1,
        "selftext_html": None,
        "is_self": True,
        "created": 1763550000.0,
        "id": pid,
        "author": "someone",
        "num_comments": 0,
        "permalink": f"/r/{subreddit}/comments/{pid}/{slug}/",
        "url": f"https://www.reddit.com/r/{subreddit}/comments/{pid}/{slug}/",
        "created_utc": 1763550000.0,
        "over_18": False,
    }
    post.update(fields)
    return post


def reddit_listing(posts: list[dict], after: str | None = None) -> dict:
    return {
        "kind": "Listing",
        "data": {
            "after": after,
            "dist": len(posts),
            "modhash": "",
            "geo_filter": "",
            "children": [{"kind": "t3", "data": p} for p in posts],
            "before": None,
        },
    }


def github_contributor(login: str, contributions: int, kind: str = "User") -> dict:
    return {
        "login": login,
        "id": zlib.crc32(login.encode()) % 10_000_000,
        "node_id": f"MDQ6VXNlcj{login}",
        "avatar_url": f"https://avatars.githubusercontent.com/u/{login}?v=4",
        "gravatar_id": "",
        "url": f"{GITHUB_API}/users/{login}",
        "html_url": f"https://github.com/{login}",
        "type": kind,
        "site_admin": False,
        "contributions": contributions,
    }


def github_user(login: str, hireable: bool | None, **fields: Any) -> dict:
    """A public profile as `GET /users/<login>` returns it."""
    user = {
        "login": login,
        "id": 4_200_000 + len(login),
        "node_id": f"MDQ6VXNlcj{login}",
        "avatar_url": f"https://avatars.githubusercontent.com/u/{login}?v=4",
        "gravatar_id": "",
        "url": f"{GITHUB_API}/users/{login}",
        "html_url": f"https://github.com/{login}",
        "type": "User",
        "site_admin": False,
        "name": None,
        "company": None,
        "blog": "",
        "location": None,
        "email": None,
        "hireable": hireable,
        "bio": None,
        "twitter_username": None,
        "public_repos": 12,
        "public_gists": 1,
        "followers": 40,
        "following": 3,
        "created_at": "2016-03-01T10:00:00Z",
        "updated_at": "2026-11-02T08:00:00Z",
    }
    user.update(fields)
    return user
