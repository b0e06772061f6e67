-- Cross-source dedupe, provenance of every merge, and posting lifecycle (issue 5).

-- The job URL each normalized row is about (pipelines/urls.py), every job URL it links, and
-- when the source says it expires (Hacker News: the end of its thread's month).
ALTER TABLE normalized_postings ADD COLUMN canonical_url VARCHAR;
ALTER TABLE normalized_postings ADD COLUMN urls VARCHAR[];
ALTER TABLE normalized_postings ADD COLUMN expires_at TIMESTAMP;

-- The member whose fields the posting took ("greenhouse:4100201"), and how often it came back
-- after closing.
ALTER TABLE postings ADD COLUMN canonical_source VARCHAR;
ALTER TABLE postings ADD COLUMN repost_count INTEGER DEFAULT 0;

-- How each source record joined its posting: same_record / apply_url / near_duplicate, the
-- similarity of that match, the member it was matched to ("source:source_id"), and whether it
-- is the canonical member.
ALTER TABLE posting_sources ADD COLUMN match_method VARCHAR;
ALTER TABLE posting_sources ADD COLUMN similarity DOUBLE;
ALTER TABLE posting_sources ADD COLUMN matched_to VARCHAR;
ALTER TABLE posting_sources ADD COLUMN is_canonical BOOLEAN;
ALTER TABLE posting_sources ADD COLUMN canonical_url VARCHAR;

-- Which records each crawl file listed: the input of lifecycle (a record missing from a later
-- crawl of its board has closed) and of the duplicate rate per source and run.
CREATE TABLE crawl_records (
    raw_file    VARCHAR NOT NULL,  -- raw/<source>/<YYYY-MM-DD>/<run-id>.jsonl
    run_id      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    scope       VARCHAR NOT NULL,  -- what one crawl lists in full: "greenhouse/<board>", "remoteok"
    source_id   VARCHAR NOT NULL,
    crawled_at  TIMESTAMP NOT NULL,  -- the newest fetched_at of the file
    PRIMARY KEY (raw_file, source, source_id)
);
