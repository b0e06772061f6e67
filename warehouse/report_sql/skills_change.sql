-- Each skill's share change in month ? against the three months before (chart "skills");
-- the first month of those three that has ML postings comes last.
SELECT skill, share_change, postings, n, prev_3m_postings, prev_3m_n,
       greatest(
           strftime(CAST(? || '-01' AS DATE) - INTERVAL 3 MONTH, '%Y-%m'),
           (SELECT min(month) FROM skill_trends WHERE population = 'ml')
       ) AS first_month
FROM skill_trends
WHERE population = 'ml' AND month = ? AND postings + prev_3m_postings >= 2
ORDER BY share_change DESC, skill
