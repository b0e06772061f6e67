-- ML postings asking for each skill, by month: how many, their share of the month's ML
-- postings, and the change against the three calendar months before.
-- `prev_3m_share` pools the three months before: postings asking for the skill in them divided
-- by all ML postings in them (NULL when those months hold no ML posting). `share_change` is
-- `share_of_ml_postings - prev_3m_share` (a fraction: 0.05 = 5 percentage points).
-- A skill asked for in the previous three months but not this month gets a row with
-- `postings = 0`, so falling skills show up too.
WITH ml AS (
    SELECT date_trunc('month', coalesce(posted_at, first_seen)) AS month, skills
    FROM postings
    WHERE is_ml
),
totals AS (SELECT month, count(*) AS ml_postings FROM ml GROUP BY month),
counts AS (
    SELECT ml.month, skill, count(*) AS postings
    FROM ml, unnest(ml.skills) AS s(skill)
    GROUP BY ALL
),
grid AS (
    SELECT DISTINCT t.month, c.skill
    FROM totals t
    JOIN counts c ON c.month BETWEEN t.month - INTERVAL 3 MONTH AND t.month
),
earlier AS (
    SELECT
        g.month,
        g.skill,
        (SELECT sum(c.postings) FROM counts c
         WHERE c.skill = g.skill
           AND c.month BETWEEN g.month - INTERVAL 3 MONTH AND g.month - INTERVAL 1 MONTH)
            AS prev_postings,
        (SELECT sum(t.ml_postings) FROM totals t
         WHERE t.month BETWEEN g.month - INTERVAL 3 MONTH AND g.month - INTERVAL 1 MONTH)
            AS prev_ml_postings
    FROM grid g
)
SELECT
    strftime(g.month, '%Y-%m') AS month,
    g.skill,
    coalesce(c.postings, 0) AS postings,
    t.ml_postings,
    round(coalesce(c.postings, 0) / t.ml_postings, 4) AS share_of_ml_postings,
    coalesce(e.prev_postings, 0)::BIGINT AS prev_3m_postings,
    e.prev_ml_postings::BIGINT AS prev_3m_ml_postings,
    round(coalesce(e.prev_postings, 0) / e.prev_ml_postings, 4) AS prev_3m_share,
    round(coalesce(c.postings, 0) / t.ml_postings
        - coalesce(e.prev_postings, 0) / e.prev_ml_postings, 4) AS share_change
FROM grid g
JOIN totals t ON t.month = g.month
JOIN earlier e ON e.month = g.month AND e.skill = g.skill
LEFT JOIN counts c ON c.month = g.month AND c.skill = g.skill
ORDER BY month, postings DESC, g.skill
