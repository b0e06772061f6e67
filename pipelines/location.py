"""Countries, regions and cities named in a free-text location string.

The names come from the offline gazetteer (`pipelines.gazetteer`); a country's region from
`pipelines.regions`.

Accuracy rule: a wrong country is worse than none. So a bare city name counts only when it is
big (>= 100,000 people, or >= 20,000 for a multi-word name, or a known tech hub), written with a
capital letter, and not a common word (in a location field, a smaller town whose name no other
country shares counts too); a name shared by several cities goes to the most populous unless a
state or country follows it ("Portland, ME", "London, ON") or the text names the other one's
country ("Cambridge / Boston"); two-letter codes count only in capitals, and the ones that are
also words or US states ("IN", "CA") only right after a name. After a town the gazetteer lacks,
the qualifier tells the country ("Starbase, TX"), a state before a country code; a country
named last in "City, Region, Country" settles it.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from dataclasses import dataclass
from typing import NamedTuple

from pipelines import gazetteer
from pipelines.gazetteer import TOKEN_SYNONYMS, WORD_RE, City, Entry, fold_name
from pipelines.model import Location
from pipelines.regions import REGIONS, codes, region_of
from pipelines.text import any_in, lowered

__all__ = [
    "REGIONS",
    "Place",
    "clear_caches",
    "find_places",
    "may_name_a_place",
    "may_open_with_place",
    "parse_location",
    "prepare",
    "region_of",
    "split_places",
]

# Country codes that may stand alone ("Remote (DE)"): not English words, not US states, not
# tech or job abbreviations (AI, ML, QA, CI, CD, PT, SR, VC, PE, HR...). Others count only
# after a city.
_STANDALONE_CODES = codes(
    "DE FR NL ES PL SE DK FI IE CH CZ RO UA BR MX JP SG NZ AU GR HU BG RS LT LV EE SK "
    "SI LU NG KE ZA AE TR CN HK TW KR VN TH PH PK BD LK CL UY CR"
)

# Alpha-3 codes that are time zones beside a country: "Remote (US, EST hours)" is no Estonia.
_TIME_ZONE_CODES = frozenset(("EST",))
_ASCII_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")  # WORD_RE on ASCII text
# The same words in a group: a split by one of these gives gaps and words in turn.
_ASCII_WORD_SPLIT_RE = re.compile(f"({_ASCII_WORD_RE.pattern})")
_WORD_SPLIT_RE = re.compile(f"({WORD_RE.pattern})")
# Scripts written without spaces between words (Chinese, Japanese, Thai; Korean glues
# suffixes on): a run of them is split into the longest names the gazetteer knows.
_UNSPACED_RE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_MAX_UNSPACED = 12
_HYPHEN_WORD_RE = re.compile(r"-([^\W\d_])")
_STREET_RE = re.compile(
    r"\s+(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Dr|Drive|Pike|Way|Ln|Lane|Pkwy|"
    r"Parkway|Hwy|Highway|Ct|Court|Pl|Sq|Square)\b"
)
_JOIN_SEP_RE = re.compile(r"[ \t.\-]{1,3}")
_ADJACENT_SEP_RE = re.compile(r"\s*[,(\-–]?\s*,?\s*")
# Linear on hostile text ("a.a.a.…a"): a run is tried only from its first letter, and its
# letters are never given back (a shorter run would end before a letter too).
# A letter then a dot is checked first, so the other positions fail at once.
_ACRONYM_RE = re.compile(r"(?=[A-Za-z]\.)\b(?<![A-Za-z]\.)(?:[A-Za-z]\.){2,}+(?![A-Za-z])")
_MAX_WORDS = 5
_MAX_GLUED = 40  # longest slug word tried as two names glued ("francisconew")
# Places with their own country code inside a country: "Hong Kong, China" is HK.
_PARTS = {"CN": (("HK", None), ("MO", None))}
_LIST_MIN_POP = 500_000
_QUALIFIER_KINDS = frozenset(("country", "weak", "code", "code3", "subdiv"))
# A place right after these is excluded, not named: "Remote (non-US)", "outside the EU",
# "no US".
_NEGATED_RE = re.compile(
    r"(?:\bnon[\s-]?|\boutside\s+(?:of\s+)?(?:the\s+)?|\bexcept\s+(?:for\s+)?(?:the\s+)?|"
    r"\bexcluding\s+(?:the\s+)?|\bno\s+|\bnot\s+(?:in\s+)?(?:the\s+)?)\W?$",
    re.IGNORECASE,
)
# Words of which every _NEGATED_RE match holds one (for `any_in` on `lowered` text).
_NEGATION_KEYS = ("no", "outside", "except", "excluding")
_PLACE_SPLIT_RE = re.compile(r"[()]|\s*[;|/\n]\s*|\s+(?:or|and|&|\+)\s+", re.IGNORECASE)
_NAME_CUT_RE = re.compile(r"[,;|/()\n+&]|\s(?:-|–|or|and)\s", re.IGNORECASE)
_NAME_BEFORE_RE = re.compile(r"\b([A-Z][\w.'’]*)\s*,\s*$")
_POLICY_WORD_RE = re.compile(
    r"remote|hybrid|on-?site|office|onsite|anywhere|home|field|based|only", re.IGNORECASE
)
_TOWN_WORDS_BEFORE_RE = re.compile(r"\b(?:[A-Z][a-z'’]+ ){1,2}$")
_TOWN_WORD_RE = re.compile(r"[A-Z][a-z'’]+")  # one word of _TOWN_WORDS_BEFORE_RE
_POLICY_BEFORE_RE = re.compile(r"\b(?:remote|hybrid|on-?site)\s*[-–]\s*$", re.IGNORECASE)
_PART_END_RE = re.compile(r"\s*(?:[;|/\n]|$)")
_BARE_MIN_POP = 100_000
# Countries whose name is also a person's name or a word ("weak" in the gazetteer) but, alone
# in a location field, names the country ("Jordan", "Remote - Chad"). Not Georgia (a US
# state), Jersey ("New Jersey"), Man, Island.
_WEAK_ALONE = frozenset(("JO", "TD", "NE", "ML", "TG", "DM", "GN", "GG"))
_PART_STARTS, _PART_ENDS = ";|/\n(", ";|/\n)"
# "Town, ST" alone in a part of a location field, in any case: "Tolleson, Az", "hartford, CT".
_TOWN_CODE_RE = re.compile(
    r"(?:^|(?<=[;|/\n(]))(\s*)([A-Za-z][A-Za-z .'’-]*?),(\s*)([A-Za-z]{2})(?=\s*(?:[;|/\n)]|$))"
)
_BARE_MIN_POP_MULTIWORD = 20_000


@dataclass(frozen=True)
class Place:
    """One place named in a text: where it is, and what it resolved to."""

    start: int
    end: int
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()  # regions named explicitly (not derived from countries)
    city: str | None = None
    zone: str | None = None  # the city's IANA time zone (geonames), when known


@dataclass
class _Hit:
    start: int
    end: int
    tok_start: int
    tok_end: int
    key: str
    surface: str
    entries: tuple[Entry, ...]
    by_kind: dict[str, tuple[Entry, ...]]  # the entries of each kind (shared: do not change)
    cities: tuple[City, ...]  # the cities of the city entries

    def of(self, kind: str) -> tuple[Entry, ...]:
        return self.by_kind.get(kind, ())


def prepare(text: str) -> str:
    """Text as the scanner reads it: dotted acronyms closed up ("U.S.A." -> "USA")."""
    if not text or "." not in text:  # no dot, no acronym: spares the pattern's pass
        return text or ""
    return _ACRONYM_RE.sub(lambda m: m.group().replace(".", ""), text)


@functools.lru_cache(maxsize=65_536)
def _token_key(word: str) -> str:
    folded = fold_name(word)
    return TOKEN_SYNONYMS.get(folded, folded)


def _tokens(text: str) -> tuple[list[int], list[str]]:
    """The words of `text` as their edges (word k spans edges[2k] to edges[2k + 1]) and their
    gazetteer keys; a run of an unspaced script that is not itself a name is cut into the
    longest names it holds ("東京都港区" -> 東京都, 港区)."""
    if text.isascii():  # the usual case: no unspaced script, and ASCII letters only
        # Lower case is the fold of ASCII, and keeps every word where it is.
        return _split_tokens(_ASCII_WORD_SPLIT_RE, text.lower())
    if not _UNSPACED_RE.search(text):  # accents, dashes, quotes: no word to cut
        return _split_tokens(_WORD_SPLIT_RE, text)
    names = gazetteer.load().names
    edges, keys = [], []
    for m in WORD_RE.finditer(text):
        word, key = m.group(), _token_key(m.group())
        if word.isascii() or key in names or not _UNSPACED_RE.search(word):
            edges.extend(m.span())
            keys.append(key)
            continue
        i = 0
        while i < len(word):
            for j in range(min(len(word), i + _MAX_UNSPACED), i, -1):
                sub = _token_key(word[i:j])
                if sub in names:
                    edges.extend((m.start() + i, m.start() + j))
                    keys.append(sub)
                    i = j
                    break
            else:
                i += 1
    return edges, keys


def _split_tokens(words: re.Pattern[str], text: str) -> tuple[list[int], list[str]]:
    """`_tokens` of a text with no word to cut, `words` a pattern of its words in a group: one
    split gives the words' keys and, from the lengths of the words and of the gaps, their
    edges."""
    parts = words.split(text)
    return list(itertools.accumulate(map(len, parts))), list(map(_token_key, parts[1::2]))


@functools.lru_cache(maxsize=65_536)
def _kinds(key: str) -> frozenset[str]:
    """The kinds of a name's gazetteer entries ("upper" too when one is written only in
    capitals; none when it is no name): the scanner looks at how a name is written only when
    some of its entries depend on it."""
    entries = gazetteer.entries(key)
    return frozenset(
        {e.kind for e in entries} | ({"upper"} if any(e.upper for e in entries) else set())
    )


class _Reading(NamedTuple):
    entries: tuple[Entry, ...]
    by_kind: dict[str, tuple[Entry, ...]]
    cities: tuple[City, ...]


@functools.lru_cache(maxsize=65_536)
def _reading(key: str, legible: bool, city: bool, in_word: bool, main: bool) -> _Reading:
    """The entries of a name that fit how it is written: those only in capitals when
    `legible` (in capitals, or in a text without any), cities when `city` (capitalized, not a
    street), no state or province `in_word`, and only main names when `main` (see
    `_main_names`)."""
    entries = tuple(
        e
        for e in gazetteer.entries(key)
        if (not e.upper or legible)
        and (e.kind != "city" or city)
        and not (in_word and e.kind == "subdiv")
    )
    if main:
        entries = _main_names(entries)
    by_kind: dict[str, tuple[Entry, ...]] = {}
    for e in entries:
        by_kind[e.kind] = (*by_kind.get(e.kind, ()), e)
    cities = tuple(c for e in by_kind.get("city", ()) for c in e.data)
    return _Reading(entries, by_kind, cities)


def _city_written(text: str, surface: str, end: int, all_lower: bool) -> bool:
    """Whether a name that ends at `end` is written as a city: capitalized (scripts without
    case count), and not a street's name ("York Rd", "Bristol St")."""
    capital = all_lower or not surface[0].islower()
    return capital and not (text[end : end + 1].isspace() and _STREET_RE.match(text, end))


