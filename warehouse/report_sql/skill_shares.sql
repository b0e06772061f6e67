-- Share of the month's ML postings asking for each skill, with its interval (chart
-- "skill_shares").
SELECT month, skill, share, n, small_sample, share_low, share_high
FROM skill_trends
WHERE population = 'ml'
ORDER BY month
