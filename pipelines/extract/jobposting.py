"""schema.org `JobPosting` objects, as extruct reads them from JSON-LD or microdata.

Structure read (schema.org JobPosting, as Google's job-posting guidelines use it): `title`,
`hiringOrganization` (an Organization, a bare name, or an `@id` reference the spider resolved
into the context), `description` (HTML, sometimes entity-escaped once more), `jobLocation`
(Places with a PostalAddress; `addressCountry` as a name, an ISO code or a Country object),
`jobLocationType` (`TELECOMMUTE` = remote), `applicantLocationRequirements` (the countries or
areas a remote job is open to), `baseSalary` (a MonetaryAmount: `currency` and a
QuantitativeValue `value` with `minValue`/`maxValue`/`value` and `unitText`), `datePosted`,
`validThrough`, `url` and `directApply`. Pay is taken from `baseSalary` only; without it the
shared normalizer looks for pay in the description. `employmentType` has no field to go to.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urljoin

from pipelines.extract.ats import country_code, joined, structured_salary
from pipelines.location import parse_location
from pipelines.model import ExtractedPosting, Extraction, Salary
from pipelines.text import extract_links, html_to_text
from pipelines.times import iso_time

_PERIODS = {
    "HOUR": "hour",
    "HOURLY": "hour",
    "DAY": "day",
    "DAILY": "day",
    "WEEK": "week",
    "WEEKLY": "week",
    "MONTH": "month",
    "MONTHLY": "month",
    "YEAR": "year",
    "YEARLY": "year",
    "ANNUAL": "year",
    "ANNUALLY": "year",
}
# Optional JobPosting properties that hold prose worth reading alongside the description.
_PROSE = ("responsibilities", "qualifications", "skills", "experienceRequirements")


def _items(value: Any) -> list[Any]:
    """A property's values: schema.org allows one value or a list of them anywhere."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    """A plain string property (first of several), entity-decoded; None when blank."""
    for item in _items(value):
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            text = html.unescape(str(item)).strip()
            if text:
                return text
    return None


def _name(value: Any) -> str | None:
    """The name of a thing given as a string or as an object with `name`."""
    for item in _items(value):
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name:
            return name
    return None


def _html(value: Any) -> str:
    """An HTML property as text; some sites escape their HTML once more ('&lt;p&gt;')."""
    raw = "\n".join(v for v in _items(value) if isinstance(v, str))
    if "&lt;" in raw and "<" not in raw:
        raw = html.unescape(raw)
    return raw


def _country(value: Any) -> tuple[str | None, str | None]:
    """(as written, ISO alpha-2) of an `addressCountry`: a name, a code or a Country."""
    name = _name(value)
    if not name:
        return None, None
    code = country_code(name)
    if code is None:
        found = parse_location(name).countries
        code = found[0] if len(found) == 1 else None
    return name, code


def _places(record: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Each `jobLocation` rendered as 'Locality, Region, Country', and their countries."""
    texts: list[str] = []
    codes: list[str] = []
    for place in _items(record.get("jobLocation")):
        address = place.get("address") if isinstance(place, dict) else place
        if isinstance(address, list):
            address = address[0] if address else None
        if isinstance(address, dict):
            country, code = _country(address.get("addressCountry"))
            parts = [_text(address.get("addressLocality")), _text(address.get("addressRegion"))]
            text = ", ".join(dict.fromkeys(p for p in (*parts, country) if p))
            codes += [code] if code else []
        else:
            text = _text(address) or (_name(place) if isinstance(place, dict) else None)
        if text:
            texts.append(text)
    return list(dict.fromkeys(texts)), list(dict.fromkeys(codes))


def _remote(record: dict[str, Any]) -> tuple[str | None, str | None, list[str]]:
    """(structured remote, remote text, countries) from `jobLocationType` and
    `applicantLocationRequirements`."""
    types = {t.strip().upper() for t in _items(record.get("jobLocationType")) if isinstance(t, str)}
    if "TELECOMMUTE" not in types:
        return None, None, []
    areas = _items(record.get("applicantLocationRequirements"))
    names = list(dict.fromkeys(n for a in areas if (n := _name(a))))
    codes = [
        code
        for area in areas
        if isinstance(area, dict) and str(area.get("@type", "")).endswith("Country")
        if (code := _country(area)[1])
    ]
    text = f"Remote ({', '.join(names)})" if names else "Remote"
    return "remote", text, list(dict.fromkeys(codes))


def _salary(record: dict[str, Any]) -> Salary | None:
    pay = next((p for p in _items(record.get("baseSalary")) if isinstance(p, dict)), None)
    if pay is None:
        return None
    value = pay.get("value")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), value[0] if value else None)
    if isinstance(value, dict):
        low = value.get("minValue", value.get("value"))
        high = value.get("maxValue", value.get("value"))
        unit = value.get("unitText") or pay.get("unitText")
        currency = pay.get("currency") or value.get("currency")
    else:
        low = high = value
        unit, currency = pay.get("unitText"), pay.get("currency")
    period = "year"
    if isinstance(unit, str) and unit.strip():
        period = _PERIODS.get(unit.strip().upper().removeprefix("PER ").replace("-", ""))
        if period is None:  # a unit that is not a pay period (e.g. per piece): not base pay
            return None
    code = currency.strip().upper() if isinstance(currency, str) else None
    code = code if code and len(code) == 3 and code.isalpha() else None
    return structured_salary(low, high, code, period)


def _direct_apply(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def extract_jobposting(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    title = _text(record.get("title")) or _text(record.get("name"))
    if not title:
        return Extraction(skip_reason="empty")
    company = _name(record.get("hiringOrganization")) or _name(context.get("hiring_organization"))
    description_html = _html(record.get("description"))
    prose = [html_to_text(_html(record.get(key))) for key in _PROSE]
    locations, countries = _places(record)
    structured_remote, remote_text, remote_countries = _remote(record)
    page = context.get("page_url") or ""
    url = urljoin(page, _text(record.get("url")) or "") or None
    posting = ExtractedPosting(
        title=title,
        company=company,
        description=joined(html_to_text(description_html), *prose),
        location_text="; ".join(locations) or None,
        structured_salary=_salary(record),
        remote_text=remote_text,
        structured_remote=structured_remote,
        countries=countries or remote_countries,
        posted_at=iso_time(_text(record.get("datePosted"))),
        valid_through=iso_time(_text(record.get("validThrough"))),
        url=url,
        apply_url=url if _direct_apply(record.get("directApply")) else None,
        urls=extract_links(description_html),
    )
    return Extraction([posting])
