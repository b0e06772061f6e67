-- Whether the salary's currency is a guess: a bare "$" (or "¥", "kr") the posting's country
-- could not resolve, or a structured amount without a currency code. Analysts who need
-- certainty filter on `NOT salary_currency_uncertain`.
ALTER TABLE normalized_postings ADD COLUMN salary_currency_uncertain BOOLEAN;
ALTER TABLE version_postings ADD COLUMN salary_currency_uncertain BOOLEAN;
ALTER TABLE postings ADD COLUMN salary_currency_uncertain BOOLEAN;
