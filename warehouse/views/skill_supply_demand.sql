-- Per month and skill: people offering it ("Who wants to be hired?" posts) vs ML postings
-- asking for it. supply_per_demand > 1: more people offer the skill than jobs ask for it.
WITH supply AS (
    SELECT month, skill, count(DISTINCT candidate_id) AS candidates
    FROM candidate_posts, unnest(skills) AS s(skill)
    WHERE month IS NOT NULL
    GROUP BY ALL
),
demand AS (
    SELECT strftime(coalesce(posted_at, first_seen), '%Y-%m') AS month, skill,
           count(*) AS postings
    FROM postings, unnest(skills) AS s(skill)
    WHERE is_ml
    GROUP BY ALL
)
SELECT
    coalesce(supply.month, demand.month) AS month,
    coalesce(supply.skill, demand.skill) AS skill,
    coalesce(supply.candidates, 0) AS candidates,
    coalesce(demand.postings, 0) AS postings,
    CASE WHEN coalesce(demand.postings, 0) > 0
         THEN round(coalesce(supply.candidates, 0) / demand.postings, 3) END AS supply_per_demand
FROM supply
FULL OUTER JOIN demand ON supply.month = demand.month AND supply.skill = demand.skill
ORDER BY month, postings + candidates DESC, skill
