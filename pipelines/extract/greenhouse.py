"""Greenhouse job-board jobs (`boards-api.greenhouse.io/v1/boards/<token>/jobs?content=true`).

`content` is entity-escaped HTML ("&lt;p&gt;…"): unescaped once, then read as HTML. Pay comes
from a `currency_range`/`currency` custom field in `metadata` when it holds real figures
(boards often leave `{"unit": null, "min_value": "0.0", "max_value": "0.0"}` placeholders), else
from the pay-transparency block Greenhouse renders into `content` (as `salary_text`).
Greenhouse has no country or workplace field: `location.name` goes to the shared normalizers.
"""

from __future__ import annotations

import html
import re
from typing import Any

from pipelines.extract.ats import company, iso_time, structured_salary
from pipelines.model import ExtractedPosting, Extraction, Salary
from pipelines.text import (
    STRING_CONTAINERS,
    extract_links,
    find_class,
    html_to_text,
    light_tree,
    parse_html,
    stripped_strings,
)

_NOT_BASE_PAY = re.compile(r"bonus|commission|equity|stock|stipend|relocation|sign[- ]?on", re.I)
_PERIOD_IN_NAME = (("hour", "hour"), ("month", "month"), ("week", "week"), ("day", "day"))


def _metadata_salary(metadata: Any) -> Salary | None:
    for field in metadata if isinstance(metadata, list) else []:
        if not isinstance(field, dict) or not isinstance(field.get("value"), dict):
            continue
        name = str(field.get("name") or "")
        if field.get("value_type") not in ("currency_range", "currency") or _NOT_BASE_PAY.search(
            name
        ):
            continue
        value = field["value"]
        low = value.get("min_value", value.get("amount"))
        high = value.get("max_value", value.get("amount"))
        period = next((p for word, p in _PERIOD_IN_NAME if word in name.lower()), "year")
        salary = structured_salary(low, high, value.get("unit"), period)
        if salary:
            return salary
    return None


def _pay_block_text(content: str) -> str | None:
    """The first pay range of the pay-transparency block: 'title: range'."""
    # No block without its class name (which no named entity can spell): skip the parse.
    if "content-pay-transparency" not in content and "&#" not in content:
        return None
    # Read on the light tree html_to_text already built; BeautifulSoup only for a block
    # without a range (its markup is re-read whole) or a string container as title/range.
    block = find_class(light_tree(content), "content-pay-transparency")
    if block is None:
        return None
    pay = find_class(block, "pay-input") or block
    title, ranges = find_class(pay, "title"), find_class(pay, "pay-range")
    if ranges is None or any(e and e.name in STRING_CONTAINERS for e in (title, ranges)):
        return _pay_block_soup(content)
    text = " ".join(" ".join(stripped_strings(ranges)).split())
    label = " ".join(stripped_strings(title)) if title else ""
    return f"{label}: {text}" if label else text


def _pay_block_soup(content: str) -> str | None:
    block = parse_html(content).find(class_="content-pay-transparency")
    if block is None:
        return None
    pay = block.find(class_="pay-input") or block
    title, ranges = pay.find(class_="title"), pay.find(class_="pay-range")
    if ranges is None:
        return html_to_text(str(pay)) or None
    text = " ".join(ranges.get_text(" ", strip=True).split())
    label = title.get_text(" ", strip=True) if title else ""
    return f"{label}: {text}" if label else text


def _location(record: dict[str, Any]) -> str | None:
    location = record.get("location") or {}
    name = location.get("name") if isinstance(location, dict) else None
    if isinstance(name, str) and name.strip():
        return name.strip()
    offices = [o.get("name") for o in record.get("offices") or [] if isinstance(o, dict)]
    return "; ".join(o.strip() for o in offices if o and o.strip()) or None


def extract_greenhouse(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    title = (record.get("title") or "").strip()
    if not title:
        return Extraction(skip_reason="empty")
    content = html.unescape(record.get("content") or "")
    structured = _metadata_salary(record.get("metadata"))
    url = record.get("absolute_url") or None
    posting = ExtractedPosting(
        title=title,
        company=company(context, record.get("company_name")),
        description=html_to_text(content),
        location_text=_location(record),
        structured_salary=structured,
        salary_text=None if structured else _pay_block_text(content),
        posted_at=iso_time(record.get("first_published")) or iso_time(record.get("updated_at")),
        url=url,
        urls=extract_links(content),
    )
    return Extraction([posting])
