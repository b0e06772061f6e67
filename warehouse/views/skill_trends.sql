-- Postings asking for each skill, by month and population (`population` 'ml': ML postings;
-- 'all': every posting, ML or not): how many, their share of the month's postings of that
-- population with its 95% interval, and the change against the three calendar months before.
-- A posting counts in every month it was posted or reposted (`posting_months`), with the
-- skills its records of that month ask for: a Hacker News post repeated in three monthly
-- threads counts in each of the three, each time with what it said then.
-- `postings`: postings of the population asking for the skill; `n`: the share's denominator
-- (the month's postings of the population); `share_low`/`share_high`: its Wilson 95%
-- interval; `small_sample` flags n < 20, where the interval is wide: read with care.
-- `prev_3m_postings` / `prev_3m_n` pool the three months before; `prev_3m_share` is their
-- ratio and `share_change` = `share - prev_3m_share` (a fraction: 0.05 = 5 points). When
-- those months hold no posting of the population (the first month of the data), all four are
-- NULL, never 0. A skill asked for in the previous three months but not this month gets a row
-- with `postings = 0`, so falling skills show up too.
WITH totals AS (
    SELECT month, population, count(*) AS n FROM population_months GROUP BY ALL
),
counts AS (
    SELECT month, population, skill, count(*) AS postings
    FROM population_months AS pm, unnest(pm.skills) AS s(skill)
    GROUP BY ALL
),
grid AS (
    SELECT DISTINCT t.month, t.population, c.skill
    FROM totals AS t
    JOIN counts AS c
        ON c.population = t.population
        AND c.month BETWEEN t.month - INTERVAL 3 MONTH AND t.month
),
prev_totals AS (
    SELECT t.month, t.population, sum(e.n) AS prev_n
    FROM totals AS t
    JOIN totals AS e
        ON e.population = t.population
        AND e.month BETWEEN t.month - INTERVAL 3 MONTH AND t.month - INTERVAL 1 MONTH
    GROUP BY ALL
),
prev_counts AS (
    SELECT g.month, g.population, g.skill, sum(c.postings) AS prev_postings
    FROM grid AS g
    JOIN counts AS c
        ON c.population = g.population AND c.skill = g.skill
        AND c.month BETWEEN g.month - INTERVAL 3 MONTH AND g.month - INTERVAL 1 MONTH
    GROUP BY ALL
),
shares AS (
    SELECT
        g.month,
        g.population,
        g.skill,
        coalesce(c.postings, 0) AS postings,
        t.n,
        CASE WHEN pt.prev_n IS NOT NULL THEN coalesce(pc.prev_postings, 0) END AS prev_postings,
        pt.prev_n
    FROM grid AS g
    JOIN totals AS t USING (month, population)
    LEFT JOIN counts AS c USING (month, population, skill)
    LEFT JOIN prev_totals AS pt USING (month, population)
    LEFT JOIN prev_counts AS pc USING (month, population, skill)
)
SELECT
    strftime(month, '%Y-%m') AS month,
    population,
    skill,
    postings,
    n,
    round(postings / n, 4) AS share,
    round(wilson_low(postings, n), 4) AS share_low,
    round(wilson_high(postings, n), 4) AS share_high,
    n < 20 AS small_sample,
    prev_postings::BIGINT AS prev_3m_postings,
    prev_n::BIGINT AS prev_3m_n,
    round(prev_postings / prev_n, 4) AS prev_3m_share,
    round(postings / n - prev_postings / prev_n, 4) AS share_change
FROM shares
ORDER BY month, population DESC, postings DESC, skill
