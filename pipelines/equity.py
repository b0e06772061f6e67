"""Whether a posting offers equity as part of pay.

Equity is offered as stock options, ESOP/VSOP, RSUs (restricted stock units), SARs (share
appreciation rights), an employee stock incentive plan or a % stake; a stock purchase plan
(buying shares at a discount) is a benefit, not equity granted. The word "equity" has other
senses that are not pay: DEI ("diversity, equity and inclusion", "equality and equity"),
"brand equity", "private equity", "home equity", venture deals and cap tables (a law firm's
or a cap-table product's work: "convertible debt, and equity", "manage their equity"). A
sentence about those is not read as an offer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.text import any_in, lowered

_EQUITY_RE = re.compile(
    r"""\b(?:equity|stock[\s-]+options?|share[\s-]+options?|options\s+package|esops?|vsops?|rsus?
    | bspce|emi\s+options|phantom\s+(?:stock|shares|equity)|stock\s+(?:grants?|awards?)
    | restricted\s+stock(?:\s+units?)?|share\s+appreciation\s+rights|stock\s+appreciation\s+rights
    | (?-i:SARs?)|employee\s+(?:stock|share)\s+(?!purchase)(?:\w+\s+)?(?:plan|program(?:me)?)
    | ownership\s+stake)\b
    | \d\s*%\s*(?:equity|ownership|stake)
    | [+&]\s*options\b""",
    re.IGNORECASE | re.VERBOSE,
)
_NOT_EQUITY_RE = re.compile(
    r"""\b(?:no|without|zero|not|private|home|unlock|tap|health|racial|social|pay|gender|brand
    | educational|digital|diversity,?|diversity\s+and|equality\s+and|justice\s+and|their|its
    | long[\s-]term|manag\w*|optimi[sz]e|reimagine)\s+equity\b
    | \bequity\s*(?:,|&|and)\s*(?:inclusion|belonging|diversity|justice|business)\b
    | \bequity\s+(?:trapped|loans?|lines?|release|research|analyst|analysis|fund|funds|firm
    | firms|investors?|partners|capital|markets?|trading|derivatives|portfolio|index
    | management|financing|transactions?|deals?)\b
    | \badminister\w*\s+(?:employee\s+)?stock\s+option""",
    re.IGNORECASE | re.VERBOSE,
)
# A sentence on these topics speaks of someone else's equity (clients', a product's users').
_OTHER_SENSE_RE = re.compile(
    r"\b(?:cap\s+tables?|shareholder\s+agreements?|venture\s+financing|convertible\s+(?:debt|notes?)"
    r"|anti[\s-]?racis\w*|inclusion|inclusive|equality|brand)\b",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"[^.!?\n]+")
# Words of which every _EQUITY_RE match holds one (for `any_in` on `lowered` text): most
# descriptions name none and are not searched.
_EQUITY_KEYS = (
    "equity", "stock", "option", "esop", "vsop", "rsu", "bspce", "phantom", "ownership",
    "stake", "sars", "appreciation", "share",
)  # fmt: skip


# Words of which every _EQUITY_RE match truly holds one: a lone "SAR" holds "sar" only. A
# sentence without one is not searched.
_MATCH_KEYS = tuple("sar" if key == "sars" else key for key in _EQUITY_KEYS)


def _offers(sentence: str) -> bool:
    excluded = [m.span() for m in _NOT_EQUITY_RE.finditer(sentence)]
    found = [
        m
        for m in _EQUITY_RE.finditer(sentence)
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in excluded)
    ]
    if not found:
        return False
    # A bare "equity" in a sentence about DEI, brands or deals is that sense; the named
    # instruments (options, RSUs) are pay wherever they are.
    if all(m.group().lower() == "equity" for m in found):
        return not _OTHER_SENSE_RE.search(sentence)
    return True


@lru_cache(maxsize=1024)  # the roles of a comment share their description (and often their pay)
def has_equity(text: str) -> bool:
    """Whether `text` offers equity (stock, options, RSUs, SARs, a % stake) as part of pay;
    DEI, brand or private equity, venture deals, cap tables and "no equity" do not count."""
    if not text or not may_offer_equity(lowered(text)):
        return False
    sentences = (m.group() for m in _SENTENCE_RE.finditer(text))
    return any(_offers(s) for s in sentences if any_in(_MATCH_KEYS, lowered(s)))


def may_offer_equity(low: str) -> bool:
    """Whether a `lowered` text holds a word that offering equity needs: when not, neither
    `has_equity` nor a name such as "Stock Level" can find an offer in it."""
    return any_in(_EQUITY_KEYS, low)
