"""The few figures a run ends with: postings, share with salary, top skills, per source."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from warehouse.db import connect


@dataclass
class Summary:
    postings: int
    ml_postings: int
    with_salary: int
    per_source: dict[str, int]  # source -> postings it contributed to
    skipped: dict[str, int]  # reason -> records
    top_skills: list[tuple[str, int]]
    candidates: int = 0  # people seeking work ("Who wants to be hired?")
    companies: int = 0  # hiring companies
    salary_out_of_bounds: int = 0  # source rows whose stated pay was implausible, left empty
    quality: dict[str, int] = field(default_factory=dict)  # anomaly kind -> count (all sources)

    @property
    def salary_share(self) -> float:
        return self.with_salary / self.postings if self.postings else 0.0

    @property
    def quality_line(self) -> str:
        """The anomalies found, largest first ("company_is_place 24, ..."), or "none"."""
        found = sorted(((n, k) for k, n in self.quality.items() if n), reverse=True)
        return ", ".join(f"{kind} {n}" for n, kind in found) or "none"


def summarize(db: Path | str, top: int = 10) -> Summary:
    con = connect(db, read_only=True)
    try:
        postings, ml, salary = con.execute(
            "SELECT count(*), count(*) FILTER (is_ml), count(salary_min) FROM postings"
        ).fetchone()
        per_source = dict(
            con.execute(
                "SELECT source, count(DISTINCT posting_id) FROM posting_sources"
                " GROUP BY 1 ORDER BY 1"
            ).fetchall()
        )
        skipped = dict(
            con.execute(
                "SELECT reason, count(*) FROM skipped_records GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        )
        skills = con.execute(
            "SELECT skill, count(*) AS n FROM postings, unnest(skills) AS s(skill)"
            " GROUP BY 1 ORDER BY n DESC, skill LIMIT ?",
            [top],
        ).fetchall()
        people, firms, implausible = con.execute(
            "SELECT (SELECT count(*) FROM candidates), (SELECT count(*) FROM companies),"
            " (SELECT count(salary_rejected) FROM normalized_postings)"
        ).fetchone()
        quality = dict(
            con.execute(
                "SELECT kind, count FROM data_quality WHERE source = 'all' AND kind <> 'filled'"
            ).fetchall()
        )
    finally:
        con.close()
    return Summary(
        postings,
        ml,
        salary,
        per_source,
        skipped,
        [tuple(s) for s in skills],
        people,
        firms,
        implausible,
        quality,
    )
