-- Median ML salary per month and role, with its 95% interval (chart "salary").
SELECT month, role, median_usd, postings_with_salary, small_sample, median_low, median_high
FROM salary_trends
WHERE population = 'ml' AND region = 'all' AND seniority = 'all' AND role <> 'all'
ORDER BY month
