-- Annual USD base salary of ML postings with a salary, by month, role, region and seniority.
-- A posting's salary is the midpoint of salary_min_usd and salary_max_usd (annual USD); it
-- counts in every month it was posted or reposted (`posting_months`).
-- Every combination is given, with 'all' where a dimension is rolled up: filter
-- `region = 'all' AND seniority = 'all'` for month × role. A posting without a region counts
-- under region 'unknown'.
-- `median_low`/`median_high`: a distribution-free 95% interval of the median (order
-- statistics, see the `median_low` macro); `n` = `postings_with_salary`. Cells are flagged,
-- never hidden: `few_postings` under 5 postings, `small_sample` under 20.
WITH paid AS (
    SELECT
        strftime(pm.month, '%Y-%m') AS month,
        p.role,
        coalesce(p.region, 'unknown') AS region,
        p.seniority,
        (p.salary_min_usd + p.salary_max_usd) / 2 AS salary_usd
    FROM posting_months AS pm
    JOIN postings AS p USING (posting_id)
    WHERE p.is_ml AND p.salary_min_usd IS NOT NULL AND p.salary_max_usd IS NOT NULL
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
    count(*) < 5 AS few_postings,
    count(*) AS n,
    round(median_low(list(salary_usd))) AS median_low,
    round(median_high(list(salary_usd))) AS median_high,
    count(*) < 20 AS small_sample
FROM paid
GROUP BY month, CUBE (role, region, seniority)
ORDER BY month, role, region, seniority
