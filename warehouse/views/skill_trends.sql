-- How many ML postings ask for each skill, by month, and their share of that month's ML postings.
WITH ml AS (
    SELECT posting_id, strftime(coalesce(posted_at, first_seen), '%Y-%m') AS month, skills
    FROM postings
    WHERE is_ml
),
totals AS (SELECT month, count(*) AS ml_postings FROM ml GROUP BY month)
SELECT
    ml.month,
    skill,
    count(*) AS postings,
    round(count(*) / any_value(totals.ml_postings), 4) AS share_of_ml_postings
FROM ml
CROSS JOIN unnest(ml.skills) AS s(skill)
JOIN totals ON totals.month = ml.month
GROUP BY ALL
ORDER BY ml.month, postings DESC, skill
