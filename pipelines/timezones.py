"""UTC offsets a posting's or a candidate's place or remote scope allows, and the working-hours
overlap of such a range with a time zone.

An offset range is `(utc_offset_min, utc_offset_max)` in hours (-5.0, 5.5): the offsets at
which the job may be done (or the person lives). Sources, best first: the source's own
structured offsets (Himalayas' `timezoneRestrictions`); for a remote job, the time-zone limits
stated in the text ("UTC-3 to UTC+3", "within 4 hours of CET", see `stated_ranges`), else the
remote scope (countries, regions, "Worldwide": -12..+14), joined with the offices it names
("SF or Remote (US)"), or the offices alone when the remote offer names no limit (where the
team sits); for any other job the named places, else stated limits. A city gives its IANA
zone (geonames, through the gazetteer); a country the span of its zones (tzdata's
`zone.tab`); a region the span in `REGION_RANGES`.
Nothing known gives no range (NULL), never a guess.

DST: offsets are *standard* time (a zone's smaller offset of mid-January and mid-July).
Widening each range by its DST shift would make every comparison of two northern places an
hour more generous than on any real day, since their clocks move together; a place that
keeps DST when the other does not (the southern hemisphere, most of Asia) is off by an hour
for part of the year, which the overlap figures ignore. Daylight abbreviations in text
("CEST", "PDT") are read as their zone's standard offset; a stated "UTC+2" stays +2.

A range that crosses the date line is stored with min > max ((12, -11): +12, +13, -11).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pipelines.folding import fold_accents
from pipelines.location import find_places, prepare
from pipelines.remote import TWO_LETTER_TIME_ZONES
from pipelines.text import lowered

Range = tuple[float, float]
WORLD: Range = (-12.0, 14.0)
WORK_START, WORK_END = 9, 17  # local working hours the overlap is counted on
WORK_HOURS = WORK_END - WORK_START
_REF_YEAR = 2026  # offsets are read from this year's tzdata rules, so results never drift

# Each DESIGN.md region's span of standard offsets, over where its people live (not every
# far-flung island): North America from Hawaii to Newfoundland, Latin America from Baja
# California to Fernando de Noronha, Western Europe from the Azores to Finland and Greece,
# Eastern Europe from Poland to the Caucasus (Siberia and Central Asia, which the region list
# also holds, are left out: "Eastern Europe" in a posting means Europe's east), the Middle East
# and Africa from Cape Verde to the Gulf, South Asia from Afghanistan to Bangladesh, East Asia
# from western Mongolia to Japan, Southeast Asia from Myanmar to eastern Indonesia, Oceania
# from Perth to New Zealand. A city or a country named with the region gives its own zone.
REGION_RANGES: dict[str, Range] = {
    "North America": (-10.0, -3.5),
    "Latin America": (-8.0, -2.0),
    "Western Europe": (-1.0, 2.0),
    "Eastern Europe": (1.0, 4.0),
    "Middle East & Africa": (-1.0, 4.0),
    "South Asia": (4.5, 6.0),
    "East Asia": (7.0, 9.0),
    "Southeast Asia": (6.5, 9.0),
    "Oceania": (8.0, 12.0),
}


@functools.cache
def zone_offset(zone: str) -> float | None:
    """Standard UTC offset of an IANA zone in hours (Asia/Kolkata: 5.5); None if unknown."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offsets = []
    for month in (1, 7):
        delta = datetime(_REF_YEAR, month, 15, 12, tzinfo=tz).utcoffset()
        offsets.append(delta.total_seconds() / 3600 if delta is not None else 0.0)
    return min(offsets)  # DST only moves clocks forward (Dublin's "negative DST" included)


@functools.cache
def _country_zones() -> dict[str, tuple[str, ...]]:
    """ISO alpha-2 code → the IANA zones tzdata's `zone.tab` lists for the country."""
    table = resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    zones: dict[str, list[str]] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            cc, _, zone = line.split("\t")[:3]
            zones.setdefault(cc, []).append(zone)
    return {cc: tuple(z) for cc, z in zones.items()}


