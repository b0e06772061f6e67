"""UTC offset ranges (pipelines/timezones.py) and the `--overlap` lead filter. All strings are
invented for these tests."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from pipelines.extract.himalayas import extract_himalayas
from pipelines.model import ExtractedPosting
from pipelines.normalize import normalize_posting
from pipelines.timezones import (
    WORLD,
    candidate_offsets,
    country_range,
    cover,
    overlap_hours,
    parse_overlap,
    place_ranges,
    posting_offsets,
    stated_ranges,
    zone_offset,
)
from sourcing.cli import main
from tests.builders import himalayas_job
from warehouse.db import connect


# ------------------------------------------------------------------ zones, countries, regions
@pytest.mark.parametrize(
    ("zone", "offset"),
    [
        ("Europe/Warsaw", 1.0),  # standard time, not summer's +2
        ("America/New_York", -5.0),
        ("Asia/Kolkata", 5.5),
        ("Asia/Kathmandu", 5.75),
        ("Australia/Sydney", 10.0),  # southern summer (January) is DST: the standard is July's
        ("Europe/Dublin", 0.0),  # tzdata's "negative DST": winter GMT is still the smaller
        ("Nowhere/City", None),
    ],
)
def test_zone_offset_is_standard_time(zone, offset):
    assert zone_offset(zone) == offset


@pytest.mark.parametrize(
    ("country", "span"),
    [
        ("US", (-10.0, -5.0)),  # Hawaii and the Aleutians to the East Coast
        ("DE", (1.0, 1.0)),
        ("IN", (5.5, 5.5)),
        ("BR", (-5.0, -2.0)),
        ("AU", (8.0, 10.5)),
        ("ES", (0.0, 1.0)),  # the Canaries
        ("UK", (0.0, 0.0)),
        ("XX", None),
    ],
)
def test_country_span(country, span):
    assert country_range(country) == span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("San Francisco, CA", (-8.0, -8.0)),
        ("Portland, ME", (-5.0, -5.0)),  # the namesake in Maine, not Oregon's
        ("München", (1.0, 1.0)),
        ("Bengaluru", (5.5, 5.5)),
        ("Perth", (8.0, 8.0)),
        ("Berlin / NYC", (-5.0, 1.0)),  # either office: the span holds both
        ("Remote - EMEA", (-1.0, 4.0)),
        ("Germany", (1.0, 1.0)),
        ("Ciudad de México", (-6.0, -6.0)),
        ("Somewhere nice", None),
    ],
)
def test_places(text, span):
    assert cover(place_ranges(text)) == span


# ------------------------------------------------------------------ stated limits
@pytest.mark.parametrize(
    ("text", "header", "spans"),
    [
        ("UTC-3 to UTC+3", False, [(-3, 3)]),
        ("UTC-3 to +3", False, [(-3, 3)]),
        ("Remote (EST/PST overlap)", True, [(-8, -5)]),
        ("GMT±2", True, [(-2, 2)]),
        ("GMT +/- 2", True, [(-2, 2)]),
        ("You work within 4 hours of CET.", False, [(-3, 5)]),
        ("CET +/- 2 hours", True, [(-1, 3)]),
        ("at least 4 hours of overlap with PST", False, [(-12, -4)]),  # 8 - 4 either side
        ("You must be in US time zones", False, [(-10, -5)]),
        ("Eastern Time", True, [(-5, -5)]),
        ("Bangalore (IST)", True, [(5.5, 5.5)]),
        ("Timezone: UTC+5:30", False, [(5.5, 5.5)]),
        ("We keep CET hours", False, [(1, 1)]),
        ("Remote (CEST)", True, [(1, 1)]),  # the zone's summer name: its standard offset
        ("within 3 hours of NZST", False, [(9, -9)]),
        ("work 4 - 5.5 hours overlap with Lisbon time zone", False, [(-4, 4)]),  # a city's zone
        ("Working hours: US East business hours", False, [(-5, -5)]),
        ("We keep Tokyo time", False, [(9, 9)]),
        ("Full time, Part Time", False, []),  # across the date line: min > max
        # German, Spanish, Portuguese
        ("Arbeitszeit in europäischen Zeitzonen", False, [(-1, 4)]),
        ("Zeitzone: MEZ ± 2 Stunden", False, [(-1, 3)]),
        ("entre UTC-5 y UTC-3", False, [(-5, -3)]),
        ("Trabajo remoto en zona horaria de Europa", False, [(-1, 4)]),
        ("Buscamos personas en husos horarios de Latinoamérica", False, [(-8, -2)]),
        ("fuso horário do Brasil", False, []),  # a country's zones by name are not read
        # a zone named in passing states no limit
        ("Our HQ is in CET", False, []),
        ("PT", True, []),  # Portugal, part-time or Pacific: needs a time-zone word
        ("experience with BST and heaps", False, []),
        ("UTC+25", True, []),
    ],
)
def test_stated_limits(text, header, spans):
    assert stated_ranges(text, header=header) == spans


# ------------------------------------------------------------------ ranges and overlap
def test_cover_reads_offsets_around_the_clock():
    # Himalayas lists +14 beside -10: the same time of day, so the US span stays -10..-5
    assert cover([(o, o) for o in (-10, -9, -8, -7, -6, -5, 14)]) == (-10, -5)
    assert cover([(14, 14)]) == (14, 14)
    assert cover([(12, 12), (-11, -11)]) == (12, 13)
    assert cover([(8, 8), (-6, -6)]) == (8, -6)  # 10 hours east of Perth, not 14 west
    assert cover([(-5, -5), (1, 1)]) == (-5, 1)
    assert cover([WORLD, (1, 1)]) == WORLD
    assert cover([]) is None


@pytest.mark.parametrize(
    ("span", "zone", "hours"),
    [
        ((1, 1), "Europe/Warsaw", 8),
        ((-5, -5), "Europe/Warsaw", 2),  # New York: 6 hours apart
        ((5.5, 5.5), "Europe/Warsaw", 3.5),  # half-hour zone
        ((-8, -8), "Asia/Tokyo", 1),  # across midnight: 7 hours apart, not 17
        ((12, 12), "Europe/Warsaw", 0),
        ((-3, 3), "America/New_York", 6),  # nearest offset in the range: -3
        ((12, -11), "Pacific/Kiritimati", 7),  # +14 is an hour past +13
        (WORLD, "Asia/Kolkata", 8),
        (None, "Europe/Warsaw", None),
    ],
)
def test_overlap_hours(span, zone, hours):
    assert overlap_hours(span, zone_offset(zone)) == hours


def test_parse_overlap():
    spec = parse_overlap("Europe/Warsaw:4")
    assert (spec.zone, spec.hours, spec.offset) == ("Europe/Warsaw", 4.0, 1.0)
    assert spec.keeps(spec.shared([[5.5, 5.5], [-5.0, -5.0]])) is False  # 3.5 h at best
    assert spec.keeps(spec.shared([[None, None], [2.0, 3.0]])) is True
    assert spec.keeps(spec.shared([])) is False
    for bad, words in [
        ("Europe/Warsw:4", "not an IANA time zone"),
        ("CET-ish:4", "not an IANA time zone"),
        ("Europe/Warsaw:9", "at most 8"),
        ("Europe/Warsaw:0", "more than 0"),
        ("Europe/Warsaw:four", "not a number"),
        ("Europe/Warsaw", "ZONE:HOURS"),
    ]:
        with pytest.raises(ValueError, match=words):
            parse_overlap(bad)


# ------------------------------------------------------------------ postings and candidates
def _posting(**fields) -> dict:
    raw = {"source": "remoteok", "source_id": "1", "fetched_at": "2026-11-02T00:00:00Z"}
    return normalize_posting(ExtractedPosting(title="ML Engineer", **fields), raw, 0, 1)


@pytest.mark.parametrize(
    ("fields", "span"),
    [
        ({"location_text": "Remote (US)"}, (-10.0, -5.0)),
        ({"location_text": "Remote - Europe"}, (-1.0, 4.0)),
        ({"location_text": "Worldwide", "structured_remote": "remote"}, WORLD),
        ({"location_text": "Remote", "description": "Anywhere in UTC-3 to UTC+3."}, (-3.0, 3.0)),
        ({"location_text": "Remote (US)", "description": "Work EST hours."}, (-5, -5)),
        ({"location_text": "Berlin", "structured_remote": "onsite"}, (1.0, 1.0)),
        ({"location_text": "Hybrid - Madrid"}, (1.0, 1.0)),
        ({"location_text": "Remote"}, None),  # no place, no limit stated: unknown
        ({"location_text": "Austin, Lisbon, or US Remote"}, (-10.0, 0.0)),  # offices join scope
        (
            {
                "location_text": "Remoto (LATAM)",
                "description": "Equipo en zona horaria de EE.UU.",
            },
            (-10.0, -5.0),
        ),
        ({"location_text": "Homeoffice, Deutschland", "structured_remote": "remote"}, (1.0, 1.0)),
    ],
)
def test_posting_offsets(fields, span):
    row = _posting(**fields)
    assert (row["utc_offset_min"], row["utc_offset_max"]) == (span or (None, None))


def test_cached_place_cover_is_the_cover_of_the_places():
    for text in ["Berlin", "Austin, TX; Lisbon", "Tokyo / Auckland / Honolulu", "Remote"]:
        for remote in ("onsite", "remote"):
            places = place_ranges(text)
            span = posting_offsets(
                remote=remote, scope=(), header=text, description="", location_text=text
            )
            assert span == cover(places), (text, remote)


def test_structured_offsets_come_first():
    record = himalayas_job("ml-eng", "ML Engineer", timezoneRestrictions=[-8, -7, -6, -5, 14])
    (posting,) = extract_himalayas(record, {}).postings
    assert posting.utc_offsets == [-8.0, -7.0, -6.0, -5.0, 14.0]
    assert posting_offsets(
        remote="remote", scope=("DE",), header="", description="CET hours",
        location_text="Germany", structured=posting.utc_offsets,
    ) == (-10.0, -5.0)  # fmt: skip
    bad = himalayas_job("x", "ML Engineer", timezoneRestrictions=["-5", True, 99, None])
    assert extract_himalayas(bad, {}).postings[0].utc_offsets == []


@pytest.mark.parametrize(
    ("location", "country", "span"),
    [
        ("Kraków, Poland", "PL", (1.0, 1.0)),
        ("Remote, UTC+2", None, (2.0, 2.0)),
        ("Pune (IST)", "IN", (5.5, 5.5)),
        (None, "BR", (-5.0, -2.0)),
        ("Remote", None, None),
    ],
)
def test_candidate_offsets(location, country, span):
    assert candidate_offsets(location, country) == span


# ------------------------------------------------------------------ the export
@pytest.fixture
def warehouse(tmp_path):
    """Three candidates (Kraków, New York, unknown) and two companies (one hiring in Pune, one
    with a Berlin posting and a closed Warsaw one)."""
    db = tmp_path / "data" / "sourcing.duckdb"
    con = connect(db)
    for cid, lo, hi in [("krakow", 1, 1), ("nyc", -5, -5), ("unknown", None, None)]:
        con.execute(
            "INSERT INTO candidates (candidate_id, source, source_id, handle, remote, skills,"
            " roles, seniority, urls, posts, post_urls, utc_offset_min, utc_offset_max,"
            " last_seen) VALUES (?, 'hn_wants', ?, ?, 'remote', [], [], 'mid', [], 1, [], ?, ?,"
            " now())",
            [cid, cid, cid, lo, hi],
        )
    for pid, lo, hi, status in [
        ("pune", 5.5, 5.5, "open"),
        ("berlin", 1, 1, "open"),
        ("warsaw", 1, 1, "closed"),
    ]:
        con.execute(
            "INSERT INTO postings (posting_id, title, company, is_ml, role, seniority, subfields,"
            " skills, countries, remote, remote_scope, visa_sponsorship, equity, first_seen,"
            " last_seen, status, source_count, utc_offset_min, utc_offset_max) VALUES (?, 'ML',"
            " ?, true, 'ml_engineer', 'mid', [], [], [], 'remote', [], 'unknown', false, now(),"
            " now(), ?, 1, ?, ?)",
            [pid, pid, status, lo, hi],
        )
    for company, postings in [("indiaco", ["pune"]), ("berlinco", ["berlin", "warsaw"])]:
        con.execute(
            "INSERT INTO companies (company_id, name, open_postings, ml_postings, top_skills,"
            " skills, roles, countries, regions, remote_share, ats, hiring_velocity, first_seen,"
            " last_seen) VALUES (?, ?, 1, 1, [], [], [], [], [], 1, [], 1, now(), now())",
            [company, company],
        )
        for pid in postings:
            con.execute("INSERT INTO company_postings VALUES (?, ?)", [pid, company])
    con.close()
    return db


def _export(db, tmp_path, *args):
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        main,
        ["export", "leads", *args, "--format", "csv", "-o", str(out), "--db", str(db)],
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8"))) if result.exit_code == 0 else []
    return result, rows


def test_export_overlap_keeps_leads_with_enough_shared_hours(warehouse, tmp_path):
    result, rows = _export(
        warehouse, tmp_path, "--kind", "candidates", "--overlap", "Europe/Warsaw:4"
    )
    assert result.exit_code == 0, result.output
    assert [(r["candidate_id"], r["overlap_hours"]) for r in rows] == [("krakow", "8.0")]
    assert rows[0]["utc_offset_min"] == "1.0"
    _, rows = _export(warehouse, tmp_path, "--kind", "candidates", "--overlap", "Europe/Warsaw:2")
    assert sorted(r["candidate_id"] for r in rows) == ["krakow", "nyc"]
    _, rows = _export(warehouse, tmp_path, "--kind", "companies", "--overlap", "Europe/Warsaw:4")
    assert [(r["company_id"], r["overlap_hours"]) for r in rows] == [("berlinco", "8.0")]
    _, rows = _export(warehouse, tmp_path, "--kind", "companies", "--overlap", "Europe/Warsaw:3.5")
    assert sorted(r["company_id"] for r in rows) == ["berlinco", "indiaco"]
    _, rows = _export(warehouse, tmp_path, "--kind", "candidates")
    assert len(rows) == 3 and "overlap_hours" not in rows[0]


@pytest.mark.parametrize(
    ("spec", "words"),
    [("Mars/Olympus:4", "not an IANA time zone"), ("Europe/Warsaw:12", "at most 8")],
)
def test_export_overlap_refuses_bad_values(warehouse, tmp_path, spec, words):
    result, _ = _export(warehouse, tmp_path, "--kind", "candidates", "--overlap", spec)
    assert result.exit_code != 0
    assert "--overlap" in result.output and words in result.output


def test_help_states_the_working_day():
    result = CliRunner().invoke(main, ["export", "leads", "--help"])
    assert "09:00-17:00" in result.output and "Europe/Warsaw:4" in result.output


def test_jsonl_overlap_is_a_number(warehouse, tmp_path):
    out = tmp_path / "out.jsonl"
    args = ["export", "leads", "--kind", "candidates", "--overlap", "Asia/Kolkata:3"]
    result = CliRunner().invoke(
        main, [*args, "--format", "jsonl", "-o", str(out), "--db", str(warehouse)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["candidate_id"], r["overlap_hours"]) for r in rows] == [("krakow", 3.5)]


@pytest.mark.parametrize(
    "text",
    [
        "Remote (UTC+2), EST/PST overlap; full-time!",
        "Pacific Standard Time|CET hours*",
        "zona horaria de Europa, or US time zones (GMT±2)",
        "UTC-3 to UTC+3; within 4 hours of CET",
        "(EST),PST;MESZ und EET",
        "\u0130ndia Standard Time, Berlin time",  # a dotted capital I is an I to re.I
        "\u03a3\u0399\u03a3 \u212aST, \u017fhort hours: Eastern Time",  # sigma, Kelvin, long s
        "hour, hours; time (time) TIME*UTC",  # several cues in a run, cues in every run
        "We ship every week, no zone named here.",
        "",
    ],
)
def test_zone_matches_as_the_whole_search(text):
    """Zones are looked for only in the runs that may hold one: as the whole search found."""
    from pipelines.timezones import _ZONE_RE, _zone_matches

    def spans(ms):
        return [(m.span(), m.groupdict()) for m in ms]

    assert spans(_zone_matches(text)) == spans(_ZONE_RE.finditer(text))
