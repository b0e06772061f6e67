-- The months each posting was posted or reposted in: one row per posting and month. A Hacker
-- News post repeated in three monthly threads (merged into one posting by dedupe) has three
-- rows; a job board record has the month it was posted. The trend views (`skill_trends`,
-- `remote_trends`, `salary_trends`) count a posting once in each of its months.
-- `skills`: what the posting's records of that month ask for (every skill any of them names,
-- see `active_spans`), so a repost whose text changed counts with its new skills.
-- Most postings have one span in a month, whose skills need no merging: only the months of
-- several spans are grouped (issue 14: grouping every span by its posting's id, with its
-- skills, was the cost of this view).
WITH months AS (
    SELECT posting_id, date_trunc('month', started) AS month, skills FROM active_spans
),
several AS (
    SELECT posting_id, month FROM months GROUP BY ALL HAVING count(*) > 1
)
SELECT posting_id, month, list_distinct(skills) AS skills
FROM months
ANTI JOIN several USING (posting_id, month)
UNION ALL
SELECT posting_id, month, list_distinct(flatten(list(skills)))
FROM months
SEMI JOIN several USING (posting_id, month)
GROUP BY ALL
