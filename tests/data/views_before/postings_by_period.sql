-- postings_by_period as defined before the running counts (commit 438e84e): the reference
-- tests/test_running_counts.py compares the running-count view with, row for row.
-- Active, new and closed postings per month and per ISO week (`grain`): what
-- `monthly_postings` and `weekly_postings` show, one grain each.
-- active: open at any time in the period (started before its end and not ended before its
-- start, see `active_spans`); new: first opened in it; closed: closed in it (`closed_at` is
-- the first instant after, so a Hacker News post closes in its thread's month).
-- A posting counts once in each of its countries (`countries`, else `country`, else
-- 'unknown') and once in each source that listed it; once in every 'all' row.
WITH periods AS (
    SELECT
        grain,
        posting_id,
        source,
        unnest(generate_series(
            date_trunc(grain, started), date_trunc(grain, ended),
            CASE grain WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 7 DAY END
        )) AS period,
        'active' AS kind
    FROM active_spans, (VALUES ('month'), ('week')) AS g(grain)
    UNION ALL
    SELECT DISTINCT grain, posting_id, source, date_trunc(grain, opened), 'new'
    FROM active_spans, (VALUES ('month'), ('week')) AS g(grain)
    UNION ALL
    SELECT DISTINCT
        grain, posting_id, source, date_trunc(grain, closed - INTERVAL 1 MICROSECOND), 'closed'
    FROM active_spans, (VALUES ('month'), ('week')) AS g(grain)
    WHERE closed IS NOT NULL
),
-- A posting is counted once per cell with no COUNT(DISTINCT) over the cube: its role, region
-- and is_ml are its own, so only spans, sources and countries can repeat it. The periods are
-- made distinct per posting and source first, then counted at the four levels of source and
-- country (each kept or rolled up), each a plain count over CUBE (role, region).
by_source AS (
    SELECT DISTINCT grain, period, kind, posting_id, source FROM periods
),
by_posting AS (
    SELECT DISTINCT grain, period, kind, posting_id, NULL::VARCHAR AS source FROM by_source
),
attrs AS (
    SELECT posting_id, role, coalesce(region, 'unknown') AS region, is_ml FROM postings
),
places AS (
    SELECT
        posting_id,
        unnest(coalesce(
            nullif(list_distinct(list_filter(list_append(countries, country), lambda c: c IS NOT NULL)), []),
            ['unknown']
        )) AS country
    FROM postings
),
levels AS (
    SELECT b.*, p.country FROM by_source AS b JOIN places AS p USING (posting_id)
    UNION ALL
    SELECT b.*, p.country FROM by_posting AS b JOIN places AS p USING (posting_id)
    UNION ALL
    SELECT *, NULL FROM by_source
    UNION ALL
    SELECT *, NULL FROM by_posting
)
SELECT
    grain,
    CASE grain WHEN 'month' THEN strftime(period, '%Y-%m') ELSE strftime(period, '%G-W%V') END
        AS period,
    coalesce(source, 'all') AS source,
    CASE WHEN grouping(role) = 1 THEN 'all' ELSE role END AS role,
    CASE WHEN grouping(region) = 1 THEN 'all' ELSE region END AS region,
    coalesce(country, 'all') AS country,
    is_ml,
    count(*) FILTER (kind = 'active') AS active,
    count(*) FILTER (kind = 'new') AS new,
    count(*) FILTER (kind = 'closed') AS closed
FROM levels
JOIN attrs USING (posting_id)
GROUP BY grain, period, is_ml, source, country, CUBE (role, region)
-- Stored in this order (`warehouse.aggregates`), so `monthly_postings` and `weekly_postings`
-- read their rows in order without sorting them again on every query.
ORDER BY grain, period, source, role, region, country, is_ml