@functools.cache
def country_range(country: str) -> Range | None:
    """The span of a country's standard offsets (US: -10..-5, IN: 5.5..5.5); None if unknown."""
    cc = "GB" if country.upper() == "UK" else country.upper()
    offsets = [o for z in _country_zones().get(cc, ()) if (o := zone_offset(z)) is not None]
    return (min(offsets), max(offsets)) if offsets else None


def _arc(r: Range) -> tuple[float, float]:
    """(start on the 24-hour circle, length) of a range."""
    lo, hi = r
    length = hi - lo if hi >= lo else hi + 24 - lo
    return lo % 24, min(length, 24.0)


def cover(ranges: Iterable[Range]) -> Range | None:
    """The smallest range holding every given range. Offsets are read on the 24-hour circle
    (+14 is -10's time of day), so [-10..-5] and [14] cover to -10..-5; a range as written is
    kept unless a shorter one across the date line holds the same times."""
    ranges = list(ranges)
    if not ranges:
        return None
    arcs = sorted(_arc(r) for r in ranges)
    if any(length >= 24 for _, length in arcs):
        return WORLD
    # The largest gap between the arcs (merged in order) is what the cover leaves out.
    merged: list[list[float]] = []
    for start, length in arcs:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], start + length)
        else:
            merged.append([start, start + length])
    gap, after = max(
        (
            merged[(i + 1) % len(merged)][0] + 24 * (i + 1 == len(merged)) - m[1],
            (i + 1) % len(merged),
        )
        for i, m in enumerate(merged)
    )
    if gap <= 0:
        return WORLD
    start, length = merged[after][0], 24 - gap
    if all(hi >= lo for lo, hi in ranges):
        lo, hi = min(r[0] for r in ranges), max(r[1] for r in ranges)
        if hi - lo <= length + 1e-9:
            return (lo, hi)  # as written: no shorter range across the date line
    return _written(start, length)


def _written(start: float, length: float) -> Range:
    """An arc as a range: within -12..+14 when it fits, else across the date line (min > max)."""
    if length >= 24:
        return WORLD
    start %= 24
    for lo in (start, start - 24):
        if lo >= -12 and lo + length <= 14:
            return (lo, lo + length)
    return (start, start + length - 24)


def overlap_hours(r: Range | None, offset: float) -> float | None:
    """Most working hours (09:00-17:00 local) that someone at an offset in `r` shares with
    someone at `offset`: 8 minus the hours between `offset` and the nearest offset of `r`,
    measured around the clock (Los Angeles -8 and Tokyo +9 are 7 hours apart, not 17)."""
    if r is None:
        return None
    start, length = _arc(r)
    ahead = (offset - start) % 24
    distance = 0.0 if ahead <= length else min(ahead - length, 24 - ahead)
    return max(0.0, WORK_HOURS - distance)


@dataclass(frozen=True)
class Overlap:
    """A `--overlap ZONE:HOURS` filter: keep what shares `hours` working hours with `zone`."""

    zone: str
    hours: float
    offset: float  # the zone's standard offset

    def shared(self, ranges: Iterable[Sequence[float | None]] | None) -> float | None:
        """Most working hours any of `ranges` shares with the zone; None when none is known."""
        hours = [
            overlap_hours((r[0], r[1]), self.offset)
            for r in ranges or ()
            if r is not None and r[0] is not None and r[1] is not None
        ]
        return max(hours, default=None)

    def keeps(self, shared: float | None) -> bool:
        """Whether `shared` working hours (see `shared`) are enough."""
        return shared is not None and shared >= self.hours - 1e-9


def parse_overlap(spec: str) -> Overlap:
    """'Europe/Warsaw:4' → Overlap; ValueError saying what is wrong and what to write."""
    zone, sep, hours = (spec or "").strip().rpartition(":")
    if not sep or not zone:
        raise ValueError(f"{spec!r}: write ZONE:HOURS, e.g. Europe/Warsaw:4")
    offset = zone_offset(zone) if "/" in zone or zone == "UTC" else None
    if offset is None:
        raise ValueError(
            f"{zone!r} is not an IANA time zone: use a name such as Europe/Warsaw, "
            "America/New_York or Asia/Kolkata"
        )
    try:
        wanted = float(hours)
    except ValueError:
        raise ValueError(f"{hours!r} is not a number of hours, e.g. Europe/Warsaw:4") from None
    if not 0 < wanted <= WORK_HOURS:
        raise ValueError(
            f"hours must be more than 0 and at most {WORK_HOURS} "
            f"(the working day is {WORK_START:02d}:00-{WORK_END:02d}:00), got {hours}"
        )
    return Overlap(zone, wanted, offset)


