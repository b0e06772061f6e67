"""Greenhouse job-board jobs (`boards-api.greenhouse.io/v1/boards/<token>/jobs?content=true`).

`content` is entity-escaped HTML ("&lt;p&gt;…"): unescaped once, then read as HTML. Pay comes
from the custom fields (`metadata`) when they hold real figures, else from the
pay-transparency block Greenhouse renders into `content` (as `salary_text`). Boards state pay
in custom fields in many layouts (see `bench/greenhouse_pay.py`): a currency range or amount,
a lower and an upper bound in two fields, one range per country or office ("Job Post Range
(Canada)", "(Seoul Only) Base salary range between …"), pay in words with a symbol or code;
and leave placeholders (0, null, "0.01"). Referral rewards, on-target earnings, bonus, equity
or option figures and internal budgets are not base pay. A range bound to a place goes only
to a job in that place. Workplace custom fields ("Work Model: Hybrid") give remote/hybrid/
onsite, and a home-based location ("Home based - EMEA") remote; Greenhouse has no country
field: `location.name` goes to the shared normalizers.
"""

from __future__ import annotations

import html
import json
import marshal
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from pipelines.currency import SIGN_CLASS, SIGNS, country_currency
from pipelines.equity import has_equity, may_offer_equity
from pipelines.extract.ats import amount, company, structured_salary
from pipelines.fx import currencies
from pipelines.location import parse_location
from pipelines.model import ExtractedPosting, Extraction, Location, Salary
from pipelines.salary import out_of_bounds, parse_salary
from pipelines.text import (
    any_in,
    element_text,
    extract_links,
    find_class,
    html_to_text,
    light_tree,
    stripped_strings,
)
from pipelines.times import iso_time
from pipelines.titles import clean_title

_NOT_BASE_PAY = re.compile(
    r"bonus|commission|equity|stock|option|\bshares?\b|stipend|relocation|sign[- ]?on|referral"
    r"|reward|on[- ]target|\bote\b|incentive|budget",
    re.I,
)
# A text custom field is read as pay when its name says so, or when its short value speaks
# of a salary or range ("Denver (range: $83,000 - 113,000)" under a field named for its
# offices); a long one is a description (often of another position and office), not pay.
_PAY_NAME = re.compile(r"salar|\bpay\b|compensation|wage|\brange\b", re.I)
_PAY_VALUE = re.compile(r"\b(?:salary|range)\b", re.I)
_MIN_NAME = re.compile(r"\bmin(?:imum)?\b", re.I)
_MAX_NAME = re.compile(r"\bmax(?:imum)?\b", re.I)
_PERIOD_IN_NAME = (("hour", "hour"), ("month", "month"), ("week", "week"), ("day", "day"))
# The place a field's name is for: "Job Post Range (United States)", "Pay Range - Canada".
_NAME_PLACE = re.compile(r"\(([^()]+)\)\s*$|\s[-–]\s*([^-–]+)$")
# The place a text value is for: its words before the first figure or currency sign
# ("(Seoul Only) Base salary range between ₩68,000,000 - …", "Denver (range: $83,000 …").
_TEXT_PLACE = re.compile(rf"^[^\d{re.escape(SIGNS)}]*")
_CURRENCY_SIGN = re.compile(rf"{SIGN_CLASS}|\b[A-Z]{{3}}\b")
# A figure, not the digits of a code such as a pay grade ("P3", "M2/P4").
_FIGURE = re.compile(r"(?<![A-Za-z\d])\d[\d,]*(?:\.\d+)?")
# "min - midpoint - max": the midpoint goes.
_MIDPOINT = re.compile(r"(\d[\d,.]*\s*[-–]\s*)\S*\d[\d,.]*\s*[-–]\s*(\S*\d[\d,.]*)")
_TEXT_TYPES = ("short_text", "long_text", "single_select")
_RANGE_TYPES = ("currency_range", "currency")


@dataclass(frozen=True)
class Pay:
    """One figure of pay a custom field states, and the place it is for (None: any place)."""

    field: str
    kind: str  # pay_field_kind's reading: "range", "text" or "min/max"
    salary: Salary
    place: Location | None = None


