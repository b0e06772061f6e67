"""Normalized source rows → one posting per real-world job, with every merge on record.

Three ways rows become one job, strongest first (each member's `match_method`):

- `same_record`: the roles of one source record with the same title (one role listed for
  several places). The same record seen in several crawls is already one row (versions.py).
- `apply_url`: the same canonical job URL (pipelines/urls.py), e.g. an aggregator or a Hacker
  News comment that links the company's Greenhouse job. A row that links several jobs joins
  only the one whose title fits it best, so one comment never bridges two jobs.
- `near_duplicate`: inside one company block (pipelines/companies.py), MinHash LSH over
  description shingles proposes candidates, never all pairs; a candidate is kept when the
  title levels agree exactly (senior ≠ staff ≠ unlevelled) and the title and description
  are similar enough (`near_duplicate`), by exact Jaccard and containment of the shingle
  sets. The company's boilerplate (about-us, benefits, equal-opportunity text: what two of
  one source's records with different titles share, `Boilerplate`) is left out first, so
  two jobs of one company are compared on their own text. A Hacker News comment in its own
  words joins a board posting of its title and level only when its words are in that
  posting. No near-duplicate link joins two clusters that hold records of one source under
  different titles (`_apart`): a chain through a third record cannot merge two jobs.
  Locations are not compared: one job in two cities is one posting with all its places
  (`countries`, `locations`; `country` only when they name one). But two titles that name
  different places or regions ("… - Montgomery, AL" / "… - Columbus, GA") are two jobs.

Never merged, whatever links or text they share: two roles of one record under different
titles (the roles of one Hacker News comment), and rows of two companies joined only by a
link that is not an ATS job (a shared apply page or redirector).

The canonical record takes its fields from the best member (ATS over the schema.org page over
aggregators over Hacker News free text), recorded in `canonical_source`; what it lacks
(salary, remote policy, locations) is filled from the next best. The `posting_id` is the
stable hash of the member first seen, so a source that joins later never renames a job.

`dedupe_table` takes and returns columns (Arrow tables, as DuckDB reads and writes them):
a million rows as dicts cost more memory than the dedupe itself; `dedupe` takes and returns
dicts, for small inputs.
"""

from pipelines.dedupe.clustering import Clustering, UnionFind, cluster
from pipelines.dedupe.merging import canonical_record, dedupe, dedupe_table, posting_id

__all__ = [
    "Clustering",
    "UnionFind",
    "canonical_record",
    "cluster",
    "dedupe",
    "dedupe_table",
    "posting_id",
]
