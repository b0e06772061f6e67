-- An index of active ML postings, as labour-market researchers publish one: per month and
-- series (`dimension` 'all', 'role', 'region' or 'skill', and its `value`), the ML postings
-- active in the month (as in `monthly_postings`) relative to the series' base month = 100.
-- The base month is the series' first month with at least 20 active postings (its first month
-- when it never reaches 20; `base_active` says how many). `index_3m` is the trailing average
-- of the index over the last three months that hold data. Months in which no posting at all
-- is active (nothing was crawled) are left out rather than counted as zero; a series has a
-- row with `active = 0` in every other month from its first one on.
WITH months AS (
    SELECT DISTINCT
        posting_id,
        unnest(generate_series(
            date_trunc('month', started), date_trunc('month', ended), INTERVAL 1 MONTH
        )) AS month
    FROM active_spans
),
covered AS (SELECT DISTINCT month FROM months),
ml AS (
    SELECT m.month, p.posting_id, p.role, coalesce(p.region, 'unknown') AS region, p.skills
    FROM months AS m
    JOIN postings AS p USING (posting_id)
    WHERE p.is_ml
),
series AS (
    SELECT month, 'all' AS dimension, 'all' AS value, posting_id FROM ml
    UNION ALL
    SELECT month, 'role', role, posting_id FROM ml
    UNION ALL
    SELECT month, 'region', region, posting_id FROM ml
    UNION ALL
    SELECT month, 'skill', unnest(skills), posting_id FROM ml
),
-- `months` is distinct per posting and month, and a posting has one role, one region and
-- distinct skills, so a plain count counts each posting once.
counts AS (
    SELECT dimension, value, month, count(*) AS active
    FROM series
    GROUP BY ALL
),
filled AS (
    SELECT c.month, f.dimension, f.value, coalesce(k.active, 0) AS active
    FROM covered AS c
    JOIN (SELECT dimension, value, min(month) AS first FROM counts GROUP BY ALL) AS f
        ON c.month >= f.first
    LEFT JOIN counts AS k
        ON k.dimension = f.dimension AND k.value = f.value AND k.month = c.month
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
