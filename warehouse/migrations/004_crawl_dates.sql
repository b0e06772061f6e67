-- Incremental loads (issue 5): the job records of each crawl date (a raw-zone date folder, a
-- Dagster partition) normalized once, kept per date; `normalized_postings` and
-- `skipped_records` are then the latest version of every record across the dates.

-- Every raw file of each crawl date the warehouse loaded, with its size: a date whose files
-- differ from the raw zone's (a new crawl, a scrubbed file) is loaded again.
CREATE TABLE crawl_files (
    crawl_date  DATE NOT NULL,
    raw_file    VARCHAR PRIMARY KEY,  -- raw/<source>/<YYYY-MM-DD>/<run-id>.jsonl
    bytes       BIGINT NOT NULL
);

-- One row per crawl date and job record: its latest version that day. Times are as the raw
-- zone spells them: versions compare as text, like pipelines/versions.py.
CREATE TABLE record_versions (
    crawl_date   DATE NOT NULL,
    source       VARCHAR NOT NULL,
    source_id    VARCHAR NOT NULL,
    read_order   INTEGER NOT NULL,  -- first appearance among the date's records, in file order
    fetched_at   VARCHAR NOT NULL,
    first_seen   VARCHAR NOT NULL,  -- the earliest fetched_at of the record that day
    last_seen    VARCHAR NOT NULL,
    url          VARCHAR,
    skip_reason  VARCHAR,           -- NULL: it gave the rows of version_postings
    PRIMARY KEY (crawl_date, source, source_id)
);

-- The normalized rows of each version: `normalized_postings`' columns plus `crawl_date`
-- (`first_seen`/`last_seen` over that date only).
CREATE TABLE version_postings AS SELECT * FROM normalized_postings WITH NO DATA;
ALTER TABLE version_postings ADD COLUMN crawl_date DATE;
ALTER TABLE version_postings ADD PRIMARY KEY (crawl_date, source, source_id, role_index);

-- crawl_records is kept per crawl date too.
ALTER TABLE crawl_records ADD COLUMN crawl_date DATE;
UPDATE crawl_records SET crawl_date = CAST(split_part(raw_file, '/', 3) AS DATE);
