-- Remote, hybrid and onsite shares of ML postings by month, role and region.
-- Postings that do not say (`remote = 'unknown'`) are counted in `unknown` and left out of the
-- shares' denominator. Every combination is given, with 'all' where a dimension is rolled up:
-- filter `role = 'all' AND region = 'all'` for the month as a whole. A posting without a
-- region counts under region 'unknown'.
WITH ml AS (
    SELECT
        strftime(coalesce(posted_at, first_seen), '%Y-%m') AS month,
        role,
        coalesce(region, 'unknown') AS region,
        remote
    FROM postings
    WHERE is_ml
)
SELECT
    month,
    CASE WHEN grouping(role) = 1 THEN 'all' ELSE role END AS role,
    CASE WHEN grouping(region) = 1 THEN 'all' ELSE region END AS region,
    count(*) AS postings,
    count(*) FILTER (remote = 'remote') AS remote,
    count(*) FILTER (remote = 'hybrid') AS hybrid,
    count(*) FILTER (remote = 'onsite') AS onsite,
    count(*) FILTER (remote = 'unknown') AS unknown,
    round(count(*) FILTER (remote = 'remote') / nullif(count(*) FILTER (remote <> 'unknown'), 0), 4)
        AS remote_share,
    round(count(*) FILTER (remote = 'hybrid') / nullif(count(*) FILTER (remote <> 'unknown'), 0), 4)
        AS hybrid_share,
    round(count(*) FILTER (remote = 'onsite') / nullif(count(*) FILTER (remote <> 'unknown'), 0), 4)
        AS onsite_share
FROM ml
GROUP BY month, CUBE (role, region)
ORDER BY month, role, region
