"""Lead assets: `candidates` from the raw records of the candidates sources, `companies` from
the postings. People on the suppression list (`sourcing forget`) are skipped. Logs and
metadata hold counts only, never a name, handle or address."""

from collections import Counter

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.catalog import sources_of_kind
from pipelines.leads import build_companies, candidate_post, company_postings, merge_candidates
from pipelines.rawzone import suppression
from pipelines.rawzone.read import ReadStats
from pipelines.rawzone.suppression import is_suppressed
from pipelines.versions import latest_versions
from sourcing.assets.crawl import raw_asset_key
from sourcing.assets.metadata import PARSER_VERSION, table_metadata, warehouse_asset
from sourcing.assets.postings import postings
from sourcing.resources import RawZoneResource
from warehouse.db import migrate
from warehouse.load import read_table, replace_tables

CANDIDATE_SOURCES = [s.name for s in sources_of_kind("candidates")]
POST_COLUMNS = ("candidate_id", "source", "source_id", "month", "posted_at", "skills", "roles")


@warehouse_asset(
    group_name="leads",
    deps=[raw_asset_key(s) for s in CANDIDATE_SOURCES],
    code_version=PARSER_VERSION,
    tags={"layer": "warehouse", "pii": "true"},
)
def candidates(
    context: dg.AssetExecutionContext, raw_zone: RawZoneResource, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    """One row per person who posted that they seek work (latest post first, first_seen and
    last_seen across months), and `candidate_posts`, one row per post."""
    zone = raw_zone.zone()
    suppressed_rows = suppression.rows(zone.suppression_file)
    suppressed = suppression.load(zone.suppression_file)
    stats = ReadStats()
    posts, skipped = [], Counter()
    for raw in latest_versions(zone.read(CANDIDATE_SOURCES, stats)):
        if suppressed and is_suppressed(raw, suppressed):
            skipped["suppressed"] += 1
            continue
        try:
            post, reason = candidate_post(raw)
        except Exception as exc:  # one bad record must not stop the others
            context.log.warning(f"{raw['source']} {raw['source_id']}: {type(exc).__name__}")
            post, reason = None, f"error:{type(exc).__name__}"
        if post is None:
            skipped[reason] += 1
        else:
            posts.append(post)
    people = merge_candidates(posts)
    post_rows = [{k: p[k] for k in (*POST_COLUMNS, "url")} for p in posts]
    with duckdb.get_connection() as con:
        migrate(con)
        replace_tables(
            con,
            {
                "candidate_posts": post_rows,
                "candidates": people,
                "suppression_list": suppressed_rows,
            },
        )
        table = table_metadata(con, duckdb, "candidates")
    return dg.MaterializeResult(
        metadata={
            **table,
            "raw_records": stats.records,
            "posts": len(posts),
            "candidates": len(people),
            # one person on several sources, linked by e-mail, GitHub profile or handle
            "people": len({p["person_id"] for p in people}),
            "with_email": sum(1 for p in people if p["email"]),
            "skipped": dg.MetadataValue.json(dict(skipped)),
        }
    )


@warehouse_asset(
    group_name="leads",
    deps=[postings],
    tags={"layer": "warehouse"},
)
def companies(duckdb: DuckDBResource) -> dg.MaterializeResult:
    """One row per hiring company: open and ML postings, roles, skills, salary range,
    countries, remote share, ATS, careers URL, application contact, hiring velocity; and
    `company_postings`, the company of each posting."""
    with duckdb.get_connection() as con:
        migrate(con)
        jobs = read_table(con, "postings")
        links = read_table(con, "posting_sources")
        descriptions = dict(
            con.execute(
                "SELECT ps.posting_id, string_agg(np.description, ' ')"
                " FROM posting_sources ps JOIN normalized_postings np"
                " USING (source, source_id, role_index) GROUP BY 1"
            ).fetchall()
        )
        rows = build_companies(jobs, links, descriptions)
        replace_tables(con, {"companies": rows, "company_postings": company_postings(jobs, links)})
        table = table_metadata(con, duckdb, "companies")
    return dg.MaterializeResult(
        metadata={
            **table,
            "companies": len(rows),
            "hiring_ml": sum(1 for r in rows if r["ml_postings"]),
            "with_contact": sum(1 for r in rows if r["contact"]),
        }
    )
