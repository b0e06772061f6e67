-- The median salary midpoint (annual USD) of ML postings that state both ends.
SELECT median((salary_min_usd + salary_max_usd) / 2)
FROM postings
WHERE is_ml AND salary_min_usd IS NOT NULL AND salary_max_usd IS NOT NULL
