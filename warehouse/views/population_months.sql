-- `posting_months` once for each population a posting belongs to: 'all' (every posting) and,
-- for an ML posting, 'ml' as well. The trend views (`skill_trends`, `remote_trends`,
-- `salary_trends`) count each population from it.
SELECT pm.posting_id, pm.month, pm.skills, 'all' AS population
FROM posting_months AS pm
UNION ALL
SELECT pm.posting_id, pm.month, pm.skills, 'ml'
FROM posting_months AS pm
JOIN postings AS p USING (posting_id)
WHERE p.is_ml
