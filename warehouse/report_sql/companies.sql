-- The ? companies with the most new ML postings, all months (chart "companies").
SELECT company, sum(new_ml_postings)::INT AS total,
       arg_max(open_ml_postings, month)::INT AS open, min(month) AS first, max(month) AS last
FROM company_hiring
GROUP BY company
ORDER BY total DESC, open DESC, company
LIMIT ?
