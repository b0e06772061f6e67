-- Annual USD base salary of ML postings with a salary, by the regions hiring guides recommend
-- (North America, Western Europe, Eastern Europe, Latin America, South Asia, and East and
-- Southeast Asia as one), role and seniority: median, p25 and p75, with counts.
-- A posting's salary is the midpoint of salary_min_usd and salary_max_usd (annual USD); it
-- counts in its region (`postings.region`; postings without one are left out). Every
-- combination is given, with 'all' where role or seniority is rolled up. Rows with fewer than
-- 5 postings are flagged (`few_postings`), never hidden.
WITH paid AS (
    SELECT
        CASE
            WHEN region IN ('East Asia', 'Southeast Asia') THEN 'East and Southeast Asia'
            ELSE region
        END AS region,
        role,
        seniority,
        (salary_min_usd + salary_max_usd) / 2 AS salary_usd
    FROM postings
    WHERE is_ml
        AND salary_min_usd IS NOT NULL
        AND salary_max_usd IS NOT NULL
        AND region IN (
            'North America', 'Western Europe', 'Eastern Europe', 'Latin America', 'South Asia',
            'East Asia', 'Southeast Asia'
        )
)
SELECT
    region,
    CASE WHEN grouping(role) = 1 THEN 'all' ELSE role END AS role,
    CASE WHEN grouping(seniority) = 1 THEN 'all' ELSE seniority END AS seniority,
    count(*) AS postings_with_salary,
    round(quantile_cont(salary_usd, 0.25)) AS p25_usd,
    round(quantile_cont(salary_usd, 0.5)) AS median_usd,
    round(quantile_cont(salary_usd, 0.75)) AS p75_usd,
    count(*) < 5 AS few_postings
FROM paid
GROUP BY region, CUBE (role, seniority)
ORDER BY region, role, seniority
