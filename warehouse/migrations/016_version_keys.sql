-- Each record version normalized once (issue 14): a crawl date's record version carries the
-- key of its normalized result (pipelines.versions.version_key); a later load finding the same
-- key reuses that version's rows of version_postings instead of normalizing it again.
ALTER TABLE record_versions ADD COLUMN version_key VARCHAR;
