-- The title as the source wrote it, where cleaning changed it ("Licensed Psychiatrist -
-- Illinois" for the title "Licensed Psychiatrist"): dedupe keeps apart the jobs whose posted
-- titles name different places. The postings table keeps its representative record's.
ALTER TABLE normalized_postings ADD COLUMN posted_title VARCHAR;
ALTER TABLE version_postings ADD COLUMN posted_title VARCHAR;
ALTER TABLE postings ADD COLUMN posted_title VARCHAR;
