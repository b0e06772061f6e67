"""Salary statements read from free text (HN header segments, sentences, whole postings).

Accuracy over recall: a figure is only reported when its currency or a pay word makes it
money, its context is not funding/revenue/bonus/OTE talk, its period is stated or follows
clearly from its size, and it is plausible for that period once converted to USD.

How it works: every amount ("$150k", "70.000 €", "₹25", "35 LPA", "120K USD/yr") is found
as a *term*; two terms joined by a dash, "to" or "~" make a range; each single term or
range is then checked against its clause (the words before it up to a separator such as
"|", a sentence end or a comma) and the words right after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines import fx
from pipelines.currency import (
    CLASH,
    PREFIXES,
    RAND,
    SUFFIX_WORDS,
    SUFFIXES,
    merge_marks,
    resolve_currency,
    suffix_currency,
)
from pipelines.equity import has_equity  # noqa: F401 (re-exported: callers import it here)
from pipelines.model import Salary


def _alt(tokens) -> str:
    return "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))


# --- amounts ----------------------------------------------------------------------------

_NUM = r"""
    \d{1,2}(?:,\d\d)+,\d{3}(?!\d)                  # Indian grouping 25,00,000
  | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)             # 150,000 / 150,000.00
  | \d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?![\d.])      # European 150.000 / 150.000,00
  | \d{1,3}(?:['’]\d{3})+(?:\.\d+)?(?!\d)          # Swiss 140'000
  | \d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])     # 150 000
  | \d+,\d{1,2}(?=\s?(?:k|K|M|m|mln|mio|Mio)\b)    # decimal comma before a multiplier: 1,5M
  | \d+(?:\.\d+)?
