"""`sourcing export leads`: candidates and companies from the sample, in CSV, JSON Lines and
Parquet, filtered by parameters, ranked by match score, safe in spreadsheets, owner-only."""

import csv
import io
import json
import re
import stat

import duckdb
import pyarrow.parquet as pq
import pytest

from warehouse.export import LeadFilters, neutralize, select_leads, to_csv


@pytest.fixture(scope="module")
def sample(sample_run):
    """The session's sample (`sample_run`): read only, exports go to each test's tmp_path."""
    return sample_run


@pytest.fixture(scope="module")
def export(sourcing):
    """`sourcing export leads ARGS… -o OUT --data-dir DATA`."""

    def run(data, out, *args):
        return sourcing("export", "leads", *args, "-o", str(out), "--data-dir", str(data))

    return run


def test_run_fills_candidates_and_companies(sample):
    data, out = sample
    con = duckdb.connect(str(data / "sourcing.duckdb"), read_only=True)
    try:
        people = con.execute("SELECT count(*) FROM candidates").fetchone()[0]
        firms, hiring = con.execute(
            "SELECT count(*), count(*) FILTER (ml_postings > 0) FROM companies"
        ).fetchone()
        both = con.execute("SELECT count(*) FROM candidates WHERE posts = 2").fetchone()[0]
        supply = con.execute(
            "SELECT candidates, postings FROM skill_supply_demand"
            " WHERE month = '2026-11' AND skill = 'pytorch'"
        ).fetchone()
        # every posting that names a company belongs to exactly one row of `companies`
        unplaced = con.execute(
            "SELECT count(*) FROM postings p LEFT JOIN company_postings USING (posting_id)"
            " LEFT JOIN companies c USING (company_id)"
            " WHERE p.company IS NOT NULL AND c.name IS NULL"
        ).fetchone()[0]
    finally:
        con.close()
    assert people >= 30 and both >= 2
    assert firms >= 10 and hiring >= 5
    assert supply[0] > 0 and supply[1] > 0
    assert unplaced == 0
    assert re.search(rf"candidates +{people}\b", out)


def test_csv_ranked_by_match_with_source_urls_and_owner_only(sample, tmp_path, export):
    data, _ = sample
    out = tmp_path / "leads.csv"
    proc = export(
        data, out, "--kind", "candidates", "--skills", "PyTorch,k8s", "--min-match", "0.3",
        "--format", "csv",
    )  # fmt: skip
    assert "GDPR" in proc.stderr and "legitimate interest" in proc.stderr
    assert "@" not in proc.stdout  # the command prints counts, never people
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows, "no candidate matched"
    scores = [float(r["match"]) for r in rows]
    assert scores == sorted(scores, reverse=True) and min(scores) >= 0.3
    # Each row links to the person's own public post (Hacker News, Reddit, GitHub).
    con = duckdb.connect(str(data / "sourcing.duckdb"), read_only=True)
    try:
        posts = set(con.execute("SELECT handle, url FROM candidates").fetchall())
    finally:
        con.close()
    assert {(r["handle"], r["url"]) for r in rows} <= posts
    assert all(r["url"].startswith("https://") and r["source"] and r["posted_at"] for r in rows)
    assert all("pytorch" in r["skills"] or "kubernetes" in r["skills"] for r in rows)
    for r in rows:  # why each matched: the skills asked for, split into had and lacking
        matched, missing = r["matched_skills"].split("; "), r["missing_skills"].split("; ")
        assert set(matched) | set(missing) - {""} <= {"pytorch", "kubernetes"}
        assert all(s in r["skills"] for s in matched if s)
        assert not any(s in r["skills"].split("; ") for s in missing if s)


def test_bom_jsonl_and_parquet_hold_the_same_rows(sample, tmp_path, export):
    data, _ = sample
    args = ("--kind", "candidates", "--region", "Western Europe")
    export(data, tmp_path / "a.csv", *args, "--format", "csv", "--bom")
    export(data, tmp_path / "a.jsonl", *args, "--format", "jsonl")
    export(data, tmp_path / "a.parquet", *args, "--format", "parquet")
    raw = (tmp_path / "a.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    from_csv = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    from_jsonl = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    from_parquet = pq.read_table(tmp_path / "a.parquet").to_pylist()
    assert len(from_csv) == len(from_jsonl) == len(from_parquet) >= 5
    assert {r["handle"] for r in from_jsonl} == {r["handle"] for r in from_parquet}
    assert all(r["region"] == "Western Europe" and r["url"] for r in from_jsonl)
    assert isinstance(from_jsonl[0]["skills"], list)
    for name in ("a.csv", "a.jsonl", "a.parquet"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


def test_filters(sample):
    data, _ = sample
    db = data / "sourcing.duckdb"
    _, de = select_leads(db, "candidates", LeadFilters(country="de"))
    assert de and all(r["country"] == "DE" for r in de)
    _, ds = select_leads(db, "candidates", LeadFilters(role="data_scientist"))
    assert ds and all("data_scientist" in r["roles"] for r in ds)
    _, remote = select_leads(db, "candidates", LeadFilters(remote=True))
    assert remote and all(r["remote"] == "remote" for r in remote)
    from datetime import date

    _, recent = select_leads(db, "candidates", LeadFilters(since=date(2026, 11, 1)))
    assert recent and all(r["last_seen"].date() >= date(2026, 11, 1) for r in recent)
    _, all_people = select_leads(db, "candidates", LeadFilters())
    assert len(recent) < len(all_people)
    _, firms = select_leads(db, "companies", LeadFilters(role="ml_engineer", skills=["pytorch"]))
    assert firms and all("ml_engineer" in r["roles"] and r["url"] for r in firms)


def test_filters_are_parameters_not_sql(sample, sourcing):
    data, _ = sample
    db = data / "sourcing.duckdb"
    evil = "x' OR 1=1; DROP TABLE candidates; --"
    for filters in (LeadFilters(role=evil), LeadFilters(region=evil), LeadFilters(country=evil)):
        assert select_leads(db, "candidates", filters)[1] == []
    assert select_leads(db, "candidates", LeadFilters())[1]  # still there
    bad = sourcing(
        "export", "leads", "--kind", "candidates", "--country", evil, "--format", "csv",
        "-o", str(data / "x.csv"), "--data-dir", str(data), check=False,
    )  # fmt: skip
    assert bad.exit_code == 2 and "country" in bad.stderr


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "  =1+1"])
def test_formula_cells_are_neutralized(cell):
    assert neutralize(cell) == "'" + cell
    text = to_csv(["a", "b"], [{"a": cell, "b": -5}]).decode()
    row = list(csv.reader(io.StringIO(text, newline="")))[1]
    assert row[0].startswith("'") and row[1] == "-5"  # numbers stay numbers


