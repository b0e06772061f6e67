-- Annual USD base salary of ML postings with a salary, by month, role, region and seniority.
-- A posting's salary is the midpoint of salary_min_usd and salary_max_usd (annual USD); its
-- month is the month it was posted (first seen when the source gives no date).
-- Every combination is given, with 'all' where a dimension is rolled up: filter
-- `region = 'all' AND seniority = 'all'` for month × role. A posting without a region counts
-- under region 'unknown'. Rows with fewer than 5 postings are flagged (`few_postings`), never
-- hidden: read their percentiles with care.
WITH paid AS (
    SELECT
        strftime(coalesce(posted_at, first_seen), '%Y-%m') AS month,
        role,
        coalesce(region, 'unknown') AS region,
        seniority,
        (salary_min_usd + salary_max_usd) / 2 AS salary_usd
    FROM postings
    WHERE is_ml AND salary_min_usd IS NOT NULL AND salary_max_usd IS NOT NULL
)
SELECT
    month,
    CASE WHEN grouping(role) = 1 THEN 'all' ELSE role END AS role,
    CASE WHEN grouping(region) = 1 THEN 'all' ELSE region END AS region,
    CASE WHEN grouping(seniority) = 1 THEN 'all' ELSE seniority END AS seniority,
    count(*) AS postings_with_salary,
    round(quantile_cont(salary_usd, 0.25)) AS p25_usd,
    round(quantile_cont(salary_usd, 0.5)) AS median_usd,
    round(quantile_cont(salary_usd, 0.75)) AS p75_usd,
    count(*) < 5 AS few_postings
FROM paid
GROUP BY month, CUBE (role, region, seniority)
ORDER BY month, role, region, seniority
