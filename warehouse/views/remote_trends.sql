-- Remote, hybrid and onsite shares of ML postings by month, role and region
-- (postings that do not say are counted apart, not in the shares' denominator).
SELECT
    strftime(coalesce(posted_at, first_seen), '%Y-%m') AS month,
    role,
    region,
    count(*) AS postings,
    count(*) FILTER (remote = 'unknown') AS unknown,
    round(count(*) FILTER (remote = 'remote') / nullif(count(*) FILTER (remote <> 'unknown'), 0), 4)
        AS remote_share,
    round(count(*) FILTER (remote = 'hybrid') / nullif(count(*) FILTER (remote <> 'unknown'), 0), 4)
        AS hybrid_share,
    round(count(*) FILTER (remote = 'onsite') / nullif(count(*) FILTER (remote <> 'unknown'), 0), 4)
        AS onsite_share
FROM postings
WHERE is_ml
GROUP BY ALL
ORDER BY month, role, region
