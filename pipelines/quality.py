"""Data quality of the normalized rows and postings: per source and field, the share filled
and the anomalies by kind. Rows in, rows out (the warehouse's `data_quality` table).

Anomalies are values a reader would call wrong at a glance:

- `salary_out_of_bounds`: stated pay kept whose annual USD lies outside $5k–$1M;
  `salary_rejected`: stated pay the parser found implausible and left empty;
- `company_is_place` / `_email` / `_url` / `_date`: the company is a place ("London, UK"),
  an e-mail address, a link or a date, not a name;
- `empty_title_names_role`: no title although the text's first line names a job;
- `title_is_header_tag`: the title is only header tags ("VISA, REMOTE, INTERNS");
- `posting_mixed_companies` (source `all`): a posting whose records name two companies.

Every kind gets a row, with count 0 when none was found, so a check can read any of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from pipelines.classify import names_a_job
from pipelines.companies import company_key
from pipelines.location import find_places, prepare

ALL = "all"  # the source of rows over every source
ANNUAL_USD = (5_000.0, 1_000_000.0)
EXAMPLES = 3
# Fields whose share filled is reported, and what counts as empty beyond None, "" and [].
FILLED = {
    "title": (),
    "company": (),
    "location_text": (),
    "country": (),
    "countries": (),
    "remote": ("unknown",),
    "seniority": ("unknown",),
    "salary_min": (),
    "salary_currency": (),
    "posted_at": (),
    "skills": (),
    "url": (),
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL = re.compile(r"^(?:https?://|www\.)|^[\w-]+(?:\.[\w-]+)+/\S", re.I)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = re.compile(
    rf"^(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})$",
    re.I,
)
# Words a place may carry besides its name ("SF Bay Area", "Greater London", "Berlin HQ").
PLACE_FILLER = frozenset(["area", "bay", "greater", "metro", "region", "hq", "office", "remote"])
_LIST = re.compile(r"\s*(?:[;/|&]|\band\b|\bor\b)\s*", re.I)
# Header tags of a "Who is hiring?" comment: never a job's title on their own.
_TAGS = """remote onsite on site hybrid visa visas sponsorship sponsor h1b h 1b relocation
relocate interns internship internships intern full part time fulltime parttime contract
contractor contractors freelance permanent temporary flexible equity worldwide anywhere global
us usa eu uk only ok no yes and or"""
HEADER_TAGS = frozenset(_TAGS.split())
_TAG_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def filled(value: Any, empty: Iterable[str] = ()) -> bool:
    """Whether a field holds a value: not None, not empty, not a placeholder in `empty`."""
    if value is None or (isinstance(value, str | list | tuple) and not value):
        return False
    return not (isinstance(value, str) and value in empty)


def salary_out_of_bounds(row: dict[str, Any]) -> bool:
    low, high = ANNUAL_USD
    values = [row.get("salary_min_usd"), row.get("salary_max_usd")]
    return any(v is not None and not low <= v <= high for v in values)


@lru_cache(maxsize=65_536)
def is_place(text: str | None) -> bool:
    """Whether `text` is only places ("San Francisco, CA", "London, UK and Berlin"): each of
    its comma- or and-separated parts is one named place (and its filler words). One word
    that could be a place ("Mitte", "Thorn") is a name, not an anomaly."""
    text = prepare((text or "").strip())
    parts = [p for p in _LIST.split(text) if p.strip()]
    if not parts or (len(parts) == 1 and len(_TAG_WORD.findall(text)) < 2):
        return False
    return all(_one_place(part) for part in parts)


def _one_place(part: str) -> bool:
    places = find_places(part)
    if not places or not any(p.countries for p in places):
        return False
    rest = list(part)
    for place in places:
        rest[place.start : place.end] = " " * (place.end - place.start)
    words = _TAG_WORD.findall("".join(rest).lower())
    return all(w in PLACE_FILLER for w in words) and (len(places) == 1 or "," in part)


_INTERN_ROLE = frozenset(("intern", "interns", "internship", "internships"))


def is_header_tags(title: str | None) -> bool:
    """Whether a title is made only of header tags ("VISA, REMOTE, INTERNS"). "Intern",
    "INTERNS" or "Internships" alone is the role: a header's list of roles ends with it
    ("Software Engineer, INTERNS")."""
    words = _TAG_WORD.findall((title or "").lower())
    if len(words) == 1 and words[0] in _INTERN_ROLE:
        return False
    return bool(words) and all(w in HEADER_TAGS for w in words)


def empty_title_names_role(row: dict[str, Any]) -> bool:
    if (row.get("title") or "").strip():
        return False
    first_line = (row.get("description") or "").strip().split("\n", 1)[0][:300]
    return names_a_job(first_line)


ROW_CHECKS: dict[tuple[str, str], Callable[[dict[str, Any]], bool]] = {
    ("salary_min", "salary_out_of_bounds"): salary_out_of_bounds,
    ("salary_min", "salary_rejected"): lambda r: bool(r.get("salary_rejected")),
    ("company", "company_is_place"): lambda r: is_place(r.get("company")),
    ("company", "company_is_email"): lambda r: bool(EMAIL.search(r.get("company") or "")),
    ("company", "company_is_url"): lambda r: bool(URL.search((r.get("company") or "").strip())),
    ("company", "company_is_date"): lambda r: bool(DATE.match((r.get("company") or "").strip())),
    ("title", "empty_title_names_role"): empty_title_names_role,
    ("title", "title_is_header_tag"): lambda r: is_header_tags(r.get("title")),
}


def _record(row: dict[str, Any]) -> str:
    return f"{row['source']}:{row['source_id']}"


def mixed_company_postings(
    rows: Iterable[dict[str, Any]], links: Iterable[dict[str, Any]]
) -> list[str]:
    """The posting ids whose source records name two companies (by `company_key`)."""
    key = {
        (r["source"], r["source_id"], r["role_index"]): company_key(r.get("company")) for r in rows
    }
    names: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if found := key.get((link["source"], link["source_id"], link["role_index"])):
            names[link["posting_id"]].add(found)
    return sorted(pid for pid, keys in names.items() if len(keys) > 1)


def data_quality(
    rows: list[dict[str, Any]], postings: list[dict[str, Any]], links: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The `data_quality` rows: per source (and `all`), field and kind (`filled` or an
    anomaly), the count, the rows it is out of, the share and a few example records."""
    totals: dict[str, int] = defaultdict(int)
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    examples: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in rows:
        for source in (row["source"], ALL):
            totals[source] += 1
        for field, empty in FILLED.items():
            if filled(row.get(field), empty):
                for source in (row["source"], ALL):
                    counts[(source, field, "filled")] += 1
        for (field, kind), check in ROW_CHECKS.items():
            if check(row):
                for source in (row["source"], ALL):
                    counts[(source, field, kind)] += 1
                    if len(examples[(source, field, kind)]) < EXAMPLES:
                        examples[(source, field, kind)].append(_record(row))
    out = []
    for source in sorted(totals):
        for field in FILLED:
            out.append(_row(source, field, "filled", counts, totals[source], examples))
        for field, kind in ROW_CHECKS:
            out.append(_row(source, field, kind, counts, totals[source], examples))
    mixed = mixed_company_postings(rows, links)
    out.append(
        {
            "source": ALL,
            "field": "company",
            "kind": "posting_mixed_companies",
            "count": len(mixed),
            "total": len(postings),
            "share": round(len(mixed) / len(postings), 4) if postings else 0.0,
            "examples": mixed[:EXAMPLES],
        }
    )
    return out


def _row(
    source: str,
    field: str,
    kind: str,
    counts: dict[tuple[str, str, str], int],
    total: int,
    examples: dict[tuple[str, str, str], list[str]],
) -> dict[str, Any]:
    n = counts[(source, field, kind)]
    return {
        "source": source,
        "field": field,
        "kind": kind,
        "count": n,
        "total": total,
        "share": round(n / total, 4) if total else 0.0,
        "examples": list(examples.get((source, field, kind), [])),
    }


def anomalies(quality: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Anomaly kind → count over every source (the `all` rows)."""
    return {q["kind"]: q["count"] for q in quality if q["source"] == ALL and q["kind"] != "filled"}