# --------------------------------------------------------------------------- stated limits

# Abbreviations → the standard offset of their zone ("CEST" is CET's summer name: +1). Read
# in capitals only. The two-letter ones and BST (also a binary search tree) count only with
# a time-zone word beside them, even in a location field.
ABBREVIATIONS: dict[str, float] = {
    "EST": -5, "EDT": -5, "ET": -5, "CST": -6, "CDT": -6, "CT": -6, "MST": -7, "MDT": -7,
    "MT": -7, "PST": -8, "PDT": -8, "PT": -8, "AKST": -9, "HST": -10, "UTC": 0, "GMT": 0,
    "WET": 0, "WEST": 0, "BST": 0, "CET": 1, "CEST": 1, "MEZ": 1, "MESZ": 1, "EET": 2,
    "EEST": 2, "MSK": 3, "IST": 5.5, "SGT": 8, "HKT": 8, "AWST": 8, "JST": 9, "KST": 9,
    "ACST": 9.5, "AEST": 10, "AEDT": 10, "NZST": 12, "NZDT": 12, "BRT": -3,
}  # fmt: skip
_WEAK = frozenset(("ET", "CT", "MT", "PT", "BST"))
# "Eastern Time", "Central European Time", "hora del Pacífico"...
_NAMED_ZONES: dict[str, float] = {
    "eastern": -5, "central": -6, "mountain": -7, "pacific": -8, "atlantic": -4,
    "central european": 1, "eastern european": 2, "western european": 0, "british": 0,
    "india": 5.5, "indian": 5.5, "japan": 9, "singapore": 8, "brasilia": -3,
    "australian eastern": 10,
}  # fmt: skip
# Places whose "time zones" a text asks for ("US time zones", "europäische Zeitzonen",
# "zona horaria de Europa") → their region or country; remote.py's scope labels too.
_EUROPE = ("Western Europe", "Eastern Europe")
_AMERICAS = ("North America", "Latin America")
_ASIA = ("East Asia", "Southeast Asia", "South Asia")
_ZONE_AREAS: dict[str, tuple[str, ...]] = {
    "us": ("US",), "usa": ("US",), "u.s.": ("US",), "american": ("US",), "ee.uu.": ("US",),
    "eeuu": ("US",), "ee.uu": ("US",), "estados unidos": ("US",), "amerikanischen": ("US",),
    "amerikanische": ("US",), "north america": ("North America",),
    "north american": ("North America",), "america": _AMERICAS, "americas": _AMERICAS,
    "eu": _EUROPE, "europe": _EUROPE, "european": _EUROPE, "europa": _EUROPE,
    "europaische": _EUROPE, "europaischen": _EUROPE, "europeia": _EUROPE, "europeu": _EUROPE,
    "europeo": _EUROPE, "mitteleuropaische": ("CET",), "mitteleuropaischen": ("CET",),
    "emea": (*_EUROPE, "Middle East & Africa"), "latam": ("Latin America",),
    "latin america": ("Latin America",), "latin american": ("Latin America",),
    "latinoamerica": ("Latin America",), "america latina": ("Latin America",),
    "apac": (*_ASIA, "Oceania"), "asia": _ASIA, "asian": _ASIA,
}  # fmt: skip
_SCOPE_LABELS = {
    "US time zones": "us", "Americas time zones": "americas", "Europe time zones": "europe",
    "APAC time zones": "apac", "LatAm time zones": "latam",
}  # fmt: skip

