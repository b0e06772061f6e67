-- Postings per source and month posted (chart "coverage"); a posting several sources list
-- counts once in each.
SELECT ps.source, strftime(coalesce(p.posted_at, p.first_seen), '%Y-%m') AS month,
       count(DISTINCT p.posting_id)
FROM postings p JOIN posting_sources ps USING (posting_id)
GROUP BY ALL
ORDER BY ALL
