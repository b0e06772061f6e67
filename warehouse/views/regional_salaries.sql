-- Annual USD base salary of ML postings by role, seniority and region, over the whole
-- warehouse (issue 13: where to hire remotely, and at what pay). Salary as in `salary_trends`:
-- the midpoint of salary_min_usd and salary_max_usd; each posting counts once (not per month),
-- open or closed. Postings without a region are left out (they say nothing about one).
-- Every combination is given, with 'all' where a dimension is rolled up: filter
-- `role = 'all' AND seniority = 'all'` to compare regions as a whole.
-- `recommended`: one of the regions the hiring guides recommend (North America, Western and
-- Eastern Europe, Latin America, South Asia, East and Southeast Asia); the other regions are
-- kept, flagged false. `median_low`/`median_high`: distribution-free 95% interval of the
-- median (order statistics, the `median_low` macro); `small_sample` flags n < 20.
WITH paid AS (
    SELECT
        role,
        seniority,
        region,
        (salary_min_usd + salary_max_usd) / 2 AS salary_usd
    FROM postings
    WHERE is_ml AND region IS NOT NULL
        AND salary_min_usd IS NOT NULL AND salary_max_usd IS NOT NULL
)
SELECT
    CASE WHEN grouping(region) = 1 THEN 'all' ELSE region END AS region,
    CASE WHEN grouping(role) = 1 THEN 'all' ELSE role END AS role,
    CASE WHEN grouping(seniority) = 1 THEN 'all' ELSE seniority END AS seniority,
    grouping(region) = 0 AND region IN (
        'North America', 'Western Europe', 'Eastern Europe', 'Latin America', 'South Asia',
        'East Asia', 'Southeast Asia'
    ) AS recommended,
    count(*) AS n,
    round(quantile_cont(salary_usd, 0.25)) AS p25_usd,
    round(quantile_cont(salary_usd, 0.5)) AS median_usd,
    round(quantile_cont(salary_usd, 0.75)) AS p75_usd,
    round(median_low(list(salary_usd))) AS median_low,
    round(median_high(list(salary_usd))) AS median_high,
    count(*) < 20 AS small_sample
FROM paid
GROUP BY CUBE (region, role, seniority)
ORDER BY region, role, seniority
