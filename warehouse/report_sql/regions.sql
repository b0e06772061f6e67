-- ML postings per region, with the first and last date they were posted (chart "regions").
SELECT coalesce(region, 'unknown') AS region, count(*) AS n,
       min(coalesce(posted_at, first_seen)) AS first, max(coalesce(posted_at, first_seen)) AS last
FROM postings
WHERE is_ml
GROUP BY 1
ORDER BY n DESC, region
