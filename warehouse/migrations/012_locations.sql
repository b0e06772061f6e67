-- Every place a posting names, as written ("Austin, TX", "Remote (US/Canada)"): one entry per
-- office or area of its location text, and of every record of a job listed once per city.
ALTER TABLE normalized_postings ADD COLUMN locations VARCHAR[];
ALTER TABLE version_postings ADD COLUMN locations VARCHAR[];
ALTER TABLE postings ADD COLUMN locations VARCHAR[];
