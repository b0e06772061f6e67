-- Postings per month posted, each once.
SELECT strftime(coalesce(posted_at, first_seen), '%Y-%m'), count(*)
FROM postings
GROUP BY 1
