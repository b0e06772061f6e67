-- Companies hiring for ML now, busiest first: what a sourcer calls first.
SELECT name, domain, ml_postings, open_postings, hiring_velocity, roles, top_skills,
       salary_min_usd, salary_max_usd, countries, remote_share, ats, careers_url, contact, url
FROM companies
WHERE ml_postings > 0
ORDER BY hiring_velocity DESC, ml_postings DESC, name
