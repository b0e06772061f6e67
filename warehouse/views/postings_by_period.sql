-- Active, new and closed postings per month and per ISO week (`grain`): what
-- `monthly_postings` and `weekly_postings` show, one grain each.
-- active: open at any time in the period (started before its end and not ended before its
-- start, see `active_spans`); new: first opened in it; closed: closed in it (`closed_at` is
-- the first instant after, so a Hacker News post closes in its thread's month).
-- A posting counts once in each of its countries (`countries`, else `country`, else
-- 'unknown') and once in each source that listed it; once in every 'all' row.
-- Running counts (issue 14): a posting is not expanded over every period it is open. Its
-- spans are merged per source (and per posting, for the 'all' source) into runs of periods,
-- each run adds +1 where it starts and -1 after it ends, the cells sum those steps, and a
-- running sum per cell gives `active`; a cell's value holds until its next step.
WITH grains AS (
    SELECT * FROM (VALUES ('month', INTERVAL 1 MONTH), ('week', INTERVAL 7 DAY)) AS g(grain, step)
),
-- What a posting is counted under: its role, region, is_ml and countries are its own. The
-- postings that share all four share a `kind`, the one narrow column carried through the
-- merging and summing below (with the four columns themselves, the intermediate rows spill
-- past the memory limit at 10M postings); the kinds are spelled out once the steps are summed.
kinds AS (
    SELECT
        row_number() OVER () AS kind,
        role,
        region,
        is_ml,
        places,
        list(posting_id) AS posting_ids
    FROM (
        SELECT
            posting_id,
            role,
            coalesce(region, 'unknown') AS region,
            is_ml,
            coalesce(
                nullif(list_distinct(list_filter(list_append(countries, country), lambda c: c IS NOT NULL)), []),
                ['unknown']
            ) AS places
        FROM postings
    )
    GROUP BY role, region, is_ml, places
),
-- A number per posting (`pid`): cheaper to group by than its id.
attrs AS (
    SELECT kind, posting_id, row_number() OVER () AS pid
    FROM (SELECT kind, unnest(posting_ids) AS posting_id FROM kinds)
),
members AS (
    SELECT pid, kind, source, started, ended, opened, closed
    FROM active_spans JOIN attrs USING (posting_id)
),
-- Each posting's spans per source, and the same spans for the posting as a whole (source NULL).
keyed AS (
    SELECT * FROM members
    UNION ALL
    SELECT * REPLACE (NULL::VARCHAR AS source) FROM members
),
-- Most keys have one span, which is its run at either grain; the spans of the others are
-- merged by start (the longest of those that start together): one starts a new run when it
-- starts after every earlier one has ended. `opened`, `closed` and `kind` are the posting's,
-- the same on each of its spans. Counted before the grains, as a key's spans are the same at
-- both (and a period of the earliest start is the earliest period).
keys AS (
    SELECT
        pid,
        source,
        count(*) AS spans,
        min(started) AS started,
        max(ended) AS ended,
        any_value(opened) AS opened,
        any_value(closed) AS closed,
        any_value(kind) AS kind
    FROM keyed
    GROUP BY pid, source
),
periods AS (
    SELECT
        grain,
        step,
        pid,
        source,
        spans,
        kind,
        date_trunc(grain, started) AS first_period,
        date_trunc(grain, ended) AS last_period,
        date_trunc(grain, opened) AS opened,
        date_trunc(grain, closed - INTERVAL 1 MICROSECOND) AS closed
    FROM keys, grains
),
starts AS (
    SELECT
        grain, step, pid, source, kind, date_trunc(grain, started) AS first_period,
        max(date_trunc(grain, ended)) AS last_period
    FROM keyed
    SEMI JOIN keys
        ON keys.spans > 1 AND keys.pid = keyed.pid AND keys.source IS NOT DISTINCT FROM keyed.source
    CROSS JOIN grains
    GROUP BY ALL
),
reach AS (
    SELECT
        *,
        max(last_period) OVER (
            PARTITION BY grain, pid, source ORDER BY first_period
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS reached
    FROM starts
),
runs AS (
    SELECT
        *,
        sum((reached IS NULL OR first_period > reached)::INT) OVER (
            PARTITION BY grain, pid, source ORDER BY first_period ROWS UNBOUNDED PRECEDING
        ) AS run
    FROM reach
),
merged AS (
    SELECT grain, step, kind, source, first_period, last_period
    FROM periods
    WHERE spans = 1
    UNION ALL
    SELECT grain, step, kind, source, min(first_period), max(last_period)
    FROM runs
    GROUP BY grain, step, kind, pid, source, run
),
steps AS (
    SELECT grain, kind, source, first_period AS period, 1 AS active,
        0 AS new, 0 AS closed
    FROM merged
    UNION ALL
    SELECT grain, kind, source, last_period + step, -1, 0, 0 FROM merged
    UNION ALL
    SELECT grain, kind, source, opened, 0, 1, 0 FROM periods
    UNION ALL
    SELECT grain, kind, source, closed, 0, 0, 1
    FROM periods
    WHERE closed IS NOT NULL
),
-- The steps of the postings of a kind are summed first, then spread over the kind's
-- countries, and counted once more for the 'all' country (a posting of two countries counts
-- once in it).
summed AS (
    SELECT grain, period, source, kind, sum(active) AS active, sum(new) AS new,
        sum(closed) AS closed
    FROM steps
    GROUP BY ALL
),
shared AS (
    SELECT s.* EXCLUDE (kind), k.role, k.region, k.is_ml, k.places
    FROM summed AS s JOIN kinds AS k USING (kind)
),
base AS (
    SELECT * EXCLUDE (places), unnest(places) AS country FROM shared
    UNION ALL
    SELECT * EXCLUDE (places), NULL FROM shared
),
cells AS (
    SELECT
        grain,
        period,
        source,
        CASE WHEN grouping(role) = 1 THEN 'all' ELSE role END AS role,
        CASE WHEN grouping(region) = 1 THEN 'all' ELSE region END AS region,
        country,
        is_ml,
        sum(active) AS step_active,
        sum(new) AS new,
        sum(closed) AS closed
    FROM base
    GROUP BY grain, period, is_ml, source, country, CUBE (role, region)
),
running AS (
    SELECT
        *,
        sum(step_active) OVER cell AS active,
        lead(period) OVER cell AS next_period
    FROM cells
    WINDOW cell AS (
        PARTITION BY grain, source, role, region, country, is_ml ORDER BY period
        ROWS UNBOUNDED PRECEDING
    )
),
-- A cell's active count holds from one of its steps to the period before the next.
filled AS (
    SELECT
        r.*,
        unnest(generate_series(
            period,
            CASE WHEN active > 0 THEN next_period - g.step ELSE period END,
            g.step
        )) AS period_at
    FROM running AS r
    JOIN grains AS g USING (grain)
)
SELECT
    grain,
    CASE grain WHEN 'month' THEN strftime(period_at, '%Y-%m') ELSE strftime(period_at, '%G-W%V') END
        AS period,
    coalesce(source, 'all') AS source,
    role,
    region,
    coalesce(country, 'all') AS country,
    is_ml,
    active::BIGINT AS active,
    CASE WHEN period_at = filled.period THEN new ELSE 0 END::BIGINT AS new,
    CASE WHEN period_at = filled.period THEN closed ELSE 0 END::BIGINT AS closed
FROM filled
WHERE active > 0 OR (period_at = filled.period AND (new > 0 OR closed > 0))
-- Stored in this order (`warehouse.aggregates`), so `monthly_postings` and `weekly_postings`
-- read their rows in order without sorting them again on every query.
ORDER BY grain, period, source, role, region, country, is_ml
