-- company_hiring as defined before the running counts (commit 438e84e): the reference
-- tests/test_running_counts.py compares the running-count view with, row for row.
-- ML hiring by company and month: ML postings new that month (posted, or first seen when the
-- source gives no date), ML postings closed that month (`closed_at`; a closed posting without
-- `closed_at` counts as closed when last seen), and ML postings still open at the month's end.
-- Months run from the company's first ML posting to the last month in the warehouse; months in
-- which nothing is new, closed or open are left out. Postings without a company are left out.
-- A company is one row whatever spelling its postings use: `company_postings` gives each
-- posting's company, named as in `companies` (a posting not in it keeps its own name).
WITH ml AS (
    SELECT
        coalesce(c.name, p.company) AS company,
        date_trunc('month', coalesce(p.posted_at, p.first_seen)) AS opened,
        CASE
            WHEN p.status = 'closed' THEN date_trunc('month', coalesce(p.closed_at, p.last_seen))
        END AS closed
    FROM postings p
    LEFT JOIN company_postings cp USING (posting_id)
    LEFT JOIN companies c USING (company_id)
    WHERE p.is_ml AND p.company IS NOT NULL
),
bounds AS (
    SELECT min(opened) AS first_month, greatest(max(opened), max(closed)) AS last_month FROM ml
),
months AS (
    SELECT unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH)) AS month
    FROM bounds
),
grid AS (
    SELECT DISTINCT m.month, ml.company
    FROM months m
    JOIN ml ON ml.opened <= m.month
)
SELECT
    strftime(g.month, '%Y-%m') AS month,
    g.company,
    count(ml.company) FILTER (ml.opened = g.month) AS new_ml_postings,
    count(ml.company) FILTER (ml.closed = g.month) AS closed_ml_postings,
    count(ml.company) FILTER (ml.opened <= g.month AND (ml.closed IS NULL OR ml.closed > g.month))
        AS open_ml_postings
FROM grid g
JOIN ml ON ml.company = g.company
GROUP BY g.month, g.company
HAVING new_ml_postings + closed_ml_postings + open_ml_postings > 0
ORDER BY month, new_ml_postings DESC, open_ml_postings DESC, g.company