class _FieldName(NamedTuple):
    """What a custom field's name says about pay."""

    pay: bool  # _PAY_NAME
    not_base_pay: bool  # _NOT_BASE_PAY
    bound: str | None  # "min", "max" (_MIN_NAME first) or None


@lru_cache(maxsize=4096)  # a board gives its jobs the same few field names
def _field_name(name: str) -> _FieldName:
    bound = "min" if _MIN_NAME.search(name) else "max" if _MAX_NAME.search(name) else None
    return _FieldName(bool(_PAY_NAME.search(name)), bool(_NOT_BASE_PAY.search(name)), bound)


def pay_field_kind(field: Any) -> str | None:
    """How a custom field states pay: "range" (a currency range or amount), "min"/"max" (one
    bound of a pair of fields), "text" (figures in words), "not base pay" (referral rewards,
    OTE, bonus, equity or option counts, budgets), or None for a field that is not about pay."""
    if not isinstance(field, dict):
        return None
    named, kind = _field_name(str(field.get("name") or "")), field.get("value_type")
    value = field.get("value")
    is_pay = kind in _RANGE_TYPES or named.pay
    if not is_pay and kind in _TEXT_TYPES and isinstance(value, str) and len(value) <= 300:
        is_pay = bool(_PAY_VALUE.search(value) and _FIGURE.search(value))
    if not is_pay:  # money that is not base pay: a figure or amount under such a name
        money = named.not_base_pay and (kind == "number" or amount_text(value))
        return "not base pay" if money else None
    if named.not_base_pay:
        return "not base pay"
    if kind in ("number", "short_text") and named.bound:
        return named.bound
    if kind in _RANGE_TYPES:
        return "range"
    return "text" if kind in _TEXT_TYPES else None


def _place(text: str | None) -> Location | None:
    location = parse_location(text) if text and text.strip() else None
    return location if location and (location.countries or location.cities) else None


def _name_place(name: str) -> Location | None:
    found = _NAME_PLACE.search(name)
    return _place(found.group(1) or found.group(2)) if found else None


def _period(name: str) -> str:
    return next((p for word, p in _PERIOD_IN_NAME if word in name.lower()), "year")


def _text_salary(text: str, country: str | None) -> Salary | None:
    """Pay stated in words. Figures the text parser leaves (an hourly range without a rate
    word, bare figures such as "225000") are read with the ISO code the text names or, when
    it shows no currency at all, the currency of the job's country."""
    text = _MIDPOINT.sub(r"\1\2", text)
    if salary := parse_salary(text, country=country):
        return salary
    figures = _FIGURE.findall(text)
    code = next((w for w in re.findall(r"\b[A-Z]{3}\b", text) if w in currencies()), None)
    if code is None and not _CURRENCY_SIGN.search(text):
        code = country_currency(country)
    if code is None or not figures:
        return None
    return structured_salary(figures[0], figures[min(1, len(figures) - 1)], code, "year")


def metadata_pays(metadata: Any, country: str | None = None) -> list[Pay]:
    """Every figure of base pay the custom fields state, in field order; `country` (the
    job's, when it names one) gives figures without a currency sign their currency. Figures
    outside the plausible bounds for their period ("S$1,000,000,000") are placeholders."""
    fields = _dict_fields(metadata)
    return _pays(fields, [pay_field_kind(f) for f in fields], country)


def _dict_fields(metadata: Any) -> list[dict[str, Any]]:
    return [f for f in metadata if isinstance(f, dict)] if isinstance(metadata, list) else []