_F = re.IGNORECASE
_AREA_WORDS = (
    r"U\.?S\.?A?\.?|North\s+American?|Americas?|EU|Europe(?:an)?|EMEA|LATAM|Latin\s+American?|"
    r"APAC|Asian?"
)
_ZONE_RE = re.compile(
    # Every alternative starts a word with a letter: tested once, not by each in turn (the
    # pattern is tried at every character of a run).
    r"\b(?=[^\W\d_])(?:"
    # UTC+5:30, GMT-3, UTC ± 2, GMT+/-2
    r"\b(?:UTC|GMT)\s?(?:(?P<pm>±|\+/-|\+-)|(?P<sign>[+\-−]))\s?(?P<h>\d{1,2})(?::(?P<m>[0-5]\d)|\.(?P<half>5))?(?!\d)|"
    r"(?-i:\b(?P<abbr>" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\b)|"
    r"\b(?P<named>Eastern|Central|Mountain|Pacific|Atlantic|Central\s+European|Eastern\s+European|"
    r"Western\s+European|British|India|Indian|Japan|Singapore|Bras[ií]lia|Australian\s+Eastern)"
    r"\s+(?:Standard\s+|Daylight\s+|Summer\s+)?Time\b|"
    # "US East business hours", "East Coast hours", "Pacific working hours"
    r"\b(?:U\.?S\.?A?\.?\s+)?(?P<coast>East(?:ern)?|West|Pacific|Central)(?:\s+Coast)?\s+"
    r"(?:business\s+|working\s+|work\s+)?hours\b|"
    rf"\b(?P<area>{_AREA_WORDS})[\s-]?(?:time[\s-]?zones?|timezones?|tz|business\s+hours|working\s+hours)\b|"
    # German, Spanish, Portuguese: "europäische Zeitzonen", "zona horaria de Europa"
    r"\b(?P<de>(?:mittel)?europ[aä]ischen?|amerikanischen?|US)[\s-]?Zeitzonen?\b|"
    r"\b(?:zonas?|husos?|fusos?)\s+hor[aá]ri[oa]s?\s+(?:d[eao]s?\s+|del\s+)?(?:los\s+|la\s+)?"
    r"(?P<es>EE\.?\s?UU\.?|Estados\s+Unidos|Europa|Am[eé]rica\s+Latina|Latinoam[eé]rica|LATAM|"
    r"Am[eé]ricas?)|"
    # "London time zone", "Berlin time": a city's zone (looked up in the gazetteer)
    r"(?-i:\b(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s+(?:time[\s-]?zone|timezone|time)\b)",
    _F,
)
# Characters that no _ZONE_RE match reads (nor a word character or a digit, which its `\b`
# and `(?!\d)` look at): each match lies inside one run of the other characters.
_ZONE_RUN_ENDS = ',;()!?"|*'
_ZONE_RUN_RE = re.compile(f"[^{re.escape(_ZONE_RUN_ENDS)}]+")
# One of these is in every match's run: lowered, a word it reads in any case; as written, an
# abbreviation ("CET").
_ZONE_KEYS = ("utc", "gmt", "time", "hour", "tz", "zeitzone", "hor")
_ABBREVIATION_RE = re.compile("|".join(sorted(ABBREVIATIONS, key=len, reverse=True)))
_COAST = {"east": -5, "eastern": -5, "west": -8, "pacific": -8, "central": -6}
_UNIT = r"(?:h|hrs?|hours?|horas?|Stunden|Std\.?)"
# "UTC-3 to UTC+3", "EST/PST", "zwischen MEZ und EET", "entre UTC-5 y UTC-3"
_JOIN_RE = re.compile(
    r"\s*(?:to|through|thru|till|until|and|-|–|—|/|~|a|al|hasta|bis|und|y|e|até|à)\s*", _F
)
_BARE_END_RE = re.compile(  # "UTC-3 to +3"
    r"\s*(?:to|through|-|–|—|a|hasta|bis|und|y|e|até)\s*(?P<sign>[+\-−])(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?(?!\d)",
    _F,
)
_PLUS_MINUS_RE = re.compile(
    rf"\s?(?:±|\+/-|\+-|plus\s+or\s+minus)\s?(?P<n>\d{{1,2}})\s?{_UNIT}?", _F
)
_WITHIN_RE = re.compile(
    rf"(?:within|up\s+to|no\s+more\s+than|max(?:imum)?\.?|±|\+/-|dentro\s+de|hasta|innerhalb\s+von|"
    rf"bis\s+zu|at\s+most)\s+(?:of\s+)?(?P<n>\d{{1,2}})\s?{_UNIT}\s+(?:of|from|de|del|von|zu|zur|"
    rf"con|to|difference\s+(?:from|with|to))\s+(?:the\s+|la\s+)?$",
    _F,
)
_OVERLAP_RE = re.compile(
    rf"(?P<n>\d)(?:\s?[-–]\s?\d(?:\.5)?)?\s?\+?\s?{_UNIT}\s+(?:of\s+)?(?:overlap\w*|solapamiento|superposici[oó]n|"
    rf"[uü]berschneidung)\s+(?:with|con|mit)\s+(?:the\s+|la\s+)?$|"
    rf"overlap\w*\s+(?:of\s+)?(?:at\s+least\s+|min(?:imum)?\.?\s+)?(?P<n2>\d)\s?\+?\s?{_UNIT}\s+"
    rf"(?:with|to)\s+(?:the\s+)?$",
    _F,
)
_CONTEXT_AFTER_RE = re.compile(
    r"[\s,()/:-]{0,3}(?:\w+\s){0,2}?(?:time[\s-]?zones?|timezones?|tz\b|(?:business\s+|working\s+|"
    r"work\s+|office\s+|core\s+)?hours|overlap|zona\s+horaria|horario|Zeitzone|Arbeitszeit|fuso)",
    _F,
)
_CONTEXT_BEFORE_RE = re.compile(
    r"(?:time[\s-]?zones?|timezones?|\btz|zona\s+horaria|huso\s+horario|Zeitzone|fuso\s+hor[aá]rio|"
    r"overlap(?:ping)?\s+with|aligned\s+(?:with|to)|within|during|hours\s+(?:in|of))\s*[:(]?\s*"
    r"(?:the\s+)?$",
    _F,
)


