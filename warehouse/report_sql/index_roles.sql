-- The ? roles with the most active ML postings in posting_index.
SELECT value
FROM posting_index
WHERE dimension = 'role'
GROUP BY value
ORDER BY sum(active) DESC, value
LIMIT ?
