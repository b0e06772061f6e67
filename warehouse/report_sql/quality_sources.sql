-- Data quality per source (and 'all' last), from data_quality: the source rows, the shares
-- with a salary, a country and skills, the share with no title, the share whose company is
-- a place, an e-mail address, a link or a date, and the first and last date its postings
-- were posted (or first seen).
WITH quality AS (
    SELECT source,
           max(total) FILTER (field = 'title' AND kind = 'filled') AS source_rows,
           max(share) FILTER (field = 'salary_min' AND kind = 'filled') AS salary,
           max(share) FILTER (field = 'country' AND kind = 'filled') AS country,
           max(share) FILTER (field = 'skills' AND kind = 'filled') AS skills,
           1 - max(share) FILTER (field = 'title' AND kind = 'filled') AS empty_title,
           sum(count) FILTER (kind LIKE 'company_is_%')
               / max(total) FILTER (field = 'title' AND kind = 'filled') AS suspect_company
    FROM data_quality
    GROUP BY source
),
dates AS (
    SELECT ps.source, min(coalesce(p.posted_at, p.first_seen)) AS first,
           max(coalesce(p.posted_at, p.first_seen)) AS last
    FROM posting_sources ps JOIN postings p USING (posting_id)
    GROUP BY ps.source
    UNION ALL
    SELECT 'all', min(coalesce(posted_at, first_seen)), max(coalesce(posted_at, first_seen))
    FROM postings
)
SELECT quality.*, dates.first, dates.last
FROM quality LEFT JOIN dates USING (source)
WHERE source_rows > 0
ORDER BY source = 'all', source