@dataclass(frozen=True)
class _Zone:
    start: int
    end: int
    range: Range
    weak: bool  # a bare abbreviation that needs a time-zone word beside it
    explicit: bool  # says "time zone" itself ("US time zones") or is a ± range


def _area_range(words: str) -> Range | None:
    key = re.sub(r"\s+", " ", fold_accents(words)).strip()
    areas = _ZONE_AREAS.get(key) or _ZONE_AREAS.get(key.rstrip("s"))
    if not areas:
        return None
    out = []
    for a in areas:
        r = REGION_RANGES.get(a) or (country_range(a) if len(a) == 2 else None)
        if r is None and a in ABBREVIATIONS:
            r = (ABBREVIATIONS[a], ABBREVIATIONS[a])
        if r is not None:
            out.append(r)
    return cover(out)


def _offset(sign: str, hours: str, minutes: str | None = None, half: str | None = None) -> float:
    value = int(hours) + (int(minutes) / 60 if minutes else 0.0) + (0.5 if half else 0.0)
    return -value if sign in "-−" else value


def _zone(m: re.Match) -> _Zone | None:
    g = m.groupdict()
    if g["h"] is not None:
        value = _offset(g["sign"] or "+", g["h"], g["m"], g["half"])
        if abs(value) > 14:
            return None
        r = (-value, value) if g["pm"] else (value, value)
        return _Zone(m.start(), m.end(), (min(r), max(r)), False, bool(g["pm"]))
    if g["abbr"]:
        o = ABBREVIATIONS[g["abbr"]]
        return _Zone(
            m.start(), m.end(), (o, o), g["abbr"] in _WEAK or g["abbr"] in ("UTC", "GMT"), False
        )
    if g["named"]:
        o = _NAMED_ZONES[re.sub(r"\s+", " ", fold_accents(g["named"]))]
        return _Zone(m.start(), m.end(), (o, o), False, True)
    if g["coast"]:
        o = _COAST[g["coast"].lower()]
        return _Zone(m.start(), m.end(), (o, o), False, True)
    if g["city"]:
        zones = place_ranges(g["city"], cities_only=True)
        r = zones[0] if len(zones) == 1 else None
        return _Zone(m.start(), m.end(), r, False, True) if r else None
    area = g["area"] or g["de"] or g["es"]
    r = _area_range(area)
    return _Zone(m.start(), m.end(), r, False, True) if r else None