def _pays(
    fields: list[dict[str, Any]], kinds: Sequence[str | None], country: str | None
) -> list[Pay]:
    """metadata_pays of the fields, given their pay_field_kind readings."""
    pays: list[Pay] = []
    bounds: dict[str, Any] = {}
    for field, kind in zip(fields, kinds, strict=True):
        name, value = str(field.get("name") or ""), field.get("value")
        if kind in ("min", "max"):
            bounds.setdefault(kind, value)
        elif kind == "range" and isinstance(value, dict):
            low = value.get("min_value", value.get("amount"))
            high = value.get("max_value", value.get("amount"))
            salary = structured_salary(low, high, value.get("unit"), _period(name))
            if salary:
                pays.append(Pay(name, kind, salary, _name_place(name)))
        elif kind == "text" and isinstance(value, str):
            for line in value.splitlines():
                salary = _text_salary(line, country)
                if salary:
                    place = _name_place(name) or _place(_TEXT_PLACE.match(line).group())
                    pays.append(Pay(name, kind, salary, place))
    low, high = bounds.get("min"), bounds.get("max")
    if amount_text(low) or amount_text(high):
        text = " - ".join(str(v) for v in (low, high) if amount_text(v))
        if salary := _text_salary(text, country):
            pays.append(Pay("min/max", "min/max", salary))
    return [p for p in pays if not _implausible(p.salary)]


def _implausible(salary: Salary) -> bool:
    return out_of_bounds(salary.min, salary.max, salary.currency, salary.period)


def amount_text(value: Any) -> bool:
    """A field value holding a figure that is not a placeholder ("100,000", "$85,000")."""
    return isinstance(value, str | int | float) and any(
        amount(f) for f in _FIGURE.findall(str(value))
    )


def _matches(pay: Pay, job: Location) -> bool:
    """A place-bound figure is the job's when the job names its city (or, for a figure bound
    to a country, its country), or when its currency is that of the job's country and not
    of the field's place (a Mexico City job's pesos in a field named for the United States).
    National ISO 4217 codes start with their country's alpha-2 code."""
    place, currency = pay.place, pay.salary.currency or ""
    if place is None:
        return False
    if currency[:2] in job.countries and currency[:2] not in place.countries:
        return True
    if place.cities:
        return bool(set(place.cities) & set(job.cities))
    return bool(set(place.countries) & set(job.countries))


def job_place(location_text: str | None) -> tuple[Location, str | None]:
    """The job's places, and its country when it names exactly one."""
    job = parse_location(location_text or "")
    return job, job.countries[0] if len(job.countries) == 1 else None


def metadata_pay(metadata: Any, location_text: str | None) -> Pay | None:
    """The job's base pay from its custom fields: a figure bound to the job's own place
    first, else one bound to no place; a figure for another office or country never."""
    job, country = job_place(location_text)
    return _job_pay(metadata_pays(metadata, country), job)


def _job_pay(pays: Sequence[Pay], job: Location) -> Pay | None:
    ranked = sorted(pays, key=lambda p: p.kind != "range")  # a currency field before words
    own = [p for p in ranked if _matches(p, job)]
    anywhere = [p for p in ranked if p.place is None]
    return (own or anywhere)[0] if own or anywhere else None


# Custom fields that grant equity: a stock level or an equity figure ("Stock Level: 10 Senior
# Professional - 15% / 85%", "Equity Minimum: 40500.0", "Equity Grant?: Yes"; not "None" or a
# 0.0 placeholder). Any text field may offer it too ("Base salary range … + equity + 401K").
_EQUITY_NAME = re.compile(r"\b(?:equity|stock|rsus?)\b(?!\s+purchase)", re.I)


def metadata_equity(metadata: Any) -> bool:
    """Whether the custom fields grant equity (see _EQUITY_NAME), by a field named for it or
    by a text that offers it."""
    for field in metadata if isinstance(metadata, list) else []:
        if not isinstance(field, dict):
            continue
        value = field.get("value")
        if _EQUITY_NAME.search(str(field.get("name") or "")):
            if value is True or amount_text(value) or str(value).strip().lower() == "yes":
                return True
        elif isinstance(value, str) and has_equity(value):
            return True
    return False


# Custom fields that say where the work is done: "Workplace Type: Hybrid", "Work Model: In
# office", "Working Model Eligibility: [1-In Office, 2-Flexible, 3-Fully Remote]", "Is Remote?".
_WORKPLACE_NAME = re.compile(
    r"workplace|work(?:ing)? model|model of work|office requirement|work schedule|remote"
    r"|working@",
    re.I,
)
_WORKPLACE_WORDS = (
    ("hybrid", re.compile(r"hybrid|flexible|partially", re.I)),
    ("remote", re.compile(r"remote|open to all", re.I)),
    ("onsite", re.compile(r"office|on-?site", re.I)),
)
_WIDEST_FIRST = ("remote", "hybrid", "onsite")


