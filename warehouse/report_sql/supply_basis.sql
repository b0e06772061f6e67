-- What the supply chart rests on: the months of skill_supply_demand, the candidates who
-- posted in them and the ML postings of them.
WITH months AS (SELECT min(month) AS first, max(month) AS last FROM skill_supply_demand)
SELECT first, last,
       (SELECT count(DISTINCT candidate_id) FROM candidate_posts
         WHERE month BETWEEN first AND last),
       (SELECT count(*) FROM postings
         WHERE is_ml AND strftime(coalesce(posted_at, first_seen), '%Y-%m') BETWEEN first AND last)
FROM months
