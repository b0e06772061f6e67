-- Annual USD base salary by month, population, role, region and seniority. `population`
-- 'ml': ML postings; 'all': every posting, ML or not.
-- A posting's salary is the midpoint of salary_min_usd and salary_max_usd (annual USD); it
-- counts in every month it was posted or reposted (`posting_months`).
-- Every combination is given, with 'all' where a dimension is rolled up: filter
-- `population = 'ml' AND region = 'all' AND seniority = 'all'` for ML postings by month ×
-- role. A posting without a region counts under region 'unknown'.
-- `postings`: every posting of the cell; `postings_with_salary` (= `n`): those that state a
-- salary, so `postings_with_salary` of `postings` is how often the field is stated. Cells in
-- which no posting states a salary are left out.
-- `median_low`/`median_high`: a distribution-free 95% interval of the median (order
-- statistics, see the `median_low` macro). Cells are flagged, never hidden: `few_postings`
-- under 5 postings with a salary, `small_sample` under 20.
WITH pops AS (
    SELECT
        pm.population,
        pm.month,
        (p.salary_min_usd + p.salary_max_usd) / 2 AS salary_usd,
        p.role,
        coalesce(p.region, 'unknown') AS region,
        p.seniority
    FROM population_months AS pm
    JOIN postings AS p USING (posting_id)
),
-- A cell's salaries are listed and sorted once, and the quartiles and both ends of the
-- median's interval read from that sorted list (the `*_sorted` macros): one copy and one sort
-- of a cell's salaries instead of five copies, then three; months are written out once per
-- cell, not once per posting (issue 14).
cells AS (
    SELECT
        month,
        population,
        CASE WHEN grouping(role) = 1 THEN 'all' ELSE role END AS role,
        CASE WHEN grouping(region) = 1 THEN 'all' ELSE region END AS region,
        CASE WHEN grouping(seniority) = 1 THEN 'all' ELSE seniority END AS seniority,
        count(*) AS postings,
        list_sort(list(salary_usd) FILTER (salary_usd IS NOT NULL)) AS salaries
    FROM pops
    GROUP BY month, population, CUBE (role, region, seniority)
    HAVING count(salary_usd) > 0
)
SELECT
    strftime(month, '%Y-%m') AS month,
    population,
    role,
    region,
    seniority,
    postings,
    len(salaries) AS postings_with_salary,
    round(quantile_sorted(salaries, 0.25)) AS p25_usd,
    round(quantile_sorted(salaries, 0.5)) AS median_usd,
    round(quantile_sorted(salaries, 0.75)) AS p75_usd,
    len(salaries) < 5 AS few_postings,
    len(salaries) AS n,
    round(median_low_sorted(salaries)) AS median_low,
    round(median_high_sorted(salaries)) AS median_high,
    len(salaries) < 20 AS small_sample
FROM cells
ORDER BY cells.month, population DESC, role, region, seniority
