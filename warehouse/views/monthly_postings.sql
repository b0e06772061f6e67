-- Active, new and closed postings per month, source, role, region, country and is_ml
-- (definitions in `postings_by_period` and docs/method.md). Every combination is given, with
-- 'all' where a dimension is rolled up: `source = 'all' AND role = 'all' AND region = 'all'
-- AND country = 'all'` is the month as a whole for ML (`is_ml`) or other postings; add the
-- two for every posting (a posting is one or the other, so the sum counts it once).
-- Rows come in the order `postings_by_period` stores them: month, source, role, region,
-- country, is_ml (the stored table is already sorted; add ORDER BY when you need another).
SELECT period AS month, source, role, region, country, is_ml, active, new, closed
FROM postings_by_period
WHERE grain = 'month'
