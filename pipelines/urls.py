"""Canonical apply URLs: one string per job, however a source links it.

Tracking parameters (`utm_*`, `gh_src`, `lever-source`, `ref`, `source`...) are dropped, the
host is lower-cased and `www.` removed, and links into an ATS are reduced to the ATS's own job
id, so `https://boards.greenhouse.io/acme/jobs/123?gh_src=hn`,
`https://job-boards.greenhouse.io/acme/jobs/123` and `https://acme.com/careers?gh_jid=123`
are all `greenhouse:123`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote_plus, urlencode, urlsplit

from pipelines.catalog import ATS_SOURCES, job_in_url

TRACKING = re.compile(
    r"^(utm_.*|gh_src|lever-(source|origin|via)|ref|referrer|refid|source|src|via|"
    r"fbclid|gclid|mc_[ce]id|_hs(enc|mi)|trk|trackingid|campaign|medium|ashby_jid_src)$",
    re.I,
)
GREENHOUSE = re.compile(
    r"^(?:job-boards|boards)(?:\.eu)?\.greenhouse\.io/(?:embed/job_app|[^/]+/jobs/(\d+))", re.I
)
_SLASHES = re.compile(r"/+")
GREENHOUSE_API = re.compile(r"^boards-api\.greenhouse\.io/v1/boards/[^/]+/jobs/(\d+)", re.I)
# The usual link of a Greenhouse record (`https://boards.greenhouse.io/acme/jobs/123?gh_jid=…`),
# read without splitting the URL: the same answer as GREENHOUSE on its host and path. No
# whitespace, user, port or second `www.`, which urlsplit would treat on its own.
_GREENHOUSE_URL = re.compile(
    r"https?://(?:www\.)?(?:job-boards|boards)(?:\.eu)?\.greenhouse\.io/[^/?#\s]+/jobs/(\d+)"
    r"(?![\t\r\n])",
    re.I,
)
# A company's own careers page carrying Greenhouse's job parameter
# (`https://acme.com/careers/jobs/123?gh_jid=123`), read without urlsplit and parse_qsl: the
# same answer when the host is no greenhouse.io one and the query needs no unquoting (no `%`
# or `+`), the URL printable ASCII with no fragment.
_OWN_PAGE_URL = re.compile(
    r"https?://(?![^/?#]*greenhouse\.io)[A-Za-z0-9.-]+(?:/[!->@-~]*)?\?([!-*,-~]*)", re.I
)


def _gh_jid(url: str) -> str | None:
    """The job id of `_OWN_PAGE_URL`'s gh_jid parameter (its last non-blank value, as
    parse_qsl reads it), or None when the URL is not of that shape or has no such id."""
    m = _OWN_PAGE_URL.fullmatch(url)
    if m is None or "#" in url or "%" in url:
        return None
    values = [v for k, _, v in (p.partition("=") for p in m.group(1).split("&")) if k == "gh_jid"]
    job = next((v for v in reversed(values) if v), "")
    return job if job.isdigit() else None


def _param(query: str, key: str) -> str:
    """The value `dict(parse_qsl(query))` gives `key`, else "". A query holds the key only
    where it spells it, or escapes some of its letters (`gh%5Fjid`): most are not parsed."""
    if key not in query and "%" not in query:
        return ""
    return dict(parse_qsl(query)).get(key, "")


# Both are pure functions of one string, cached (bounded): a row's own, apply and linked URLs
# are canonicalized twice (primary, then the list), and boards link the same pages over again.
@lru_cache(maxsize=16_384)
def ats_job(url: str | None) -> tuple[str, str] | None:
    """`("greenhouse", "123")`, `("lever", uuid)`... for a link to one ATS job (a board page,
    an apply page, an embed or a `gh_jid` parameter; the catalog's `job_urls`), else None."""
    if not url:
        return None
    if m := _GREENHOUSE_URL.match(url):
        return "greenhouse", m.group(1)
    if job := _gh_jid(url):
        return "greenhouse", job
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = parts.netloc.lower().split("@")[-1].split(":")[0].removeprefix("www.")
    where = host + parts.path
    if m := GREENHOUSE.match(where):
        job = m.group(1) or _param(parts.query, "token")
        return ("greenhouse", job) if job and job.isdigit() else None
    if m := GREENHOUSE_API.match(where):
        return "greenhouse", m.group(1)
    if (job := _param(parts.query, "gh_jid")).isdigit():
        return "greenhouse", job
    if found := job_in_url(where):
        return found[0], found[1]
    return None


def _ats_key(job: tuple[str, str]) -> str:
    return f"{job[0]}:{job[1]}"


@lru_cache(maxsize=16_384)
def canonical_url(url: str | None) -> str | None:
    """The one string every link to this job reduces to, or None for no / unusable URL.

    ATS jobs become `<ats>:<job id>`; other URLs keep scheme-less host, path and their
    non-tracking query parameters (a bare key too) in sorted order, without fragment or
    trailing slash."""
    if not url or not url.strip():
        return None
    if job := ats_job(url):
        return _ats_key(job)
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = parts.netloc.lower().split("@")[-1].removeprefix("www.")
    if host.endswith(":80") or host.endswith(":443"):
        host = host.rsplit(":", 1)[0]
    if not host or "." not in host:
        return None
    # Blank values are kept: `app.jobvite.com/m?3Xq9Zw` names its job by a bare key.
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = sorted((k, v) for k, v in pairs if k and not TRACKING.match(k))
    path = parts.path
    if "//" in path:  # the only paths the substitution changes
        path = _SLASHES.sub("/", path)
    path = path.rstrip("/")
    text = "&".join(urlencode([(k, v)]) if v else quote_plus(k) for k, v in query)
    return host + path + (f"?{text}" if text else "")


# Job boards whose first path segment is the company: `jobs.ashbyhq.com/acme` is its board.
BOARD_HOSTS = frozenset(
    {
        "jobs.ashbyhq.com",
        "jobs.lever.co",
        "jobs.eu.lever.co",
        "boards.greenhouse.io",
        "job-boards.greenhouse.io",
        "job-boards.eu.greenhouse.io",
        "apply.workable.com",
        "jobs.smartrecruiters.com",
        "careers.smartrecruiters.com",
        "app.dover.com",
    }
)


def is_generic(canonical: str) -> bool:
    """A link that names no single job: a careers page, a board's front page, a mailto, a
    site root. Two postings sharing one of these are not thereby the same job."""
    if ":" in canonical.split("/", 1)[0]:  # ats:<id>
        return False
    return _generic_page(canonical)


# Cached for the pages, not the ATS ids (one per job): a row's own and apply pages are read
# for its primary URL, then again as its list of job URLs.
@lru_cache(maxsize=16_384)
def _generic_page(canonical: str) -> bool:
    host, _, path = canonical.partition("/")
    path = path.lower()
    if not path or host in {"news.ycombinator.com"}:
        return True
    if host in BOARD_HOSTS and "/" not in path.split("?", 1)[0]:
        return True
    last = path.rsplit("/", 1)[-1].split("?", 1)[0]
    return last in {
        "careers",
        "career",
        "jobs",
        "job",
        "join",
        "join-us",
        "joinus",
        "work-with-us",
        "hiring",
        "openings",
        "positions",
        "about",
        "team",
        "apply",
    } or path in {"jobs", "careers"}


def job_urls(*urls: str | None) -> list[str]:
    """The canonical forms of the links that name one job (ATS ids first), deduplicated."""
    return _job_urls([canonical_url(u) for u in urls])


def _ats_first(canonical: str) -> tuple[bool, str]:
    return ":" not in canonical.split("/", 1)[0], canonical


def _job_urls(canonicals: list[str | None]) -> list[str]:
    """`job_urls` of links already canonicalized."""
    found = {c for c in canonicals if c and not is_generic(c)}
    return sorted(found, key=_ats_first) if len(found) > 1 else list(found)


def record_urls(
    source: str, url: str | None, apply_url: str | None, links: list[str] | None = None
) -> tuple[str | None, list[str]]:
    """(canonical_url, urls) of one normalized row: the job URL the row is primarily about
    (an ATS record's own job; otherwise its apply link, else its own page when that names
    one job) and every job URL it links."""
    # An ATS record's own link (each one distinct) is read once, and not kept in the cache.
    own_job = ats_job(url)
    own = _ats_key(own_job) if own_job else canonical_url(url)
    apply = canonical_url(apply_url) if apply_url else None
    if own_job and source in ATS_SOURCES:
        primary: str | None = own
    elif apply and not is_generic(apply):
        primary = apply
    elif own and not is_generic(own):
        primary = own
    else:
        primary = None
    return primary, _job_urls([own, apply, *map(canonical_url, links or ())])
