-- Pay a posting stated but that lies outside the plausible bounds for its period (a typo, a
-- monthly figure marked yearly, a funding amount read as pay): the words, kept for review,
-- while every salary column stays empty. Counted in the `normalized_postings` asset.
ALTER TABLE normalized_postings ADD COLUMN salary_rejected VARCHAR;
ALTER TABLE version_postings ADD COLUMN salary_rejected VARCHAR;
