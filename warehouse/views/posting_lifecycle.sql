-- How long postings stay open, by role, company and canonical source. "Now" for open postings
-- is the newest crawl in the raw zone, so a rebuild gives the same figures.
WITH now AS (SELECT max(crawled_at) AS now_at FROM crawl_records),
spans AS (
    SELECT
        p.*,
        split_part(p.canonical_source, ':', 1) AS source,
        greatest(
            0,
            date_diff(
                'second',
                coalesce(least(p.posted_at, p.first_seen), p.first_seen),
                coalesce(p.closed_at, (SELECT now_at FROM now), p.last_seen)
            ) / 86400.0
        ) AS days_open
    FROM postings AS p
)
SELECT
    role,
    company,
    source,
    count(*) AS postings,
    count(*) FILTER (status = 'open') AS open,
    count(*) FILTER (status = 'closed') AS closed,
    round(median(days_open), 1) AS median_days_open,
    round(avg(days_open), 1) AS mean_days_open,
    round(median(days_open) FILTER (status = 'closed'), 1) AS median_days_to_close,
    sum(repost_count) AS reposts
FROM spans
GROUP BY ALL
ORDER BY role, company, source
