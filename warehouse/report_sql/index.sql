-- The index of active ML postings, for the whole market and the roles in list ?.
SELECT month,
       CASE WHEN dimension = 'all' THEN 'all ML postings' ELSE value END AS series,
       index, active, base_month, base_active
FROM posting_index
WHERE dimension = 'all' OR (dimension = 'role' AND list_contains(?, value))
ORDER BY month
