-- What a sourcer's lead list needs beyond the contract columns: the name a person gave
-- (only when they wrote one), the opening words of their post, and the titles and links of
-- a company's ML postings.
ALTER TABLE candidates ADD COLUMN first_name VARCHAR;
ALTER TABLE candidates ADD COLUMN last_name VARCHAR;
ALTER TABLE candidates ADD COLUMN excerpt VARCHAR;
ALTER TABLE companies ADD COLUMN ml_titles VARCHAR[];
ALTER TABLE companies ADD COLUMN ml_urls VARCHAR[];
