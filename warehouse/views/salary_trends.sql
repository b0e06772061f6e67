-- Annual USD base salary of ML postings by month, role and region.
SELECT
    strftime(coalesce(posted_at, first_seen), '%Y-%m') AS month,
    role,
    region,
    count(*) AS postings_with_salary,
    quantile_cont((salary_min_usd + salary_max_usd) / 2, 0.25) AS p25_usd,
    median((salary_min_usd + salary_max_usd) / 2) AS median_usd,
    quantile_cont((salary_min_usd + salary_max_usd) / 2, 0.75) AS p75_usd,
    count(*) < 5 AS few_postings
FROM postings
WHERE is_ml AND salary_min_usd IS NOT NULL AND salary_max_usd IS NOT NULL
GROUP BY ALL
ORDER BY month, role, region
