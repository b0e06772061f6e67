-- Remote, hybrid and onsite shares by month, population, role and region, each with its 95%
-- interval, and how many postings state a policy at all. `population` 'ml': ML postings;
-- 'all': every posting, ML or not.
-- A posting counts in every month it was posted or reposted (`posting_months`).
-- Postings that do not say (`remote = 'unknown'`) are counted in `unknown` and left out of the
-- three shares' denominator, `stated` (= `n`), so that a change in how often postings state
-- the policy does not pass for a change of policy; `stated` of `postings` is how many state
-- it, and `unknown_share` (over all the cell's postings) shows that change on its own.
-- `remote_share_of_postings` is remote over every posting of the cell, unknown included: a
-- floor on the remote share.
-- `*_low`/`*_high`: Wilson 95% intervals; `small_sample` flags n < 20.
-- Every combination is given, with 'all' where a dimension is rolled up: filter
-- `population = 'ml' AND role = 'all' AND region = 'all'` for the ML postings of the month as
-- a whole. A posting without a region counts under region 'unknown'.
WITH pops AS (
    SELECT
        strftime(pm.month, '%Y-%m') AS month,
        pm.population,
        p.role,
        coalesce(p.region, 'unknown') AS region,
        p.remote
    FROM population_months AS pm
    JOIN postings AS p USING (posting_id)
),
counted AS (
    SELECT
        month,
        population,
        CASE WHEN grouping(role) = 1 THEN 'all' ELSE role END AS role,
        CASE WHEN grouping(region) = 1 THEN 'all' ELSE region END AS region,
        count(*) AS postings,
        count(*) FILTER (remote = 'remote') AS remote,
        count(*) FILTER (remote = 'hybrid') AS hybrid,
        count(*) FILTER (remote = 'onsite') AS onsite,
        count(*) FILTER (remote = 'unknown') AS unknown,
        count(*) FILTER (remote <> 'unknown') AS stated
    FROM pops
    GROUP BY month, population, CUBE (role, region)
)
SELECT
    month,
    population,
    role,
    region,
    postings,
    remote,
    hybrid,
    onsite,
    unknown,
    round(remote / nullif(stated, 0), 4) AS remote_share,
    round(hybrid / nullif(stated, 0), 4) AS hybrid_share,
    round(onsite / nullif(stated, 0), 4) AS onsite_share,
    stated,
    stated AS n,
    round(wilson_low(remote, stated), 4) AS remote_share_low,
    round(wilson_high(remote, stated), 4) AS remote_share_high,
    round(wilson_low(hybrid, stated), 4) AS hybrid_share_low,
    round(wilson_high(hybrid, stated), 4) AS hybrid_share_high,
    round(wilson_low(onsite, stated), 4) AS onsite_share_low,
    round(wilson_high(onsite, stated), 4) AS onsite_share_high,
    round(unknown / postings, 4) AS unknown_share,
    round(wilson_low(unknown, postings), 4) AS unknown_share_low,
    round(wilson_high(unknown, postings), 4) AS unknown_share_high,
    round(remote / postings, 4) AS remote_share_of_postings,
    stated < 20 AS small_sample
FROM counted
ORDER BY month, population DESC, role, region
