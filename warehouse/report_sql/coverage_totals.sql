-- Postings, ML postings, ML postings with a salary, and the first and last date posted.
SELECT count(*), count(*) FILTER (is_ml),
       count(*) FILTER (is_ml AND salary_min_usd IS NOT NULL),
       min(coalesce(posted_at, first_seen)), max(coalesce(posted_at, first_seen))
FROM postings
