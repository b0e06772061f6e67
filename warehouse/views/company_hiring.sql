-- ML hiring by company and month: ML postings new that month (posted, or first seen when the
-- source gives no date), ML postings closed that month (`closed_at`; a closed posting without
-- `closed_at` counts as closed when last seen), and ML postings still open at the month's end.
-- Months run from the company's first ML posting to the last month in the warehouse; months in
-- which nothing is new, closed or open are left out. Postings without a company are left out.
-- A company is one row whatever spelling its postings use: `company_postings` gives each
-- posting's company, named as in `companies` (a posting not in it keeps its own name).
-- Running counts (issue 14): each posting adds +1 to its company's open count in the month it
-- opens and -1 in the month it closes (never before it opens); a cumulative sum per company
-- gives the open count, which holds until the company's next change.
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
    SELECT greatest(max(opened), max(closed)) AS last_month FROM ml
),
steps AS (
    SELECT company, opened AS month, 1 AS new, 0 AS closed, 1 AS open FROM ml
    UNION ALL
    SELECT company, closed, 0, 1, 0 FROM ml WHERE closed IS NOT NULL
    UNION ALL
    SELECT company, greatest(opened, closed), 0, 0, -1 FROM ml WHERE closed IS NOT NULL
),
changes AS (
    SELECT company, month, sum(new) AS new, sum(closed) AS closed, sum(open) AS open_change
    FROM steps
    GROUP BY ALL
),
running AS (
    SELECT
        *,
        sum(open_change) OVER company_months AS open,
        lead(month) OVER company_months AS next_month,
        -- months before the company's first ML posting are left out
        min(month) FILTER (new > 0) OVER (PARTITION BY company) AS first_month
    FROM changes
    WINDOW company_months AS (PARTITION BY company ORDER BY month ROWS UNBOUNDED PRECEDING)
),
filled AS (
    SELECT
        r.*,
        unnest(generate_series(
            month,
            CASE
                WHEN open > 0 THEN coalesce(next_month - INTERVAL 1 MONTH, b.last_month)
                ELSE month
            END,
            INTERVAL 1 MONTH
        )) AS shown
    FROM running AS r, bounds AS b
)
SELECT
    strftime(shown, '%Y-%m') AS month,
    company,
    (CASE WHEN shown = filled.month THEN new ELSE 0 END)::BIGINT AS new_ml_postings,
    (CASE WHEN shown = filled.month THEN closed ELSE 0 END)::BIGINT AS closed_ml_postings,
    open::BIGINT AS open_ml_postings
FROM filled
WHERE filled.month >= first_month
    AND (open > 0 OR (shown = filled.month AND new + closed > 0))
ORDER BY month, new_ml_postings DESC, open_ml_postings DESC, company