def test_plain_cells_are_left_alone():
    assert neutralize("Berlin, Germany") == "Berlin, Germany"
    assert neutralize("a=b") == "a=b"
    assert neutralize(" a -b") == " a -b"


def test_companies_export(sample, tmp_path, export):
    data, _ = sample
    out = tmp_path / "firms.jsonl"
    proc = export(data, out, "--kind", "companies", "--format", "jsonl")
    assert "GDPR" not in proc.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all(r["url"] for r in rows)
    assert any("greenhouse" in r["ats"] and r["careers_url"] for r in rows)
    assert any(r["hiring_velocity"] > 0 for r in rows)
    # hiring for ML, with those jobs' titles and links; salaries to the thousand
    assert all(r["ml_postings"] > 0 and r["ml_titles"] and r["ml_urls"] for r in rows)
    assert all(len(r["ml_titles"]) == len(r["ml_urls"]) <= r["ml_postings"] for r in rows)
    pay = [r[c] for r in rows for c in ("salary_min_usd", "salary_max_usd") if r[c] is not None]
    assert pay and all(isinstance(p, int) and p % 1000 == 0 for p in pay)
    export(data, out, "--kind", "companies", "--all-companies", "--format", "jsonl")
    every = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(every) > len(rows) and any(r["ml_postings"] == 0 for r in every)


def test_one_company_is_one_row_under_its_display_name(sample):
    db = sample[0] / "sourcing.duckdb"
    _, rows = select_leads(db, "companies", LeadFilters(all_companies=True))
    names = [r["name"] for r in rows]
    squashed = [re.sub(r"[^a-z0-9]", "", n.lower()) for n in names]
    assert len(set(squashed)) == len(squashed), names
    assert "Lumenforge AI" in names and "lumenforge" not in names
    con = duckdb.connect(str(db), read_only=True)
    try:
        top = {c for (c,) in con.execute("SELECT DISTINCT company FROM company_hiring").fetchall()}
    finally:
        con.close()
    assert "lumenforge" not in top and "Lumenforge AI" in top


def test_limit_keeps_the_best_rows(sample, tmp_path, export):
    data, _ = sample
    args = ("--kind", "candidates", "--skills", "pytorch", "--format", "jsonl")
    export(data, tmp_path / "all.jsonl", *args)
    export(data, tmp_path / "top.jsonl", *args, "--limit", "3")
    every = (tmp_path / "all.jsonl").read_text().splitlines()
    assert len(every) > 3 and (tmp_path / "top.jsonl").read_text().splitlines() == every[:3]


@pytest.mark.parametrize(
    ("profile", "header"),
    [
        ("gem", ["first_name", "last_name", "email", "linkedin_url", "github_url", "location",
                 "notes"]),
        ("greenhouse", ["First Name", "Last Name", "Email", "Social Media", "Website", "Address",
                        "Notes"]),
    ],
)  # fmt: skip
def test_import_profiles_write_the_tools_column_names(sample, tmp_path, export, profile, header):
    data, _ = sample
    out = tmp_path / f"{profile}.csv"
    export(data, out, "--kind", "candidates", "--skills", "pytorch", "--profile", profile,
           "--format", "csv")  # fmt: skip
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == header and len(rows) > 1
    full = {r["url"]: r for r in select_leads(data / "sourcing.duckdb", "candidates",
                                               LeadFilters(skills=["pytorch"]))[1]}  # fmt: skip
    for row in map(dict, (zip(header, r, strict=True) for r in rows[1:])):
        notes = row[header[-1]]
        url = re.search(r"(https://\S+?)(?:\. |$)", notes).group(1)
        person = full[url]  # every row cites the post it came from
        assert "Matched: pytorch" in notes
        assert row[header[0]] == (person["first_name"] or "")  # a name only if they wrote one
        assert row[header[2]] == (person["email"] or "")


@pytest.mark.parametrize("command", [["export", "leads"], ["forget"]])
def test_help_has_an_example(command, sourcing):
    assert "Example" in sourcing(*command, "--help").stdout


def test_bad_arguments_are_refused(sample, tmp_path, sourcing):
    data, _ = sample
    base = ("export", "leads", "--format", "csv", "-o", str(tmp_path / "x.csv"))
    assert sourcing(*base, "--kind", "people", check=False).exit_code == 2
    unknown = sourcing(*base, "--kind", "candidates", "--skills", "nosuchskill", check=False)
    assert unknown.exit_code == 2 and "taxonomy" in unknown.stderr
    region = sourcing(*base, "--kind", "candidates", "--region", "Mars", check=False)
    assert region.exit_code == 2 and "Western Europe" in region.stderr
