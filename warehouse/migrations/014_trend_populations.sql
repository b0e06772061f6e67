-- Trend views by population (issue 16): `skill_trends`, `remote_trends` and `salary_trends`
-- give their figures over ML postings (`population = 'ml'`) and over every posting
-- (`population = 'all'`), and `skill_trends` renames its columns to say what they count:
--   share_of_ml_postings → share, ml_postings → n (already there), prev_3m_ml_postings →
--   prev_3m_n; postings_all, all_postings, share_of_all_postings, share_all_low and
--   share_all_high → the same columns on the `population = 'all'` rows.
-- The views are defined by `warehouse/views/*.sql` and made again (with their stored rows) by
-- every load; this drops the old ones so that a warehouse not yet loaded again names no old
-- column: querying it says the view is missing until `sourcing run` or `sourcing rebuild`.
DROP VIEW IF EXISTS skill_trends;
DROP VIEW IF EXISTS remote_trends;
DROP VIEW IF EXISTS salary_trends;
DROP TABLE IF EXISTS aggregates.skill_trends;
DROP TABLE IF EXISTS aggregates.remote_trends;
DROP TABLE IF EXISTS aggregates.salary_trends;