@lru_cache(maxsize=4096)
def _workplace_name(name: str) -> bool:
    return bool(_WORKPLACE_NAME.search(name))


def metadata_workplace(metadata: Any) -> str | None:
    """remote/hybrid/onsite from the custom fields; a job offered in several ways ("In
    Office", "Flexible", "Fully Remote") is remote, as it can be done fully remotely. A "no"
    to "Is Remote?" says nothing about office days, so it gives nothing."""
    found: set[str] = set()
    for field in metadata if isinstance(metadata, list) else []:
        if not isinstance(field, dict) or not _workplace_name(str(field.get("name"))):
            continue
        value = field.get("value")
        if value is True and "remote" in str(field.get("name")).lower():
            found.add("remote")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                found.update(next(([w] for w, rx in _WORKPLACE_WORDS if rx.search(item)), []))
    return next((w for w in _WIDEST_FIRST if w in found), None)


# Words a board's display name adds to the company's: "PHMG Careers", "Careers at Lineate",
# "WellPower - All Jobs", "Rubrik Job Board", "Keystone - Referrals", "RCG (Career Site)".
_BOARD_WORDS = re.compile(
    r"^\s*careers\s+at\s+|\s*[-–(]?\s*(?:\b(?:us|all|experienced hiring)\s+)?"
    r"\b(?:careers?(?:\s+site)?|jobs?(?:\s+board)?|referrals)\s*\)?\s*$",
    re.I,
)


def board_company(name: Any) -> str | None:
    """The company's name in a board's display name, without the board's own words; None
    when nothing else is left ("Invite-Only Job Board")."""
    return _board_company(name) if isinstance(name, str) else None


@lru_cache(maxsize=1024)  # one name for every job of a board
def _board_company(name: str) -> str | None:
    return _BOARD_WORDS.sub("", name).strip(" -–") or None


def _pay_block_text(content: str) -> str | None:
    """The first pay range of the pay-transparency block: 'title: range'."""
    # No block without its class name (which no named entity can spell): skip the parse.
    if "content-pay-transparency" not in content and "&#" not in content:
        return None
    block = find_class(light_tree(content), "content-pay-transparency")
    if block is None:
        return None
    pay = find_class(block, "pay-input")
    pay = block if pay is None else pay
    title, ranges = find_class(pay, "title"), find_class(pay, "pay-range")
    if ranges is None:
        return element_text(pay) or None
    text = " ".join(" ".join(stripped_strings(ranges)).split())
    label = " ".join(stripped_strings(title)) if title is not None else ""
    return f"{label}: {text}" if label else text


def _location(record: dict[str, Any]) -> str | None:
    location = record.get("location") or {}
    name = location.get("name") if isinstance(location, dict) else None
    if isinstance(name, str) and name.strip():
        return name.strip()
    offices = [o.get("name") for o in record.get("offices") or [] if isinstance(o, dict)]
    return "; ".join(o.strip() for o in offices if o and o.strip()) or None


# A location that is a home ("Home based - EMEA", "Home-Based, Americas"): the job is remote.
_HOME_BASED = re.compile(r"\bhome[\s-]*based\b", re.I)


@lru_cache(maxsize=4096)  # a board's jobs share their locations
def _home_workplace(location_text: str | None) -> str | None:
    """ "remote" when the job's location is a home rather than a place, else None."""
    return "remote" if location_text and _HOME_BASED.search(location_text) else None


def custom_fields(metadata: Any, location_text: str | None) -> tuple[Pay | None, str | None, bool]:
    """(metadata_pay, metadata_workplace, metadata_equity) of a job. A board gives most of its
    jobs the same custom fields, so the readings are cached by the fields' JSON text: the
    workplace, the equity and the fields' pay kinds once per text, the pay figures (which
    depend on the job's country) once per text and country, the job's own of them once per
    text and place, only for fields that state pay."""
    if not metadata:  # no custom fields (a third of real jobs): nothing to read
        return None, None, False
    try:
        key = _json_key(metadata)
    except (TypeError, ValueError):  # not JSON (a caller's own objects): read as they are
        pay = metadata_pay(metadata, location_text)
        return pay, metadata_workplace(metadata), metadata_equity(metadata)
    pay_kinds, workplace, equity = _fields_reading(key)
    return (_fields_pay(key, location_text) if pay_kinds else None), workplace, equity


