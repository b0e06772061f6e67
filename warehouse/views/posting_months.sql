-- The months each posting was posted or reposted in: one row per posting and month. A Hacker
-- News post repeated in three monthly threads (merged into one posting by dedupe) has three
-- rows; a job board record has the month it was posted. The trend views (`skill_trends`,
-- `remote_trends`, `salary_trends`) count a posting once in each of its months.
SELECT DISTINCT posting_id, date_trunc('month', started) AS month
FROM active_spans
