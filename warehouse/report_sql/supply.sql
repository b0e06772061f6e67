-- The ? skills most named by candidates and ML postings together, all months, from
-- skill_supply_demand (a candidate counts once in each month they posted).
SELECT skill, sum(candidates)::INT AS candidates, sum(postings)::INT AS postings
FROM skill_supply_demand
GROUP BY skill
ORDER BY sum(candidates) + sum(postings) DESC, skill
LIMIT ?
