"""A job board title cleaned down to the role's own name.

Boards pack more than the role into their titles: where it is ("- Lisbon", "Benelux",
"(DE-based)"), how it is worked ("- Remote", "(US Remote)", "Work From Home …", "- EU Time
Zone"), the contract, shift or hours ("Freelance 8-20 hrs/week", "(Part-time)", "(80% - 100%)",
"Contractor: …", "- Night Shift", "- 12 Month FTC"), a call for interest ("Expression of
Interest: …", "- Talent Pool", "| 2027 Intake"), the pay ("($110-$190/hr)"), the company or a
requisition number in front ("CI&T 27985 …"), emoji and trailing punctuation. They are cut
from the ends of the title, one tag at a time; words that name the role stay: seniority,
specialty, team, language ("(Spanish speaker)"), "(m/w/d)". A place inside the title ("Key
Account Manager Germany – Collectables") is kept, and so is the region of several countries
at the end of a sales, account, customer success, partner or territory job's title ("Sales
Director, ANZ", "Channel Manager (Benelux)"): it is the job's territory, and the same title for
another region is another job; a city or a single country there is the job's office, and is
cut.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipelines.location import Place, find_places, may_name_a_place, may_open_with_place
from pipelines.text import any_in, lowered

_F = re.IGNORECASE
# A tag at the end: a bracketed group, or the words after " - ", " | ", a comma, or a dash glued
# to the word before ("Technician- 2nd Shift"; no comma after it). The first such piece from
# the left is read: a comma piece stops at a " - " ("- Los Angeles, CA - Onsite" ends in
# "Onsite"), and a " - " piece may hold a hyphenated word ("- Austin, TX On-Site").
_TAIL_RE = re.compile(
    r"(?=[\s\-–—|:,/(\[])"  # the first characters of its matches: other positions fail at once
    r"(?:\s*[-–—|:,/]?\s*(\([^()]*\)|\[[^\[\]]*\])\s*$|"
    r"\s+[-–—|]\s+((?:[^-–—|()\[\]]|(?<=\S)-(?=\S))+)$|"
    r"(?<=\w)[-–—]\s+((?:[^-–—|,()\[\]]|(?<=\S)-(?=\S))+)$|"
    r",\s*((?:[^-–—|,()]|(?<!\s)[-–—|]|[-–—|](?!\s))+)$)"
)
# The last two comma pieces, read together when the last alone is no tag: a city and its
# state ("…, Los Angeles, CA").
_TAIL_PAIR_RE = re.compile(r",\s*([^-–—|,()]+,\s*[^-–—|,()]+)$")
_PAY_RE = re.compile(
    r"(?=[$€£₹\d/puegca])"  # the first characters of its matches: other positions fail at once
    r"(?:[$€£₹]|\b\d+\s*k\b|\bper\s+(?:year|annum|hour|month)\b|/\s*(?:hr|hour|h|yr|year)\b|"
    r"\bup\s+to\b|\b(?:USD|EUR|GBP|CAD|AUD)\b)",
    _F,
)
# Words a tag holds besides places: remote policy, time zones, contract and hours.
_TAG_WORDS_RE = re.compile(
    r"\b(?=\w)"  # every match opens a word: the boundaries that end words are not tried
    r"(?:fully|full(?:[\s-]?time)?|100\s*%|partially|remote(?:ly)?|remote[\s-]first|work\s+from\s+home|"
    r"wfh|hybrid|h[ií]brid[oa]|remot[oa]|presencial|on[\s-]?site|in[\s-]office|anywhere|worldwide|global|international|"
    r"(?:(?:central|eastern|western|pacific|mountain|atlantic)\s+)?(?:european\s+)?"
    r"(?:standard\s+)?time\s*zones?|(?:central|eastern|western|pacific|mountain|atlantic)\s+time|"
    r"timezones?|tz|hours|hrs?|only|based|friendly|ok|"
    r"part[\s-]?time|contract|freelance|temp(?:orary)?|permanent|"
    r"per|a|week|wk|day|year|\d*months?|hour|the|in|or|and|within|from|"
    r"(?:(?:all|split|rotating|multiple|[a-d]|am|pm|first|second|third|\d(?:st|nd|rd|th)|"
    r"day|night|evening|weekend|morning|afternoon|overnight|graveyard|swing)"
    r"(?:\s*(?:and|&|/|or)\s*(?:day|night|evening|overnight|\d(?:st|nd|rd|th)))?\s+)?"
    r"shifts?|availability|overnight|weekends?|schedules?|work(?:\s*week)?|seasonal|duration|"
    r"fixed[\s-]term|ftc|m-f|\d{1,2}(?::\d\d)?\s*[ap]m|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|"
    r"sat(?:ur)?|sun)(?:day)?s?|"
    r"position|located|eligible|relocat\w*(?:\s+(?:assistance|support|benefits?|bonus|package))?|"
    r"provided|available|required|"
    r"requires|visa\s+sponsorship|to|no|20\d\d\s+intake|evergreen|talent\s+(?:community|pool|network)|"
    r"(?-i:[A-Z]{1,2}[SD]?T)|utc|gmt|emea|apac|latam|eu|us|usa|uk)\b",
    _F,
)
# Jobs whose title names the region they cover: sales, accounts (and their customers' success),
# partners, channels, territories.
_TERRITORY_JOB_RE = re.compile(
    r"\b(?:(?:pre-?)?sales|account\s+(?:executive|manager|director|lead)|accounts|"
    r"customer\s+success|"
    r"business\s+develop\w*|partner(?:ship)?s?\s+(?:manager|director|lead)|"
    r"channels?|alliances?|territory|value\s+engineer\w*)\b",
    _F,
)
# A word every match of _TERRITORY_JOB_RE holds (in a `lowered` title): most titles skip it.
_TERRITORY_KEYS = (
    "sales", "account", "customer", "business", "partner", "channel", "alliance", "territory",
    "value",
)  # fmt: skip
# The words that join regions ("Middle East and Africa").
_JOIN_RE = re.compile(r"\b(?:and|or|the)\b|&", _F)
_YEAR_RE = re.compile(r"\b20\d\d\b")
_LETTER_RE = re.compile(r"[^\W\d_]")
_BASED_RE = re.compile(r"-based\b", _F)
# Words that are a tag on their own at the bare end of a title ("… Freelance 8 20 hrs week").
_BARE_TAGS = {
    "remote", "freelance", "contract", "temp", "temporary", "part-time", "full-time", "wfh",
    "hrs", "hours", "hr", "week", "wk", "per", "hybrid", "onsite", "on-site", "southeast",
    "northeast", "southwest", "northwest", "midwest",
}  # fmt: skip
# Country codes read as a place in front of a title; others ("HR", "IT", "PR") are words.
_LEAD_COUNTRIES = {"UK", "US", "USA", "EU"}
_LEAD_RE = re.compile(
    r"^(?:work\s+from\s+home|wfh|freelance|temp|temporary|part[\s-]time|"
    r"(?:(?:fully\s+|100%\s+)?remote|hybrid|on[\s-]?site)\s*[-–:|,]|contract(?:or)?\s*:|"
    r"expression\s+of\s+interest\s*(?:\([^()]*\))?\s*:)"
    r"\s*[-–:|]?\s+",
    _F,
)
# A bracketed group in front ("[Remote] Customer Success Manager"): cut when it is a tag.
_LEAD_GROUP_RE = re.compile(r"^(\([^()]*\)|\[[^\[\]]*\])\s*[-–:|]?\s*(?=\S)")
# "Project Manager for Design & Technology Agency (eCommerce)": the employer, not the role.
_FOR_EMPLOYER_RE = re.compile(
    r"\s+for\s+(?:an?\s+|the\s+|our\s+)?[^()]*?\b(?:agency|company|startup|firm|brand|"
    r"clients?|business)\b.*$",
    _F,
)
# A bracketed work-mode tag in Chinese, Japanese or Korean, wherever it stands: remote, work
# from home, night shift and its hours ("(リモート)", "（夜班17:00-2:00）", "[遠端]", "(재택근무)",
# "(일 8시간 재택 근무)": 8 hours a day from home).
_CJK_TAG_RE = re.compile(
    r"\s*[(（\[【]\s*(?:(?:部分)?(?:リモート|遠端|远程|在宅(?:勤務)?|재택(?:\s*근무)?|원격(?:\s*근무)?|"
    r"夜班|夜勤)[\s/・、,]*|\d{1,2}:\d\d\s*[-–~〜]?\s*|일\s*\d{1,2}\s*시간\s*)+[)）\]】]"
)
# The work mode a CJK mode word in brackets states, in words `parse_remote` reads: part remote
# ("[部分遠端]") is hybrid, remote or work from home ("(リモート)", "(재택근무)") remote. It is
# read in a bracket that also holds other words and stays ("[部分遠端/輪班]": the shift).
_CJK_MODE_RE = re.compile(r"(部分)?(?:リモート|遠端|远程|在宅|재택|원격)")
_CJK_GROUP_RE = re.compile(r"[(（\[【][^()（）\[\]【】]*[)）\]】]")
_REQ_ID_RE = re.compile(r"^(?:[A-Z]*-?\d{3,}[-\w]*)\s+")
_EDGE_PUNCT = " \t-–—|:;,.!*•·/"


def _symbols_out(text: str) -> str:
    """Without emoji and other pictographs (and their variation selectors)."""
    if text.isascii():
        return text  # no ASCII character is a symbol, surrogate, private-use or mark
    return "".join(
        c for c in text if unicodedata.category(c) not in ("So", "Cs", "Co", "Mn") or c.isalnum()
    )


def _place_free(text: str) -> str:
    """`text` with its places blanked out."""
    if not may_name_a_place(text):
        return text
    return _blanked(text, find_places(text))


def _blanked(text: str, places: list[Place]) -> str:
    """`text` with `places` (found in it) blanked out."""
    for p in sorted(places, key=lambda p: -p.start):
        text = text[: p.start] + " " + text[p.end :]
    return text


def _is_region(place: Place) -> bool:
    """A place spanning several countries ("Benelux", "ANZ", "North America", "EMEA")."""
    return place.city is None and len(place.countries) != 1


@lru_cache(maxsize=8192)  # tags repeat across titles ("(Remote)", "2nd Shift", "(x/f/m)")
def _is_tag(segment: str) -> bool:
    """A trailing segment that holds only places, remote or time-zone words, contract or
    hours, percentages or pay. Sales territories ("- West", "(North Central)") are part of
    the role."""
    inner = segment.strip("()[] ")
    if not inner:
        return True
    if segment[:1] not in "([" and _YEAR_RE.search(inner) and "intake" not in inner.lower():
        return False  # ", 2027": the year the role is for; "| 2027 Intake" is a tag
    if _PAY_RE.search(inner):
        return True
    rest = _TAG_WORDS_RE.sub(" ", _BASED_RE.sub(" ", inner))
    # Blanking places out never adds a letter: a segment of tag words alone is not searched.
    return not _LETTER_RE.search(rest) or not _LETTER_RE.search(_place_free(rest))


@lru_cache(maxsize=8192)
def _is_territory(segment: str) -> bool:
    """A trailing segment that names only regions of several countries: a sales job's
    territory. A city or one country is where the job sits, and is cut like any place."""
    inner = segment.strip("()[] ")
    places = find_places(inner) if may_name_a_place(inner) else []
    return (
        bool(places)
        and all(_is_region(p) for p in places)
        and not _LETTER_RE.search(_JOIN_RE.sub(" ", _blanked(inner, places)))
    )


def _bare_tail(words: list[str], territory_job: bool = False) -> int:
    """How many words at the end of `words` are a tag or a country or region name (not a
    region, nor any word of one, for a job whose region is its territory)."""
    n = 0
    while len(words) - n > 2:
        word = words[-1 - n]
        if word.lower() in _BARE_TAGS or (n and word.isdigit() and len(word) < 3):
            n += 1
            continue
        for k in (3, 2, 1):
            first = len(words) - n - k
            if first < 2 or not words[first][:1].isupper():
                continue
            tail = " ".join(words[first : len(words) - n])
            if not may_open_with_place(tail):
                continue
            places = find_places(tail)
            if (
                len(places) == 1
                and places[0].city is None
                and places[0].start == 0
                and places[0].end == len(tail)
            ):
                if territory_job and _is_region(places[0]):
                    return n  # "North America": not its last word alone either
                n += k
                break
        else:
            return n
    return n


def _lead_tag(text: str) -> re.Match[str] | None:
    """The bracketed tag `text` opens with ("[Hybrid] …", "(Remote) …"); not a team, nor a
    brand, even one that spells a place ("[Product] …", "[쿠팡] …": Coupang, and Kupang)."""
    m = _LEAD_GROUP_RE.match(text)
    return m if m and _TAG_WORDS_RE.search(m.group(1)) and _is_tag(m.group(1)) else None


@lru_cache(maxsize=32_768)  # titles repeat across a board's jobs and across boards
def clean_title(title: str, company: str | None = None) -> str:
    """The role's name in a board's title (see the module doc); the title itself when
    cleaning would leave nothing."""
    original = title.strip()
    text = " ".join(_symbols_out(original).split())
    if not text.isascii():
        text = " ".join(_CJK_TAG_RE.sub(" ", text).split())
    if company and text.lower().startswith(company.lower() + " "):
        text = text[len(company) + 1 :]
    text = _REQ_ID_RE.sub("", text)
    while m := _LEAD_RE.match(text) or _lead_tag(text):
        text = text[m.end() :]
    if "for" in text.lower():  # every employer phrase starts with "for"
        text = _FOR_EMPLOYER_RE.sub("", text)
    territory_job = any_in(_TERRITORY_KEYS, lowered(text)) and bool(_TERRITORY_JOB_RE.search(text))
    while True:
        text = text.strip(_EDGE_PUNCT)
        m = _TAIL_RE.search(text)
        if m and m.group(4) is not None and not _is_tag(m.group(4)):
            m = _TAIL_PAIR_RE.search(text) or m  # "…, Los Angeles, CA": not "CA" alone
        segment = next((g for g in m.groups() if g is not None), "") if m else ""
        if (
            m
            and m.start() > 0
            and _is_tag(segment)
            and not (territory_job and _is_territory(segment))
        ):
            text = text[: m.start()]
            continue
        words = text.split()
        cut = _bare_tail(words, territory_job)
        if not cut:
            break
        text = " ".join(words[:-cut])
    lead = text.split(maxsplit=1)
    if len(lead) == 2 and len(lead[1].split()) >= 2 and lead[0] in _LEAD_COUNTRIES:
        text = lead[1]  # "UK Support Specialist"
    return text.strip(_EDGE_PUNCT) or original


_SEGMENT_RE = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|\s[-–—|]\s+([^-–—|()]+)")


def title_pay(title: str) -> str | None:
    """The pay a title states in a tag of its own ("($110-$190/hr)", "- $120k"), which
    `clean_title` cuts: the words to read the salary from; None when there are none."""
    for m in _SEGMENT_RE.finditer(title):
        segment = next(g for g in m.groups() if g is not None).strip()
        if re.search(r"\d", segment) and _PAY_RE.search(segment):
            return segment
    return None


@lru_cache(maxsize=8192)  # a board's jobs share their tags
def cut_tags(title: str, cleaned: str, company: str | None = None) -> str:
    """The words `clean_title` cut from `title` to leave `cleaned` (its lead-in and tags, one
    piece a line), for the work mode they state ("Data Scientist (Hybrid)"); not the company's
    name in front. A CJK mode word in brackets comes as the English word of its mode, cut or
    not ("[部分遠端]…", "[部分遠端/輪班]…")."""
    text = " ".join(_symbols_out(title).split())
    pieces = []
    if not text.isascii():
        pieces = [_cjk_mode(m.group()) for m in _CJK_GROUP_RE.finditer(text)]
        text = " ".join(_CJK_TAG_RE.sub(" ", text).split())
    at = text.find(cleaned)
    if at >= 0:
        lead = text[:at]
        if company and lead.lower().startswith(company.lower()):
            lead = lead[len(company) :]
        pieces += [lead, text[at + len(cleaned) :]]
    return "\n".join(p.strip(_EDGE_PUNCT) for p in pieces if p.strip(_EDGE_PUNCT))


def _cjk_mode(tag: str) -> str:
    m = _CJK_MODE_RE.search(tag)
    return "" if m is None else "hybrid" if m.group(1) else "remote"