def _json_key(metadata: Any) -> str:
    """The fields' JSON text, the key of their readings. `marshal` writes the same values
    (JSON's types) four times faster than `json`, so the JSON is written once per distinct
    fields; version 2 writes no back-references, so equal fields give equal bytes."""
    try:
        raw = marshal.dumps(metadata, 2)
    except ValueError:  # a type marshal does not write (a subclass of dict...)
        return json.dumps(metadata)
    return _json_text(raw)


@lru_cache(maxsize=16_384)
def _json_text(raw: bytes) -> str:
    return json.dumps(marshal.loads(raw))


# The kinds of field metadata_pays reads figures from; fields of no other kind give no pay.
_PAY_KINDS = frozenset(("min", "max", "range", "text"))


# What the JSON of a field stating pay or the workplace holds, lower-cased: the words
# _RANGE_TYPES, _PAY_NAME, _PAY_VALUE and _WORKPLACE_NAME need.
_PAY_OR_WORKPLACE_WORDS = (
    "currency", "salar", "pay", "compensation", "wage", "range",
    "workplace", "model", "office requirement", "work schedule", "remote", "working@",
)  # fmt: skip


class _FieldsReading(NamedTuple):
    pay_kinds: tuple[str | None, ...]  # pay_field_kind of each field when one states pay, else ()
    workplace: str | None  # metadata_workplace
    equity: bool  # metadata_equity


@lru_cache(maxsize=16_384)
def _fields_reading(key: str) -> _FieldsReading:
    """The readings of the fields' JSON that do not depend on the job's place; the fields'
    pay kinds are kept for the pay, read per country. Fields without the words their
    patterns need are not read (60% of the real boards'); JSON escapes non-ASCII letters
    (\\u…), which IGNORECASE may take for ASCII ones ("ſ" for "s"), so fields holding any
    are read."""
    low, escaped = key.lower(), "\\u" in key
    pay_or_workplace = escaped or any_in(_PAY_OR_WORKPLACE_WORDS, low)
    equity = escaped or may_offer_equity(low)
    if not (pay_or_workplace or equity):
        return _FieldsReading((), None, False)
    metadata = json.loads(key)
    kinds = tuple(map(pay_field_kind, _dict_fields(metadata))) if pay_or_workplace else ()
    workplace = metadata_workplace(metadata) if pay_or_workplace else None
    pay_kinds = kinds if _PAY_KINDS.intersection(kinds) else ()
    return _FieldsReading(pay_kinds, workplace, equity and metadata_equity(metadata))


@lru_cache(maxsize=16_384)
def _fields_pay(key: str, location_text: str | None) -> Pay | None:
    job, country = job_place(location_text)
    return _job_pay(_fields_pays(key, country), job)


@lru_cache(maxsize=16_384)  # the figures depend on the job's place only through its country
def _fields_pays(key: str, country: str | None) -> tuple[Pay, ...]:
    fields = _dict_fields(json.loads(key))
    return tuple(_pays(fields, _fields_reading(key).pay_kinds, country))


def extract_greenhouse(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    title = (record.get("title") or "").strip()
    if not title:
        return Extraction(skip_reason="empty")
    content = html.unescape(record.get("content") or "")
    location = _location(record)
    pay, workplace, equity = custom_fields(record.get("metadata"), location)
    structured = pay.salary if pay else None
    url = record.get("absolute_url") or None
    posting = ExtractedPosting(
        title=clean_title(title),
        posted_title=title,
        company=company(context, board_company(record.get("company_name"))),
        description=html_to_text(content),
        location_text=location,
        structured_salary=structured,
        structured_remote=workplace or _home_workplace(location),
        structured_equity=equity,
        salary_text=None if structured else _pay_block_text(content),
        posted_at=iso_time(record.get("first_published")) or iso_time(record.get("updated_at")),
        url=url,
        urls=extract_links(content),
    )
    return Extraction([posting])
