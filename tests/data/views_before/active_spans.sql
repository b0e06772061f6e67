-- When each posting was open, per source record: the input of `monthly_postings`,
-- `weekly_postings`, `posting_months` and `posting_index` (issue 16).
-- One row per posting and member record (`posting_sources`: `source`, `source_id`,
-- `role_index`); a posting with no member row (a hand-built warehouse) gets one row from its
-- own columns, with `source_id` NULL.
-- `started`: when the record was posted (first seen when earlier or undated).
-- `ended`: a Hacker News comment ends with its thread's month (`expires_at`), so a post
-- repeated in later threads is active in each month it was posted and not in the months
-- between; other records end when the posting closed (`closed_at`, else `last_seen` for a
-- closed posting), and an open one at "now", the newest crawl (never the wall clock).
-- `opened` / `closed`: the posting's first start and its closing time (NULL while open).
-- `skills`: what this record asks for (its own `normalized_postings.skills`; the posting's
-- when it has no member row): a job reposted with a changed text asks for what it says then,
-- not for what its first record said (the posting's `skills` are its canonical record's).
WITH now AS (
    SELECT coalesce(
        (SELECT max(crawled_at) FROM crawl_records), (SELECT max(last_seen) FROM postings)
    ) AS now_at
),
members AS (
    SELECT
        p.posting_id,
        coalesce(ps.source, nullif(split_part(p.canonical_source, ':', 1), ''), 'unknown')
            AS source,
        ps.source_id,
        ps.role_index,
        least(
            coalesce(np.first_seen, p.first_seen),
            coalesce(np.posted_at, p.posted_at, np.first_seen, p.first_seen)
        ) AS posted,
        np.expires_at - INTERVAL 1 MICROSECOND AS expires,
        CASE WHEN p.status = 'closed' THEN coalesce(p.closed_at, p.last_seen) END AS closed,
        coalesce(np.skills, p.skills) AS skills
    FROM postings AS p
    LEFT JOIN posting_sources AS ps USING (posting_id)
    LEFT JOIN normalized_postings AS np
        ON np.source = ps.source AND np.source_id = ps.source_id
        AND np.role_index = ps.role_index
),
spans AS (
    SELECT
        posting_id,
        source,
        source_id,
        role_index,
        coalesce(least(posted, expires), posted) AS started,
        coalesce(expires, closed, (SELECT now_at FROM now), posted) AS ended,
        closed,
        skills
    FROM members
)
SELECT
    posting_id,
    source,
    source_id,
    role_index,
    started,
    greatest(started, least(ended, coalesce((SELECT now_at FROM now), ended))) AS ended,
    min(started) OVER (PARTITION BY posting_id) AS opened,
    closed,
    skills
FROM spans
