-- Remote, hybrid and onsite shares of ML postings per month (chart "remote").
SELECT month, postings, unknown, remote_share, hybrid_share, onsite_share
FROM remote_trends
WHERE population = 'ml' AND role = 'all' AND region = 'all'
ORDER BY month