def _widen(r: Range, hours: float) -> Range:
    lo, hi = r[0] - hours, r[1] + hours
    return (lo, hi) if lo >= -12 and hi <= 14 else _written(lo, hi - lo)


def stated_ranges(text: str, header: bool = False) -> list[Range]:
    """Time-zone limits a text states: "UTC-3 to UTC+3", "EST/PST overlap", "GMT±2", "within
    4 hours of CET", "4 hours of overlap with PST" (8 - 4 hours either side), "US time zones",
    "zona horaria de Europa". A bare zone ("CET", "UTC+1") counts in a location field
    (`header`), and in prose only with a time-zone word beside it ("CET hours", "timezone:
    EST"): a description naming a zone in passing states no limit."""
    return list(_stated_ranges(text, header))


# Bounded: a comment with several roles hands each of them the same description.
@functools.lru_cache(maxsize=1024)
def _stated_ranges(text: str, header: bool) -> tuple[Range, ...]:
    if not text:
        return ()
    zones = [z for m in _zone_matches(text) if (z := _zone(m))]
    out: list[Range] = []
    i = 0
    while i < len(zones):
        z = zones[i]
        nxt = zones[i + 1] if i + 1 < len(zones) else None
        if nxt is not None and _JOIN_RE.fullmatch(text, z.end, nxt.start):
            out.append(cover([z.range, nxt.range]) or z.range)
            i += 2
            continue
        i += 1
        if (bare := _BARE_END_RE.match(text, z.end)) and z.range[0] == z.range[1]:
            end = _offset(bare["sign"], bare["h"], bare["m"])
            out.append((min(z.range[0], end), max(z.range[1], end)))
        elif pm := _PLUS_MINUS_RE.match(text, z.end):
            out.append(_widen(z.range, int(pm["n"])))
        elif within := _WITHIN_RE.search(text, max(0, z.start - 60), z.start):
            out.append(_widen(z.range, int(within["n"])))
        elif (shared := _OVERLAP_RE.search(text, max(0, z.start - 60), z.start)) and int(
            shared["n"] or shared["n2"]
        ) <= WORK_HOURS:
            out.append(_widen(z.range, WORK_HOURS - int(shared["n"] or shared["n2"])))
        elif z.explicit or (header and not z.weak) or _in_context(text, z):
            out.append(z.range)
    return tuple(out)


def _zone_matches(text: str) -> list[re.Match[str]]:
    """The matches of `_ZONE_RE.finditer(text)`, searched only in the runs that may hold one
    (a description names a zone in a sentence or two, if at all): the runs of the cues."""
    matches: list[re.Match[str]] = []
    end = 0  # where the last run searched ends: at one of _ZONE_RUN_ENDS, or the text's start
    for at in sorted(_zone_cues(text)):
        if at >= end:  # the run that holds `at` starts after the last of its ends before it
            start = max(text.rfind(c, end, at) for c in _ZONE_RUN_ENDS) + 1
            end = _ZONE_RUN_RE.match(text, start).end()
            matches.extend(_ZONE_RE.finditer(text, start, end))
    return matches


def _zone_cues(text: str) -> Iterator[int]:
    """Where `text` holds a key (found in its `lowered` form, which keeps every character
    where it is) or an abbreviation: each lies inside one run, and every match's run holds
    one."""
    low = lowered(text)
    for key in _ZONE_KEYS:
        at = low.find(key)
        while at >= 0:
            yield at
            at = low.find(key, at + 1)
    for m in _ABBREVIATION_RE.finditer(text):
        yield m.start()


def _in_context(text: str, z: _Zone) -> bool:
    return bool(
        _CONTEXT_AFTER_RE.match(text, z.end)
        or _CONTEXT_BEFORE_RE.search(text, max(0, z.start - 40), z.start)
    )


def label_range(label: str) -> Range | None:
    """The range of a time-zone label of a remote scope ("US time zones", "CET", "UTC-5",
    "UTC±2", "PT")."""
    if label in _SCOPE_LABELS:
        return _area_range(_SCOPE_LABELS[label])
    if label in ABBREVIATIONS:
        return (ABBREVIATIONS[label], ABBREVIATIONS[label])
    m = _ZONE_RE.fullmatch(label)
    z = _zone(m) if m else None
    return z.range if z else None


