-- Which company each posting belongs to (`companies.company_id`), whatever spelling the
-- posting uses ("Lumenforge AI, Inc.", "lumenforge ai"): views count a company once.
CREATE TABLE company_postings (
    posting_id  VARCHAR PRIMARY KEY,
    company_id  VARCHAR NOT NULL
);
