-- An index of active ML postings, as labour-market researchers publish one: per month and
-- series (`dimension` 'all', 'role', 'region' or 'skill', and its `value`), the ML postings
-- active in the month (as in `monthly_postings`) relative to the series' base month = 100.
-- The base month is the series' first month with at least 20 active postings (its first month
-- when it never reaches 20; `base_active` says how many). `index_3m` is the trailing average
-- of the index over the last three months that hold data. Months in which no posting at all
-- is active (nothing was crawled) are left out rather than counted as zero; a series has a
-- row with `active = 0` in every other month from its first one on.
-- Running counts (issue 14): a posting is not expanded over every month it is active. Each run
-- of its months adds +1 in its first month and -1 in the month after; a running sum per series
-- gives `active`. A posting of one span is one run; the months of a posting of several
-- (a repost, a second source) are listed once each, so overlaps count once and gaps not at all.
WITH spans AS (
    SELECT
        posting_id,
        count(*) AS spans,
        min(date_trunc('month', started)) AS first,
        max(date_trunc('month', ended)) AS last
    FROM active_spans
    GROUP BY posting_id
),
runs AS (
    SELECT posting_id, first, last FROM spans WHERE spans = 1
    UNION ALL
    SELECT DISTINCT
        posting_id,
        unnest(generate_series(
            date_trunc('month', started), date_trunc('month', ended), INTERVAL 1 MONTH
        )) AS month,
        month
    FROM active_spans
    SEMI JOIN spans ON spans.posting_id = active_spans.posting_id AND spans.spans > 1
),
steps AS (
    SELECT posting_id, first AS month, 1 AS step FROM runs
    UNION ALL
    SELECT posting_id, last + INTERVAL 1 MONTH, -1 FROM runs
),
calendar AS (
    SELECT unnest(generate_series(min(first), max(last), INTERVAL 1 MONTH)) AS month FROM runs
),
-- The months in which any posting, ML or not, is active.
covered AS (
    SELECT month
    FROM (
        SELECT c.month, sum(coalesce(s.step, 0)) OVER (ORDER BY c.month) AS active
        FROM calendar AS c
        LEFT JOIN (SELECT month, sum(step) AS step FROM steps GROUP BY ALL) AS s USING (month)
    )
    WHERE active > 0
),
ml AS (
    SELECT s.month, s.step, p.role, coalesce(p.region, 'unknown') AS region, p.skills
    FROM steps AS s
    JOIN postings AS p USING (posting_id)
    WHERE p.is_ml
),
series AS (
    SELECT month, 'all' AS dimension, 'all' AS value, step FROM ml
    UNION ALL
    SELECT month, 'role', role, step FROM ml
    UNION ALL
    SELECT month, 'region', region, step FROM ml
    UNION ALL
    SELECT month, 'skill', unnest(skills), step FROM ml
),
-- A posting has one role, one region and distinct skills, so it counts once in each series.
summed AS (
    SELECT dimension, value, month, sum(step) AS step
    FROM series
    GROUP BY ALL
),
counts AS (
    SELECT
        d.dimension,
        d.value,
        c.month,
        sum(coalesce(s.step, 0)) OVER (
            PARTITION BY d.dimension, d.value ORDER BY c.month
        )::BIGINT AS active
    FROM calendar AS c
    CROSS JOIN (SELECT DISTINCT dimension, value FROM summed) AS d
    LEFT JOIN summed AS s
        ON s.dimension = d.dimension AND s.value = d.value AND s.month = c.month
),
filled AS (
    SELECT month, dimension, value, active
    FROM (
        SELECT
            *,
            min(month) FILTER (active > 0) OVER (PARTITION BY dimension, value) AS first
        FROM counts
    )
    SEMI JOIN covered USING (month)
    WHERE month >= first
),
based AS (
    SELECT
        *,
        coalesce(
            min(month) FILTER (active >= 20) OVER (PARTITION BY dimension, value),
            min(month) FILTER (active > 0) OVER (PARTITION BY dimension, value)
        ) AS base_month
    FROM filled
),
indexed AS (
    SELECT
        *,
        max(active) FILTER (month = base_month) OVER (PARTITION BY dimension, value)
            AS base_active
    FROM based
)
SELECT
    strftime(month, '%Y-%m') AS month,
    dimension,
    value,
    active,
    strftime(base_month, '%Y-%m') AS base_month,
    base_active,
    round(100 * active / base_active, 1) AS index,
    round(avg(100 * active / base_active) OVER (
        PARTITION BY dimension, value ORDER BY month ROWS 2 PRECEDING
    ), 1) AS index_3m
FROM indexed
ORDER BY dimension, value, month
