-- Remote postings, postings stating a policy and all postings, over every posting.
SELECT sum(remote), sum(stated), sum(postings)
FROM remote_trends
WHERE population = 'all' AND role = 'all' AND region = 'all'
