-- Per source and crawl run: how many records it listed, how many of them are the same job as
-- a record of another source, and how many repeat a job the same source already listed.
WITH listed AS (
    SELECT
        cr.source,
        cr.run_id,
        cr.crawled_at,
        cr.source_id,
        bool_or(p.source_count > 1 AND EXISTS (
            SELECT 1 FROM posting_sources AS o
            WHERE o.posting_id = ps.posting_id AND o.source <> ps.source
        )) AS cross_source,
        bool_or(EXISTS (
            SELECT 1 FROM posting_sources AS o
            WHERE o.posting_id = ps.posting_id AND o.source = ps.source
                AND o.source_id <> ps.source_id
        )) AS same_source
    FROM crawl_records AS cr
    JOIN posting_sources AS ps ON ps.source = cr.source AND ps.source_id = cr.source_id
    JOIN postings AS p ON p.posting_id = ps.posting_id
    GROUP BY cr.source, cr.run_id, cr.crawled_at, cr.source_id
)
SELECT
    source,
    run_id,
    min(crawled_at) AS crawled_at,
    count(*) AS records,
    count(*) FILTER (cross_source) AS cross_source_duplicates,
    round(count(*) FILTER (cross_source) / count(*), 4) AS cross_source_rate,
    count(*) FILTER (same_source) AS same_source_duplicates,
    round(count(*) FILTER (same_source) / count(*), 4) AS same_source_rate
FROM listed
GROUP BY source, run_id
ORDER BY source, crawled_at, run_id