"""
_MULTIPLIERS = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "grand": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mm": 1e6,
    "MM": 1e6,
    "mil": 1e6,
    "mio": 1e6,
    "Mio": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "B": 1e9,
    "billion": 1e9,
    "L": 1e5,
    "LPA": 1e5,
    "lpa": 1e5,
    "lakh": 1e5,
    "lakhs": 1e5,
    "Lakh": 1e5,
    "Lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "Cr": 1e7,
    "crore": 1e7,
    "crores": 1e7,
}
_INDIAN_MULTIPLIERS = {"L", "LPA", "lpa", "lakh", "lakhs", "Lakh", "Lakhs", "lac", "lacs"}
_INDIAN_MULTIPLIERS |= {"Cr", "crore", "crores"}

_SP = r"[ \u00a0\u202f]?"
# What a term starts with: a currency prefix's first character or a digit. Checked first, so
# the other positions of a text fail at once instead of trying every prefix.
_TERM_STARTS = "".join(sorted({re.escape(p[0]) for p in PREFIXES})) + r"\d"
_TERM_RE = re.compile(
    rf"""
    (?=[{_TERM_STARTS}])
    (?<![A-Za-z0-9$])
    (?:(?P<pre>{_alt(PREFIXES)}){_SP})?
    (?(pre)|(?<![\w.,'’/#@]))
    (?P<num>{_NUM})
    (?:\+?{_SP}(?P<mult>{_alt(_MULTIPLIERS)})(?![A-Za-z]))?
    (?=(?:ph|pa|pd|pw|pm|pcm)\b|p/[hdwmy]\b|p\.a\.|[^A-Za-z\d%]|$)  # "£65ph" may touch
    \+?
    (?:{_SP}(?P<suf>{_alt(SUFFIXES)}|{"|".join(f"(?i:{w})" for w in SUFFIX_WORDS)})
       (?![A-Za-z]))?
    \+?
    """,
    re.VERBOSE,
)

# --- periods ----------------------------------------------------------------------------

_SLASH_WORDS = ("hourly", "daily", "weekly", "monthly", "(?:yearly|annually)")
_PERIOD_WORDS = {
    "hour": r"""/\s?(?:hr|hour|h|stunde|heure|hora)s?\b|(?:per|an?|each|pro|je|par)\s+(?:hr|hour
                |stunde|heure|hora)s?\b|p/h\b|(?-i:ph)\b|hourly\b""",
    "day": r"""/\s?(?:day|d|tag|jour)\b|(?:per|a|pro|par)\s+(?:day|tag|jour)\b|p/d\b|(?-i:pd)\b
               |per\s+diem\b|daily\b""",
    "week": r"""/\s?(?:wk|week|w|woche)\b|(?:per|a|pro)\s+(?:wk|week|woche)\b|p/w\b|(?-i:pw)\b
                |weekly\b""",
    "month": r"""/\s?(?:mo|mon|month|mth|m|monat|mois|mes|mês|mån|mnd|mies|kk)\b\.?
                 |(?:per|a|pro|par|je|al|por|ao|na)\s+(?:mo|month|mth|monat|mois|mes|mês|månad
                 |miesiąc)\b|p/m\b|monthly\b|monatlich\b|mtl\.|mensua(?:l|les)\b|mensais\b
                 |miesięcznie\b
                 |pcm\b|p\.m\.(?!\w)|(?-i:pm)\b|pr\.?\s?m[åa]ned\b""",
    "year": r"""/\s?(?:yr|year|y|annum|a|jahr|an|año)\b|(?:per|an?|pro|par|im)\s+(?:yr|year
                |annum|jahr|an|año)\b|p/a\b|p\.\s?a\.?|pa\b|annually\b|annual\b|yearly\b
                |jährlich\b""",
}
# A spelled-out period after a slash: "$2200 AUD / Monthly".
_PERIOD_WORDS = {
    p: rf"/\s?{slash}\b|{w}"
    for (p, w), slash in zip(_PERIOD_WORDS.items(), _SLASH_WORDS, strict=True)
}
# The period may stand in brackets: "2.500€ (per month)", "$25 (hourly)".
_PERIOD_AFTER_RE = re.compile(
    r"[ \u00a0]*(?:(?P<bracket>\()[ \u00a0]*)?"
    r"(?:(?:gross|brutto|bruto|brutos|base|net|netto|neto)(?:[ \u00a0]+|(?=/)))?(?:"
    + "|".join(f"(?P<{p}>{w})" for p, w in _PERIOD_WORDS.items())
    + r")(?(bracket)[ \u00a0]*\)?)",
    re.IGNORECASE | re.VERBOSE,
)
# Period words that may stand before the amount in its clause ("Hourly rate: $60-90").
_PERIOD_BEFORE = {
    "hour": r"hourly|per\s+hour|an\s+hour",
    "day": r"day\s+rate|daily(?:\s+rate)?|per\s+day|per\s+diem",
    "week": r"weekly|per\s+week",
    "month": r"monthly|per\s+month|a\s+month|monatlich|pro\s+monat",
    "year": r"annual(?:ly)?|yearly|per\s+(?:year|annum)|a\s+year|jährlich|pro\s+jahr",
}
_PERIOD_BEFORE_RE = re.compile(
    "|".join(rf"(?P<{p}>\b(?:{w})\b)" for p, w in _PERIOD_BEFORE.items()), re.IGNORECASE
)

# --- context ----------------------------------------------------------------------------

# Where a clause starts: the words before an amount are read back to the nearest of these.
_CLAUSE_BREAK_RE = re.compile(r"[|\n;•·()\[\]]|[.!?](?:\s|$)|,\s| [-–—] |\s\+\s|\s/\s")
# Words that make the amount before or after them something other than base pay.
# Company money: these words make any amount in their clause something other than pay.
_COMPANY_MONEY = r"""
    rais(?:e|ed|es|ing)|fund(?:ing|raise|raising|s)|financ(?:ing|ed)|valuation|valued
  | (?:series\s+[a-f]|(?:pre-?)?seed)\b(?![- ](?:stage|startup|company))
  | revenues?|arr|mrr|gmv|turnover|sales(?![- ]+(?:engineer|manager|rep|executive|lead|director
     |development|team|role|associate|consultant|specialist|ops|operations))|profits?|market\s+cap\w*|acquired|acquisition|aum
  | assets|transactions?|processed|loans?|donat\w*
"""
# Pay that is not base pay; these words too count anywhere in the clause.
_NOT_BASE = r"""ote|on[- ]target(?:\s+earnings)?|tc|total\s+(?:comp\w*|cash|package|rewards?)
  | commissions?"""
# Perks and other money; these count only close before the amount ("a signing bonus of
# $10k"), or in the words after it.
_OTHER_MONEY = r"""
    bonus(?:es)?|signing|sign[- ]on|relocation|stipends?|allowances?|reimburs\w*|grants?
  | prizes?|invest\w*|round|worth|price[ds]?|costs?|fees?|spen[dt]\w*|savings?
  | credits?|rent|rsus?|stock|volume|payouts?|tuition|scholarships?|referral|save[sd]?
  | houses?|apartments?|mortgages?|contributions?|matching|perks?
  | (?:learning|education|training|conference|equipment|hardware|home[- ]office|office|gadget
     |wellness|travel|book|marketing|ad)\s+budget
"""
_CLAUSE_NOT_PAY_RE = re.compile(
    rf"\b(?:{_COMPANY_MONEY}|{_NOT_BASE})\b", re.IGNORECASE | re.VERBOSE
)
# OTE and total-comp words make every amount after them in their sentence not base pay
# ("The OTE salary range for candidates within the Bay Area or New York City is $190k-$228k"),
# unless the sentence then names the base.
_NOT_BASE_RE = re.compile(rf"\b(?:{_NOT_BASE})\b", re.IGNORECASE | re.VERBOSE)
_BASE_RE = re.compile(r"\bbase\b", re.IGNORECASE)
_SENTENCE_BREAK_RE = re.compile(r"[|\n•]|[.!?](?:\s|$)")
_SENTENCE_BEFORE = 200  # characters
_NEAR_NOT_PAY_RE = re.compile(rf"\b(?:{_OTHER_MONEY})\b", re.IGNORECASE | re.VERBOSE)
_NEAR_BEFORE = 30  # characters
_NOT_PAY_AFTER_RE = re.compile(
    rf"""\b(?:{_COMPANY_MONEY}|{_NOT_BASE}|{_OTHER_MONEY}
    | sales|users|customers|clients|downloads|members|subscribers|visitors|developers|people
    | companies|businesses|merchants|payments|industry|budget|venture|vc|capital|company
    | business|startup|exit|fund|check|cheque|run[- ]?rate|in\s+equity|of\s+equity|startups
    | employees|requests|events|records|rows|deals?|opportunity|problem|space|sector|economy
    | benefits?|lifetime|expenses?
    | groceries|food|meals?|lunch(?:es)?|dinners?|snacks|gym|fitness|commut\w*|coworking
    | childcare|internet
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Right after an amount, these make it the value of a stake: "250k+ equity", "$50k in stock".
_STAKE_NEXT_RE = re.compile(
    r"^[\s(]*(?:in\s+|of\s+|worth\s+of\s+)?(?:equity|stock|shares|options|stake)\b",
    re.IGNORECASE,
)
# The words after an amount that still speak about it end at one of these.
_AFTER_BREAK_RE = re.compile(
    r"[|;\n()•+&,–—]|[.!?](?:\s|$)| - |\bw/|\b(?:plus|with|and|or|but)\b", re.IGNORECASE
)
# Perks, read up to the end of the clause even past "and"/"+": "$200 monthly wellness stipend".
_PERK_RE = re.compile(r"\b(?:stipends?|allowances?|budgets?|reimburs\w*)\b", re.IGNORECASE)
_PERK_END_RE = re.compile(r"[|;\n+,(]|[.!?](?:\s|$)")
# Words that make a bare number (no currency) pay.
_PAY_CUE_BEFORE_RE = re.compile(
    r"\b(?:salary|salaries|compensation|comp|pay|paying|base|wages?|rate|range|package|gross"
    r"|net|brutto|netto|ctc|per\s+annum|budget\s+for)\b",
    re.IGNORECASE,
)
_PAY_CUE_AFTER_RE = re.compile(
    r"^\s*\(?\s*(?:base|salary|gross|brutto|cash|doe|negotiable|(?:based|depending|dep\.?)\s+on"
    r"|(?:\+|plus|with|and|&)\s*(?:[a-z]+\s+)?(?:equity|benefits|bonus|options|stock))\b",
    re.IGNORECASE,
)
_HOURLY_CUE_RE = re.compile(
    r"\b(?:rates?|hourly|contract(?:or|ing)?|freelancers?|freelance|consult(?:ant|ing)?)\b",
    re.IGNORECASE,
)
_FOUR_O_ONE_K_RE = re.compile(r"\b40[13]\s?\(?[kKbB]\)?")
_LEAD_TRIM = " \t\n\r[](){}|:+~*-–—•"

# --- plausibility, in USD-equivalent per period -----------------------------------------

_BOUNDS = {
    "year": (2_500.0, 800_000.0),
    "month": (200.0, 100_000.0),
    "week": (50.0, 25_000.0),
    "day": (10.0, 5_000.0),
    "hour": (3.0, 1_000.0),
}

_INFERRED_YEAR_MIN = 8_000.0  # a figure with no period must be at least this to be a year
# Where pay is quoted per month by custom (Polish B2B and UoP rates, Brazilian, Czech,
# Hungarian, Romanian, Mexican salaries): a stated currency and a figure too small for a year
# but right for a month is monthly.
_MONTHLY_CURRENCIES = frozenset({"PLN", "BRL", "CZK", "HUF", "RON", "MXN"})
_INFERRED_MONTH_MIN = 500.0
# Any stated currency: a figure too small for a year, right for a month and called pay
# ("Our range of compensation starts at 7000 USD") is monthly.
_MONTH_PAY_MIN, _MONTH_PAY_MAX = 1_000.0, 30_000.0
_MONTH_PAY_CUE_RE = re.compile(
    r"\b(?:salary|salaries|compensation|pay|wages?|remuneration)\b", re.IGNORECASE
)
_HOURLY_MAX = 300.0  # a figure with no period but a rate word may be hourly up to this
_MAX_RATIO = 5.0


def out_of_bounds(lo: float | None, hi: float | None, currency: str | None, period: str) -> bool:
    """Whether `lo`..`hi` per `period`, in USD-equivalent, lies outside what anyone is paid:
    such figures are left empty (and counted by the caller), never stored. An open end ("up
    to $X": no `lo`; "$X+": no `hi`) is judged by the figure stated."""
    lo = hi if lo is None else lo
    hi = lo if hi is None else hi
    if lo is None or hi is None:
        return True
    rate = fx.usd_per_unit(currency) or 1.0  # unknown currency: judge the figures as dollars
    low, high = _BOUNDS[period]
    return not (low <= lo * rate and hi * rate <= high)


@dataclass
class _Term:
    start: int
    end: int  # after the number, multiplier, currency and any period written after it
    value: float
    grouped: bool  # written with thousands separators (so no multiplier is implied)
    mult: str | None
    currency: str | None  # ISO code, DOLLAR / YEN / KRONA (resolved later), or None
    period: str | None
    plus: bool = False  # "$200k+": the least one is paid

    @property
    def strong(self) -> bool:
        """Marked as money by a currency or a multiplier."""
        return self.currency is not None or self.mult is not None


# How a number groups its digits: "12,34,567" (lakhs) or "120,000" with commas, "120.000,50"
# with dots, "120,50" with a decimal comma; the group marks that are dropped.
_COMMA_GROUPS = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}|\d{1,3}(?:,\d{3})+.*")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_GROUP_MARKS = re.compile(r"['’ \u00a0\u202f]")
# A thousands group after a digit and a mark: written with thousands separators.
_GROUPED = re.compile(r"\d[,.'’ \u00a0\u202f]\d{3}")


def _number(s: str) -> float:
    if _COMMA_GROUPS.fullmatch(s):
        return float(s.replace(",", ""))
    if _DOT_GROUPS.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.fullmatch(s):
        return float(s.replace(",", "."))
    return float(_GROUP_MARKS.sub("", s))


def _terms(text: str, country: str | None) -> list[_Term]:
    terms = []
    for m in _TERM_RE.finditer(text):
        if _FOUR_O_ONE_K_RE.match(text, m.start("num")):
            continue
        pre, suf, mult = m.group("pre"), m.group("suf"), m.group("mult")
        cur_pre = PREFIXES[pre] if pre else None
        cur_suf = suffix_currency(suf) if suf else None
        currency = merge_marks({cur_pre, cur_suf} - {None})
        if currency is CLASH:
            continue  # two different currencies on one number
        if currency == RAND:
            if country != "ZA":
                continue
            currency = "ZAR"
        if mult in _INDIAN_MULTIPLIERS:
            # "35 LPA" and "30 lakhs" say INR; a bare "40L" or "2Cr" needs "₹" or "INR", or
            # a rupee amount on the left of its range ("₹40–60L", "₹40L–60L").
            bare = currency is None and mult in ("L", "Cr")
            if currency not in (None, "INR") or (bare and not _rupee_range_end(terms, text, m)):
                continue
            currency = "INR"
        end = m.end()
        period = None
        pm = _PERIOD_AFTER_RE.match(text, end)
        if pm:
            period = pm.lastgroup
            end = pm.end()
        if mult == "LPA":
            period = period or "year"
        num = m.group("num")
        terms.append(
            _Term(
                start=m.start(),
                end=end,
                value=_number(num),
                grouped=bool(_GROUPED.search(num)),
                mult=mult,
                currency=currency,
                period=period,
                plus="+" in m.group(0) and not _PLUS_EXTRA_RE.match(text, m.end()),
            )
        )
    return terms


def _rupee_range_end(terms: list[_Term], text: str, m: re.Match) -> bool:
    """Whether the amount `m` is the right side of a range whose left side is in rupees."""
    return bool(
        terms
        and terms[-1].currency == "INR"
        and _RANGE_SEP_RE.fullmatch(text[terms[-1].end : m.start()])
    )


# "$100k+ equity" adds equity; "$100k+" alone is a floor.
_PLUS_EXTRA_RE = re.compile(
    r"\s*(?:equity|bonus|benefits|stock|options|commission|esops?|rsus?)\b", re.IGNORECASE
)
# Before a single figure: "up to $X" states only the most, "from $X" only the least.
_UP_TO_RE = re.compile(
    r"\b(?:up\s*to|max(?:imum)?\.?|bis\s+zu|jusqu'?\s?à|hasta|até|capped\s+at|tops?\s+out\s+at"
    r"|not\s+(?:to\s+)?exceed(?:ing)?|no\s+more\s+than)\W*$",
    re.IGNORECASE,
)
_FROM_RE = re.compile(
    r"\b(?:from|starting\s+(?:at|from)|starts\s+at|at\s+least|min(?:imum)?\.?|upwards\s+of|"
    r"north\s+of|ab)\W*$",
    re.IGNORECASE,
)


# After a single figure: "$150k and up" states only the least.
_AND_UP_RE = re.compile(
    r"^\s*(?:(?:and|or)\s+(?:up(?:wards)?|above|more|higher)|min(?:imum)?)\b", re.IGNORECASE
)
# A thousands group split by a space on a range's right side: "$60,675- $101, 125".
_SPLIT_GROUP_RE = re.compile(r"(\d,\d{3}\s?[-–—]\s?[$€£]?\s?\d{1,3}), (\d{3})(?![\d,.])")

_RANGE_SEP_RE = re.compile(
    r"\s*(?:-{1,2}|–|—|~|to|till|until|bis|and|und|à|a|al|até|do|tot)\s*", re.IGNORECASE
)


def _pair(a: _Term, b: _Term, text: str) -> tuple[float, float] | None:
    """The (min, max) of `a` and `b` read as one range, or None when they are not one."""
    sep = text[a.end : b.start]
    if not _RANGE_SEP_RE.fullmatch(sep):
        return None
    if sep.strip().lower() in ("and", "und") and not re.search(
        r"\b(?:between|zwischen)\s*\S*$", text[max(0, a.start - 12) : a.start], re.IGNORECASE
    ):
        return None
    if a.period and b.period and a.period != b.period:
        return None
    ma = _MULTIPLIERS[a.mult] if a.mult else None
    mb = _MULTIPLIERS[b.mult] if b.mult else None
    # "150-200k", "€70–90k", "$90k-120": a side without multiplier borrows the other's.
    if ma is None and mb is not None and not a.grouped and a.value < 1000:
        ma = mb
    if mb is None and ma is not None and not b.grouped and b.value < 1000:
        mb = ma
    # "$154-190,000": a short left side takes the thousands of a grouped right side.
    if ma is None and mb is None and not a.grouped and b.grouped and a.value < 1000 <= b.value:
        ma = 1000.0 if a.value * 1000 <= b.value else None
    lo, hi = a.value * (ma or 1), b.value * (mb or 1)
    if not (a.strong and b.strong) and not (0 < lo <= hi <= lo * _MAX_RATIO):
        return None  # a bare number next to an amount, e.g. "$150k - 2 roles"
    return lo, hi


def _monthly(currency: str | None, lo: float, hi: float, text: str, start: int, floor: int) -> bool:
    """Whether a figure with a stated currency and no period (`lo`..`hi` in USD) is monthly:
    by the currency's custom, or by its size and a pay word before it."""
    if currency in _MONTHLY_CURRENCIES and lo >= _INFERRED_MONTH_MIN:
        return True
    return (
        lo >= _MONTH_PAY_MIN
        and hi <= _MONTH_PAY_MAX
        and bool(_MONTH_PAY_CUE_RE.search(text[max(floor, start - 80) : start]))
    )


def _not_base_sentence(text: str, start: int, floor: int) -> bool:
    """Whether the sentence before `start` calls the pay OTE or total comp, and names no
    base after that."""
    before = text[max(floor, start - _SENTENCE_BEFORE) : start]
    cuts = list(_SENTENCE_BREAK_RE.finditer(before))
    sentence = before[cuts[-1].end() :] if cuts else before
    found = list(_NOT_BASE_RE.finditer(sentence))
    return bool(found) and not _BASE_RE.search(sentence, found[-1].end())


def _clause_before(text: str, start: int, floor: int) -> str:
    before = text[max(floor, start - 60) : start]
    cuts = list(_CLAUSE_BREAK_RE.finditer(before))
    return before[cuts[-1].end() :] if cuts else before


def _evaluate(
    text: str,
    terms: list[_Term],
    lo: float,
    hi: float,
    floor: int,
    limit: int,
    country: str | None,
    rejected: list[str] | None = None,
) -> Salary | None:
    """The salary that one term or range states, or None; `floor`..`limit` bounds the words
    around it that are read (the neighbouring amounts' own words are not). Pay outside the
    plausible bounds for its period is added to `rejected`."""
    start, end = terms[0].start, terms[-1].end
    mark = merge_marks({t.currency for t in terms if t.currency})
    if mark is CLASH:
        return None
    currency, uncertain = resolve_currency(mark, country)
    before = _clause_before(text, start, floor)
    after = text[end : min(limit, end + 40)]
    said = after[: m.start()] if (m := _AFTER_BREAK_RE.search(after)) else after
    if (
        _CLAUSE_NOT_PAY_RE.search(before)
        or _not_base_sentence(text, start, floor)
        or _NEAR_NOT_PAY_RE.search(before[-_NEAR_BEFORE:])
        or _NOT_PAY_AFTER_RE.search(said)
        or _STAKE_NEXT_RE.match(after)
        or _PERK_RE.search(after[: m.start()] if (m := _PERK_END_RE.search(after)) else after)
    ):
        return None
    if mark is None:
        # No currency: only "k"-style or grouped figures that a pay word, or nothing at all,
        # surrounds ("Salary - 95k-120k", "150k - 180k base", a header cell "| 165-195K |").
        cell_start = max(text.rfind("|", 0, start), text.rfind("\n", 0, start)) + 1
        cell_end = min(i for i in (text.find("|", end), text.find("\n", end), len(text)) if i >= 0)
        whole = text[cell_start:cell_end].strip(_LEAD_TRIM) == text[start:end].strip(_LEAD_TRIM)
        line = text[max(floor, cell_start, start - 40) : start]
        cued = _PAY_CUE_BEFORE_RE.search(line) or _PAY_CUE_AFTER_RE.match(after)
        has_scale = any(t.mult or t.grouped for t in terms)
        if not (has_scale and (whole or cued)):
            return None
    if not 0 < lo <= hi or hi > lo * _MAX_RATIO:
        return None
    periods = {t.period for t in terms if t.period}
    if len(periods) > 1:
        return None
    rate = fx.usd_per_unit(currency) or 1.0  # unknown currency: judge the figures as dollars
    period = periods.pop() if periods else None
    if period is None:
        pb = list(_PERIOD_BEFORE_RE.finditer(before))
        if pb:
            period = pb[-1].lastgroup
    if period is None:
        if any(t.value != int(t.value) and not t.mult for t in terms):
            return None  # "$412,118.64" with no period: an account, not a salary
        if any(t.mult in _INDIAN_MULTIPLIERS for t in terms):
            period = "year"  # lakh and crore figures are annual CTC
        elif lo * rate >= _INFERRED_YEAR_MIN:
            period = "year"
        elif mark is not None and _monthly(currency, lo * rate, hi * rate, text, start, floor):
            period = "month"
        elif (
            lo * rate >= 5
            and hi * rate <= _HOURLY_MAX
            and not any(t.mult for t in terms)
            and (_HOURLY_CUE_RE.search(before) or _HOURLY_CUE_RE.search(after[:20]))
        ):
            period = "hour"
        else:
            return None
    if out_of_bounds(lo, hi, currency, period):
        if rejected is not None:
            rejected.append(text[start:end].rstrip())
        return None
    low: float | None = lo
    high: float | None = hi
    lead = text[max(floor, start - 16) : start]
    if len(terms) == 1:
        if m := _UP_TO_RE.search(lead):
            low = None  # "up to $180k"
            start -= len(lead) - m.start()  # the words say it: they are kept with it
        elif terms[0].plus or _AND_UP_RE.match(after) or (m := _FROM_RE.search(lead)):
            high = None  # "$200k+", "from €60k"
            start -= len(lead) - m.start() if m else 0
    return Salary(
        min=low,
        max=high,
        currency=currency,
        period=period,
        text=text[start:end].rstrip(),
        currency_uncertain=uncertain,
    )


def find_salaries(
    text: str, *, country: str | None = None, rejected: list[str] | None = None
) -> list[Salary]:
    """Every salary statement in a longer text, in order (several roles may state several
    ranges); the words of pay outside the plausible bounds go to `rejected`."""
    if not text:
        return []
    # Amounts are read in a copy with split groups joined (same length, so positions hold).
    terms = _terms(_SPLIT_GROUP_RE.sub(r"\1,\2 ", text), country)
    found: list[Salary] = []
    floor = 0  # the words before an amount are never read past the previous amount
    i = 0
    while i < len(terms):
        a = terms[i]
        pair = _pair(a, terms[i + 1], text) if i + 1 < len(terms) else None
        if pair:
            group, (lo, hi) = [a, terms[i + 1]], pair
            i += 2
        else:
            group, lo = [a], a.value * (_MULTIPLIERS[a.mult] if a.mult else 1)
            hi = lo
            i += 1
        if len(group) == 2 or a.strong:
            limit = next((t.start for t in terms[i:] if t.strong), len(text))
            salary = _evaluate(text, group, lo, hi, floor, limit, country, rejected)
            if salary:
                found.append(salary)
            floor = group[-1].end
    return found


def parse_salary(
    text: str, *, country: str | None = None, rejected: list[str] | None = None
) -> Salary | None:
    """The base-pay salary stated in `text` (e.g. a HN header segment or a sentence), or
    None."""
    found = find_salaries(text, country=country, rejected=rejected)
    return found[0] if found else None


# Several statements of one pay: the same currency and period in ranges that meet or nearly
# meet (levels, "4 000 - 6 000 USD" then "6 000 - 9 200 USD"), or the same pay again in
# another currency or period ("£70,000 to £90,000 ~$81k to $100k", "up to $85/hour, or up to
# $750/day"), its annual dollars within this share of the first statement's.
_SAME_PAY = 0.25
_RANGE_GAP = 1.25


def _annual_usd(salary: Salary) -> tuple[float | None, float | None]:
    factor = (fx.usd_per_unit(salary.currency) or 1.0) * fx.PERIODS_PER_YEAR[salary.period]
    return tuple(None if v is None else v * factor for v in (salary.min, salary.max))  # type: ignore[return-value]


def _same_pay(a: Salary, b: Salary) -> bool:
    pairs = [(x, y) for x, y in zip(_annual_usd(a), _annual_usd(b), strict=True) if x and y]
    return bool(pairs) and all(abs(x - y) <= _SAME_PAY * max(x, y) for x, y in pairs)


def one_salary(found: list[Salary]) -> Salary | None:
    """The one pay that several salary statements of a single job state (see `_SAME_PAY`),
    or None when they state different pay: the first statement, widened by the ranges of its
    own currency and period that join it."""
    if not found:
        return None
    first = found[0]
    kin = [s for s in found if (s.currency, s.period) == (first.currency, first.period)]
    if any(s not in kin and not _same_pay(first, s) for s in found):
        return None
    spans = sorted(
        (s.min if s.min is not None else s.max, s.max if s.max is not None else s.min) for s in kin
    )
    high = spans[0][1]
    for lo, hi in spans[1:]:
        if lo > high * _RANGE_GAP:
            return None
        high = max(high, hi)
    if len(kin) == 1:
        return first
    lows = [s.min for s in kin if s.min is not None]
    highs = [s.max for s in kin if s.max is not None]
    text = " / ".join(dict.fromkeys(s.text for s in kin))
    return Salary(
        min=min(lows) if lows else None,
        max=max(highs) if highs else None,
        currency=first.currency,
        period=first.period,
        text=text,
        currency_uncertain=first.currency_uncertain,
    )
