-- Postings asking for each skill, by month: how many, their share of the month's ML postings
-- with its 95% interval, the same over all postings, and the change against the three
-- calendar months before.
-- A posting counts in every month it was posted or reposted (`posting_months`): a Hacker News
-- post repeated in three monthly threads counts in each of the three.
-- `n` is the share's denominator (the month's ML postings); `share_low`/`share_high` its Wilson
-- 95% interval; `small_sample` flags n < 20, where the interval is wide: read with care.
-- `postings_all`, `all_postings`, `share_of_all_postings` and `share_all_low`/`share_all_high`
-- are the same over every posting of the month, ML or not.
-- `prev_3m_share` pools the three months before: ML postings asking for the skill in them
-- divided by all ML postings in them (NULL when those months hold no ML posting).
-- `share_change` is `share_of_ml_postings - prev_3m_share` (a fraction: 0.05 = 5 points).
-- A skill asked for in the previous three months but not this month gets a row with
-- `postings = 0`, so falling skills show up too.
WITH listed AS (
    SELECT pm.month, p.is_ml, p.skills
    FROM posting_months AS pm
    JOIN postings AS p USING (posting_id)
),
totals AS (
    SELECT month, count(*) FILTER (is_ml) AS ml_postings, count(*) AS all_postings
    FROM listed
    GROUP BY month
    HAVING ml_postings > 0
),
counts AS (
    SELECT listed.month, skill, count(*) FILTER (is_ml) AS postings, count(*) AS postings_all
    FROM listed, unnest(listed.skills) AS s(skill)
    GROUP BY ALL
),
grid AS (
    SELECT DISTINCT t.month, c.skill
    FROM totals t
    JOIN counts c ON c.month BETWEEN t.month - INTERVAL 3 MONTH AND t.month AND c.postings > 0
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
),
shares AS (
    SELECT
        g.month,
        g.skill,
        coalesce(c.postings, 0) AS postings,
        t.ml_postings,
        coalesce(c.postings_all, 0) AS postings_all,
        t.all_postings,
        coalesce(e.prev_postings, 0) AS prev_postings,
        e.prev_ml_postings
    FROM grid g
    JOIN totals t ON t.month = g.month
    JOIN earlier e ON e.month = g.month AND e.skill = g.skill
    LEFT JOIN counts c ON c.month = g.month AND c.skill = g.skill
)
SELECT
    strftime(month, '%Y-%m') AS month,
    skill,
    postings,
    ml_postings,
    round(postings / ml_postings, 4) AS share_of_ml_postings,
    prev_postings::BIGINT AS prev_3m_postings,
    prev_ml_postings::BIGINT AS prev_3m_ml_postings,
    round(prev_postings / prev_ml_postings, 4) AS prev_3m_share,
    round(postings / ml_postings - prev_postings / prev_ml_postings, 4) AS share_change,
    ml_postings AS n,
    round(wilson_low(postings, ml_postings), 4) AS share_low,
    round(wilson_high(postings, ml_postings), 4) AS share_high,
    ml_postings < 20 AS small_sample,
    postings_all,
    all_postings,
    round(postings_all / all_postings, 4) AS share_of_all_postings,
    round(wilson_low(postings_all, all_postings), 4) AS share_all_low,
    round(wilson_high(postings_all, all_postings), 4) AS share_all_high
FROM shares
ORDER BY month, postings DESC, skill
