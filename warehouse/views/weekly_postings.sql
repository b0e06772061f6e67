-- Active, new and closed postings per ISO week ('2026-W49', weeks start on Monday); the same
-- dimensions and 'all' rows as `monthly_postings`.
-- Rows come in the order `postings_by_period` stores them: week, source, role, region,
-- country, is_ml (the stored table is already sorted; add ORDER BY when you need another).
SELECT period AS week, source, role, region, country, is_ml, active, new, closed
FROM postings_by_period
WHERE grain = 'week'