def _in_word(text: str, end: int, upper: bool) -> bool:
    """Whether a name that ends at `end` is part of a hyphenated word: "ON-SITE",
    "Maine-et-Loire" (not a province or state)."""
    on = text.startswith("-", end) and _HYPHEN_WORD_RE.match(text, end)
    return bool(on) and (upper or on.group(1).islower())


def _scan(text: str) -> list[_Hit]:
    name_words = gazetteer.load().name_words
    edges, keys = _tokens(text)
    # Only a token that starts some name can start a hit (about one in four in prose); a hit
    # consumes its tokens, so the next start is looked for after them.
    starts = [i for i, key in enumerate(keys) if key in name_words]
    if not starts:
        return []
    # ASCII: no A-Z is no upper-case letter, without a Python test per character.
    all_lower = text == text.lower() if text.isascii() else not any(c.isupper() for c in text)
    hits: list[_Hit] = []
    consumed = 0
    for i in starts:
        if i < consumed:
            continue
        # A name of n words needs tokens i to i + n - 1 joined (only spaces, dots or dashes
        # between each two): the longest is the run of joins from i, up to what starts here.
        longest = 1
        most = min(_MAX_WORDS, len(keys) - i, name_words[keys[i]])
        while longest < most and _JOIN_SEP_RE.fullmatch(
            text, edges[2 * (i + longest) - 1], edges[2 * (i + longest)]
        ):
            longest += 1
        for n in range(longest, 0, -1):
            key = " ".join(keys[i : i + n])
            kinds = _kinds(key)
            if not kinds:
                continue
            start, end = edges[2 * i], edges[2 * (i + n) - 1]
            surface = text[start:end]
            upper = surface.isupper()
            reading = _reading(
                key,
                all_lower or upper or "upper" not in kinds,
                "city" not in kinds or _city_written(text, surface, end, all_lower),
                "subdiv" in kinds and _in_word(text, end, upper),
                upper and not all_lower,
            )
            if reading.entries:
                hits.append(_Hit(start, end, i, i + n, key, surface, *reading))
                consumed = i + n
                break
    return hits