def _scope_range(item: str) -> Range | None:
    """A remote-scope item (pipelines/remote.py): country code, region, time zone label."""
    if item == "Worldwide":
        return WORLD
    if item in REGION_RANGES:
        return REGION_RANGES[item]
    if len(item) == 2 and item.isupper() and item not in TWO_LETTER_TIME_ZONES:
        return country_range(item)
    return label_range(item)


def _is_time_zone(item: str) -> bool:
    return (
        item not in REGION_RANGES
        and item != "Worldwide"
        and not (len(item) == 2 and item.isupper() and item not in TWO_LETTER_TIME_ZONES)
    )


def place_ranges(
    text: str | None, countries: Sequence[str] = (), cities_only: bool = False
) -> list[Range]:
    """The offsets of each place a location string names: a city's zone, a country's span, a
    region's span (not with `cities_only`: offices only); `countries` (the source's own
    fields) when the text names none."""
    return list(_place_ranges(text, tuple(countries), cities_only))


@functools.lru_cache(maxsize=16_384)  # location strings repeat over a board's jobs
def _place_ranges(
    text: str | None, countries: tuple[str, ...], cities_only: bool
) -> tuple[Range, ...]:
    out: list[Range] = []
    for p in find_places(prepare(text), field=True) if text else ():
        offset = zone_offset(p.zone) if p.zone else None
        if offset is not None:
            out.append((offset, offset))
            continue
        if cities_only:
            continue
        out.extend(r for c in p.countries if (r := country_range(c)))
        out.extend(REGION_RANGES[g] for g in p.regions if g in REGION_RANGES)
    if not out:
        out.extend(r for c in countries if (r := country_range(c)))
    return tuple(out)


def structured_range(offsets: Sequence[float]) -> Range | None:
    """The span of offsets a source lists in its own fields ([-10, ..., -5, 14] → -10..-5)."""
    return cover((float(o), float(o)) for o in offsets)


@functools.lru_cache(maxsize=16_384)  # a location's ranges repeat over a board's jobs
def _place_cover(ranges: tuple[Range, ...]) -> Range | None:
    return cover(ranges)


def posting_offsets(
    *,
    remote: str,
    scope: Sequence[str],
    header: str,
    description: str,
    location_text: str | None,
    countries: Sequence[str] = (),
    structured: Sequence[float] = (),
) -> Range | None:
    """The offset range of one posting (see the module doc for the order of the sources)."""
    if structured:
        return structured_range(structured)
    places = _place_ranges(location_text, tuple(countries), False)
    if remote != "remote" and places:
        return _place_cover(places)
    stated = stated_ranges(header, header=True) + stated_ranges(description)
    stated += [r for s in scope if _is_time_zone(s) and (r := label_range(s))]
    if remote != "remote":
        return cover(stated)
    if not stated:
        stated = [r for s in scope if not _is_time_zone(s) and (r := _scope_range(s))]
    if not stated:
        return _place_cover(places)  # remote, no limit named: where the team sits
    # "SF, Athens, or US remote": the offices are open to applicants too.
    return cover(stated + place_ranges(location_text, cities_only=True))


def candidate_offsets(location_text: str | None, country: str | None) -> Range | None:
    """Where a person lives, as an offset range: a time zone they state in their location
    ("Remote, UTC+2", "Berlin (CET)"), else their place's zone or country."""
    stated = stated_ranges(location_text or "", header=True)
    if stated:
        return cover(stated)
    return cover(place_ranges(location_text, [country] if country else []))


def offset_columns(r: Range | None) -> dict[str, float | None]:
    """The warehouse columns of a range."""
    return {"utc_offset_min": r[0] if r else None, "utc_offset_max": r[1] if r else None}


def offset_range(row: Mapping[str, Any]) -> Range | None:
    """The range of a row with the warehouse columns (None when it has none)."""
    lo, hi = row.get("utc_offset_min"), row.get("utc_offset_max")
    return None if lo is None or hi is None else (lo, hi)
