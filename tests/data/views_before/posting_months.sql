-- The months each posting was posted or reposted in: one row per posting and month. A Hacker
-- News post repeated in three monthly threads (merged into one posting by dedupe) has three
-- rows; a job board record has the month it was posted. The trend views (`skill_trends`,
-- `remote_trends`, `salary_trends`) count a posting once in each of its months.
-- `skills`: what the posting's records of that month ask for (every skill any of them names,
-- see `active_spans`), so a repost whose text changed counts with its new skills.
SELECT posting_id, date_trunc('month', started) AS month, list_distinct(flatten(list(skills)))
    AS skills
FROM active_spans
GROUP BY ALL