@functools.lru_cache(maxsize=16_384)  # called with a title's last words, which repeat
def may_open_with_place(text: str) -> bool:
    """False when no place found in `text` can start at its first character: a place starts
    where a hit does (_scan starts hits only at tokens that start a gazetteer name) or up to
    two capitalised words before it (_town_start: "Harbor Springs, MI"). A cheap test before
    find_places on a text that matters only for a place at its start."""
    if not text.isascii():
        return True  # unspaced scripts are cut into names by _tokens
    name_words = gazetteer.load().name_words
    for m in itertools.islice(_ASCII_WORD_RE.finditer(text), 3):
        word = m.group()
        if _token_key(word) in name_words:
            return True
        if not _TOWN_WORD_RE.fullmatch(word) or text[m.end() : m.end() + 1] != " ":
            return False
    return False


def may_name_a_place(text: str) -> bool:
    """False when find_places can find nothing in `text`: none of its words starts a
    gazetteer name (_scan starts hits only at such words). Cheaper than the scan."""
    if not text.isascii():
        return True  # unspaced scripts are cut into names by _tokens
    name_words = gazetteer.load().name_words
    return any(map(name_words.__contains__, map(_token_key, _ASCII_WORD_RE.findall(text))))


def _main_names(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The entries a word in capitals may be: a city only under its own name or a hand-kept
    alias. "ROLI", "ACME" are names and codes, not geonames' other spellings of Raleigh."""
    out = []
    for e in entries:
        if e.kind == "city" and not e.alias:
            e = e._replace(data=tuple(c for c in e.data if c.score >= c.pop))
            if not e.data:
                continue
        out.append(e)
    return tuple(out)


def _adjacent(text: str, a: _Hit, b: _Hit) -> bool:
    return b.tok_start == a.tok_end and bool(_ADJACENT_SEP_RE.fullmatch(text[a.end : b.start]))


def _constraints(hit: _Hit) -> list[tuple[str, str | None]]:
    """(country, admin1 or None) pairs a qualifier after a city name allows."""
    out: list[tuple[str, str | None]] = []
    for e in hit.entries:
        if e.kind in ("country", "weak", "code", "code3"):
            out.append((e.data[0], None))
        elif e.kind == "subdiv":
            out.append((e.data[0], e.data[1] or None))
    return out


def _pick(cands: tuple[City, ...], allowed: list[tuple[str, str | None]]) -> City | None:
    for c in cands:
        for cc, admin1 in allowed:
            if c.cc == cc and (admin1 is None or c.admin1 == admin1 or cc != "US"):
                return c
    return None


def _bare_city(hit: _Hit, entry: Entry, field: bool = False) -> City | None:
    gaz = gazetteer.load()
    if entry.alias:
        return entry.data[0]
    if hit.key in gaz.stop or any(e.kind in ("country", "weak", "subdiv") for e in hit.entries):
        return None
    cands: tuple[City, ...] = entry.data
    best = cands[0]
    if hit.key in gaz.prefer:
        best = next((c for c in cands if c.cc == gaz.prefer[hit.key]), best)
    min_pop = _BARE_MIN_POP_MULTIWORD if " " in hit.key else _BARE_MIN_POP
    if hit.key in gaz.bigcity or best.pop >= min_pop:
        return best
    # A location field names places: a smaller town counts there when its name is no other
    # country's town ("Rocklin", "Courbevoie"); in prose it would be any capitalized word.
    if field and len(hit.key) >= 5 and len({c.cc for c in cands}) == 1:
        return best
    return None


def find_places(text: str, field: bool = False) -> list[Place]:
    """Places named in `text` (after `prepare`), in order, with their character spans.
    `field`: the text is a location field, where smaller towns count by name alone."""
    if len(text) <= 200:  # header segments and location strings repeat: cached
        return list(_find_short_places(text, field))
    return _find_places(text, field)


@functools.lru_cache(maxsize=16_384)
def _find_short_places(text: str, field: bool) -> tuple[Place, ...]:
    return tuple(_find_places(text, field))


def _find_places(text: str, field: bool = False) -> list[Place]:
    hits = _scan(text)
    if not hits:
        return []
    if any_in(_NEGATION_KEYS, lowered(text)):
        hits = [h for h in hits if not _NEGATED_RE.search(text, max(0, h.start - 24), h.start)]
    places: list[Place] = []
    choices: list[tuple[City, ...]] = []  # per place: the namesakes of an ambiguous bare city
    pending: list[_Hit] = []  # names of both a US state and a country: decided by the others
    i = 0
    while i < len(hits):
        h = hits[i]
        city_entries = h.of("city")
        cands = h.cities
        run = _qualifiers(text, hits, i, cands) if city_entries else []
        if run:
            place = _qualified_city(text, h, run, cands)
            if place is not None and _fits_own_country(h, place):
                _drop_inside(text, places, choices, h.start, place.countries[0])
                places.append(place)
                choices.append(())
                i += len(run) + 1
                continue
        if city_entries:
            city = _bare_city(h, city_entries[0], field and _alone(text, hits, i))
            if city is not None:
                places.append(Place(h.start, h.end, (city.cc,), (), city.name, city.zone or None))
                namesakes = city_entries[0].data
                ambiguous = not city_entries[0].alias and len({c.cc for c in namesakes}) > 1
                choices.append(namesakes if ambiguous else ())
                i += 1
                continue
        place = _non_city(text, hits, i, field)
        if place is None and _state_or_country(h):
            pending.append(h)
        elif place is not None:
            if place.city is None and len(place.countries) == 1 and _after_name(text, hits, i):
                _drop_inside(text, places, choices, text.rfind(",", 0, h.start), place.countries[0])
            places.append(place)
            choices.append(())
        i += 1
    return _states_or_countries(_in_context(places, choices), pending)


def _alone(text: str, hits: list[_Hit], i: int) -> bool:
    """Whether hits[i] is the only name in its part of the text (between `;`, `|`, `/`)."""
    start = max(text.rfind(c, 0, hits[i].start) for c in ";|/\n")
    ends = [e for c in ";|/\n" if (e := text.find(c, hits[i].end)) >= 0]
    end = min(ends, default=len(text))
    # Hits are in order and apart: only the ones beside hits[i] may start in its part.
    return not (i and hits[i - 1].start > start or i + 1 < len(hits) and hits[i + 1].start < end)


def _qualifiers(text: str, hits: list[_Hit], i: int, cands: tuple[City, ...]) -> list[_Hit]:
    """The qualifiers right after the city name hits[i] ("Toronto, ON, Canada" -> ON, Canada):
    states, provinces, codes and countries, up to the first country named outright. A name
    that is also a city counts in capitals, or when the city has a namesake there
    ("London, Ontario"; but "Boston, New York" is two cities)."""
    run: list[_Hit] = []
    prev = hits[i]
    for h in hits[i + 1 :]:
        if not _adjacent(text, prev, h) or _QUALIFIER_KINDS.isdisjoint(h.by_kind):
            break
        # A city's name: "Boston, New York" is two cities, "London, Singapore" two places.
        city_state = any(e.alias for e in h.of("city"))
        city_name = h.of("city") and not h.surface.isupper() and (city_state or not h.of("country"))
        if city_name and (run or _pick(cands, _constraints(h)) is None):
            break
        run.append(h)
        if h.of("country"):
            break
        prev = h
    return run


def _qualified_city(text: str, h: _Hit, run: list[_Hit], cands: tuple[City, ...]) -> Place | None:
    """A city name with its qualifiers: the namesake in the country (and state) they name; a
    town the gazetteer lacks when none is ("Glasgow, KY", "Brisbane, CA" are American towns):
    then the qualifiers' country, read as a state first. A country named last settles it
    ("Bergamo, BG, Italy": BG is the province, not Bulgaria)."""
    end = run[-1].end
    final = next((e.data[0] for e in run[-1].entries if e.kind == "country"), None)
    if final is not None:
        hints = [(cc, a) for q in run[:-1] for cc, a in _constraints(q) if cc == final]
        city = _pick(cands, hints) or _pick(cands, [(final, None), *_PARTS.get(final, ())])
        if city is None and len(run) == 1 and cands[0].pop >= _LIST_MIN_POP:
            return None  # "London, Bogotá, Czechia": a list of places, not a town of Czechia
        if city is None:
            return Place(h.start, end, (final,))
        return Place(h.start, end, (city.cc,), (), city.name, city.zone or None)
    first = run[0]
    city = _pick(cands, _constraints(first))
    if city is not None:
        return Place(h.start, first.end, (city.cc,), (), city.name, city.zone or None)
    if first.of("city") and not first.surface.isupper() or "," not in text[h.end : first.start]:
        return None  # "DENVER OR REMOTE": a town the gazetteer lacks is written "Town, ST"
    cc = _qualifier_country(first)
    return Place(_town_start(text, h.start), first.end, (cc,)) if cc else None


def _town_start(text: str, start: int) -> int:
    """Where the name of a town the gazetteer lacks starts, when a known name ends it:
    "Harbor Springs, MI" starts at "Harbor", not at "Springs" (a town in South Africa)."""
    m = _TOWN_WORDS_BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None or _POLICY_WORD_RE.search(m.group()):
        return start
    return m.start()


def _fits_own_country(h: _Hit, place: Place) -> bool:
    """A city that is also a country ("Singapore, Malaysia, Hong Kong") is no town of the
    country after it."""
    own = {e.data[0] for e in h.of("country")}
    return not own or place.countries[0] in own


def _qualifier_country(hit: _Hit) -> str | None:
    """The country of a qualifier after a place the gazetteer does not know: a country's name,
    else a state or province ("Chesterfield, VA": Virginia, not the Vatican), else an alpha-3
    code. A bare alpha-2 code is not enough ("Cuneo, CN" is an Italian province)."""
    for kinds in (("country",), ("subdiv",), ("weak", "code3")):
        for e in hit.entries:
            if e.kind in kinds:
                return e.data[0]
    return None


def _after_name(text: str, hits: list[_Hit], i: int) -> bool:
    """Whether a name the gazetteer does not know (capitalized, not a policy word) and a comma
    come right before hits[i]: "Starbase, TX", "Sheung Wan, HKG"."""
    start = hits[i].start
    m = _NAME_BEFORE_RE.search(text, max(0, start - 40), start)
    if not m or _POLICY_WORD_RE.fullmatch(m.group(1)):
        return False
    prev = hits[i - 1] if i else None
    return prev is None or prev.end != m.end(1) or all(e.kind == "weak" for e in prev.entries)


def _drop_inside(
    text: str, places: list[Place], choices: list[tuple[City, ...]], end: int, cc: str
) -> None:
    """Forget the places of another country inside the name that ends at `end`: in
    "Panama City Beach, FL" or "East Petersburg, PA" a city's name is part of a town's."""
    cut = None  # found only when a place might go: a long list has many names to pass
    while places and places[-1].city and places[-1].countries != (cc,):
        if cut is None:
            cut = max((m.end() for m in _NAME_CUT_RE.finditer(text, 0, end)), default=0)
        if places[-1].start < cut:
            break
        places.pop()
        choices.pop()


def _in_context(places: list[Place], choices: list[tuple[City, ...]]) -> list[Place]:
    """An ambiguous bare city takes the namesake in a country the text names otherwise, when
    the two are of a size, the one at least 40% of the other ("Cambridge / Boston" is
    Cambridge, MA; "Santa Clara; Brooklyn" is Santa Clara, CA; "Vancouver / Seattle" is still
    Vancouver, BC)."""
    if not any(choices):  # no ambiguous bare city: nothing to choose
        return places
    # The countries the text names for sure: by places without a namesake of their size
    # elsewhere ("Boston": the English town is a twentieth of it).
    named = {
        c
        for p, ch in zip(places, choices, strict=True)
        if not ch or not _rivals(_chosen(p, ch), ch)
        for c in p.countries
    }
    out = []
    for p, ch in zip(places, choices, strict=True):
        if ch and p.countries[0] not in named:
            alt = next((c for c in _rivals(_chosen(p, ch), ch) if c.cc in named), None)
            if alt is not None:
                p = Place(p.start, p.end, (alt.cc,), (), alt.name, alt.zone or None)
        out.append(p)
    return out


def _chosen(place: Place, namesakes: tuple[City, ...]) -> City:
    return next(c for c in namesakes if c.name == place.city and c.cc == place.countries[0])


def _rivals(best: City, namesakes: tuple[City, ...]) -> list[City]:
    """The namesakes in other countries at least 40% the size of `best`."""
    return [c for c in namesakes if c.cc != best.cc and c.pop * 5 >= best.pop * 2]


def _state_or_country(hit: _Hit) -> bool:
    """A name that is a US state and, weakly, a country ("Georgia")."""
    return any(e.kind == "weak" for e in hit.entries) and any(
        e.kind == "subdiv" and not e.upper and e.data[0] == "US" for e in hit.entries
    )


def _states_or_countries(places: list[Place], pending: list[_Hit]) -> list[Place]:
    """ "Georgia" is the US state when the text names the US otherwise ("Georgia; Florida"), the
    country when it names only countries of the country's region ("Georgia, Armenia"); alone
    ("Georgia - Remote") it stays unresolved: both readings are common and a wrong country is
    worse than none. (A Georgian city before it, "Tbilisi, Georgia", is read as a qualifier.)"""
    if not pending:
        return places
    named = {c for p in places for c in p.countries}
    out = list(places)
    for h in pending:
        country = next(e.data[0] for e in h.entries if e.kind == "weak")
        if "US" in named:
            cc = "US"
        elif named and {region_of(c) for c in named} == {region_of(country)}:
            cc = country
        else:
            continue
        out.append(Place(h.start, h.end, (cc,)))
    return sorted(out, key=lambda p: p.start)


def _after_policy(text: str, hit: _Hit) -> bool:
    """A code alone after a policy word and a dash in a location field: "Remote - TX"."""
    before = _POLICY_BEFORE_RE.search(text, max(0, hit.start - 16), hit.start)
    return before is not None and _PART_END_RE.match(text, hit.end) is not None


def _non_city(text: str, hits: list[_Hit], i: int, field: bool = False) -> Place | None:
    h = hits[i]
    kinds = h.by_kind
    if "region" in kinds or "group" in kinds:
        regions = tuple(r for e in h.of("region") for r in e.data)
        countries = tuple(c for e in h.of("group") for c in e.data)
        return Place(h.start, h.end, countries, regions)
    if "country" in kinds:
        return Place(h.start, h.end, (h.of("country")[0].data[0],))
    upper = h.surface.isupper()
    nxt = hits[i + 1] if i + 1 < len(hits) else None
    if upper and nxt is not None and _adjacent(text, h, nxt):
        own = {e.data[0] for e in h.of("subdiv")}
        if own & {e.data[0] for e in nxt.of("country")}:
            return None  # "Remote, CA, USA": a state; the country counts by itself
    if upper and _after_name(text, hits, i) and (cc := _qualifier_country(h)):
        return Place(h.start, h.end, (cc,))
    # "Remote - CA" beside "Remote - TX" on one board: a US state (Canada is "Remote -
    # Canada"); a code that also stands alone for a country keeps that ("Remote - DE"), and
    # in parentheses a code is a country's ("Remote (CA)", like "Remote (UK)"); "Remote, CA"
    # stays open.
    us_state = any(e.kind == "subdiv" and e.upper and e.data[0] == "US" for e in h.entries)
    alone = field and upper and len(h.surface) == 2 and h.surface not in _STANDALONE_CODES
    if alone and us_state and _after_policy(text, h):
        return Place(h.start, h.end, ("US",))
    if "weak" in kinds:
        weak = h.of("weak")[0].data[0]
        if field and weak in _WEAK_ALONE and _name_alone(text, h):
            return Place(h.start, h.end, (weak,))
        return None
    states = [e for e in h.of("subdiv") if not e.upper]
    if states:
        return Place(h.start, h.end, (states[0].data[0],))
    codes = h.of("code")
    if codes and upper:
        cc = codes[0].data[0]
        if cc in _STANDALONE_CODES:
            return Place(h.start, h.end, (cc,))
        if cc == "CA" and _next_to_us(text, hits, i):
            return Place(h.start, h.end, ("CA",))
    codes3 = h.of("code3")
    if (
        codes3
        and upper
        and h.surface not in _TIME_ZONE_CODES
        and _next_to_us(text, hits, i, any_country=True)
    ):  # "USA/MEX", "AUS/NZ"; "US/EST" is a time zone
        return Place(h.start, h.end, (codes3[0].data[0],))
    return None


def _name_alone(text: str, hit: _Hit) -> bool:
    """Whether `hit`, capitalized, is all its part of a location field says but for policy
    words ("Jordan", "Remote - Jordan"; not "Jordan Smith, recruiter")."""
    start = max(text.rfind(c, 0, hit.start) for c in _PART_STARTS) + 1
    ends = [e for c in _PART_ENDS if (e := text.find(c, hit.end)) >= 0]
    rest = text[start : hit.start] + " " + text[hit.end : min(ends, default=len(text))]
    words = _ASCII_WORD_RE.findall(rest)
    return hit.surface[0].isupper() and all(map(_POLICY_WORD_RE.fullmatch, words))


def _next_to_us(text: str, hits: list[_Hit], i: int, any_country: bool = False) -> bool:
    """In "US/CA" or "USA & CA", CA beside the US in a list is Canada, not California (and
    CAN is Canada, not the verb); with `any_country`, beside any country or country code
    ("AUS/NZ")."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(hits) and any(
            e.kind == "country"
            and (any_country or e.data[0] == "US")
            or any_country
            and e.kind == "code"
            and e.data[0] in _STANDALONE_CODES
            for e in hits[j].entries
        ):
            a, b = sorted((hits[i], hits[j]), key=lambda x: x.start)
            if re.fullmatch(r"\s*(?:/|,|&|and|\+)\s*", text[a.end : b.start]):
                return True
    return False


def _dedup(items) -> tuple:
    return tuple(dict.fromkeys(x for x in items if x))


@functools.lru_cache(maxsize=8192)  # location strings repeat ("Remote", "San Francisco, CA")
def parse_location(text: str) -> Location:
    """Countries, regions and cities named in a location string such as 'San Francisco, CA or
    Remote (US)', 'Berlin / London / NYC', 'Remote - EMEA', 'Onsite, NYC', 'Toronto, ON',
    'München', 'São Paulo, Brasil'; a slug too: 'new_york', 'remote_us'."""
    places = find_places(_cased_state_codes(prepare(_slug_words(text))), field=True)
    regions: list[str] = []
    for p in places:
        regions.extend(p.regions)
        regions.extend(region_of(c) or "" for c in p.countries)
    return Location(
        countries=_dedup(c for p in places for c in p.countries),
        regions=_dedup(regions),
        cities=_dedup(p.city for p in places),
    )


def _slug_words(text: str) -> str:
    """A slug's words ("new_york" -> "new york"), two slugs glued apart: in
    "san_francisconew_york" the word "francisconew" ends "san francisco" and starts "new"."""
    if "_" not in text or " " in text:
        return text.replace("_", " ")
    words: list[str] = []
    for word in text.split("_"):
        words.extend(_unglued(words, word))
    return " ".join(words)


def _unglued(before: list[str], word: str) -> list[str]:
    """`word`, or the end of a name begun by the words `before` and the start of the next."""
    gaz = gazetteer.load()
    if len(word) > _MAX_GLUED or _token_key(word) in gaz.names:
        return [word]
    for cut in range(len(word) - 2, 1, -1):
        head, tail = word[:cut], word[cut:]
        if _token_key(tail) not in gaz.name_words:
            continue
        for n in range(min(len(before), _MAX_WORDS - 1), -1, -1):
            if " ".join(map(_token_key, [*before[len(before) - n :], head])) in gaz.names:
                return [head, tail]
    return [word]


def _cased_state_codes(text: str) -> str:
    """ "Town, ST" written in another case, as the scanner reads it written in capitals: a US
    state or Canadian province code in title or lower case after a town ("Tolleson, Az",
    "London, On") is that code, and a lower-case town is a name ("hartford, CT"). Only a
    whole part of the field: elsewhere "On", "Or", "In" are words."""
    return _TOWN_CODE_RE.sub(_cased_town_code, text) if "," in text else text


def _cased_town_code(m: re.Match[str]) -> str:
    space, town, gap, code = m.groups()
    if not _state_code(code):
        return m.group()
    town = string.capwords(town) if town.islower() else town
    return f"{space}{town},{gap}{code.upper()}"


def _state_code(code: str) -> bool:
    return any(
        e.kind == "subdiv" and e.upper and e.data[0] in ("US", "CA")
        for e in gazetteer.entries(code.lower())
    )


def split_places(text: str | None) -> list[str]:
    """The places of a location string as written, one per office or area: split on `;`, `|`,
    `/`, new lines and a spaced "or", "and", "&" or "+" outside parentheses ("Austin, TX;
    Remote (US/Canada)" -> "Austin, TX", "Remote (US/Canada)"). Commas stay: "Toronto, ON,
    Canada" is one place."""
    return list(_split_places(text or ""))


@functools.lru_cache(maxsize=8192)  # location strings repeat over a board's jobs
def _split_places(text: str) -> tuple[str, ...]:
    parts, depth, start = [], 0, 0
    for m in _PLACE_SPLIT_RE.finditer(text):
        depth += m.group().count("(") - m.group().count(")")
        if depth == 0 and m.group() not in "()":
            parts.append(text[start : m.start()])
            start = m.end()
        depth = max(depth, 0)
    parts.append(text[start:])
    return tuple(dict.fromkeys(p for part in parts if (p := part.strip(" ,-–")) and p))


def clear_caches() -> None:
    """Forget the resolved strings (the gazetteer stays): for timing and tests."""
    for fn in (parse_location, _find_short_places, _token_key, _split_places):
        fn.cache_clear()
