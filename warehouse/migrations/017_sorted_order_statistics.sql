-- Order statistics of a list that is already sorted (issue 14): a view that needs several of
-- them from the same values (`salary_trends`: three quartiles and both ends of the median's
-- interval) sorts them once, instead of once per statistic. Same values as `quantile_cont`
-- and the `median_low`/`median_high` macros (migration 011), whose ranks are now these.

-- The ranks of the median interval's ends among n sorted values (see migration 011).
CREATE OR REPLACE MACRO median_low_rank(n) AS
    greatest(1, round(n / 2 - 0.98 * sqrt(n)))::BIGINT;
CREATE OR REPLACE MACRO median_high_rank(n) AS
    least(n, round(1 + n / 2 + 0.98 * sqrt(n)))::BIGINT;
CREATE OR REPLACE MACRO median_low(xs) AS CASE WHEN len(xs) > 0 THEN
    list_sort(xs)[median_low_rank(len(xs))] END;
CREATE OR REPLACE MACRO median_high(xs) AS CASE WHEN len(xs) > 0 THEN
    list_sort(xs)[median_high_rank(len(xs))] END;
CREATE OR REPLACE MACRO median_low_sorted(xs) AS CASE WHEN len(xs) > 0 THEN
    xs[median_low_rank(len(xs))] END;
CREATE OR REPLACE MACRO median_high_sorted(xs) AS CASE WHEN len(xs) > 0 THEN
    xs[median_high_rank(len(xs))] END;

-- quantile_cont(x, q) of the sorted values xs: the value at rank 1 + (n - 1)·q, interpolated
-- between its neighbours as DuckDB does (lo·(1 - d) + hi·d, bit for bit). NULL when empty.
CREATE OR REPLACE MACRO quantile_sorted(xs, q) AS CASE WHEN len(xs) > 0 THEN
    xs[1 + floor((len(xs) - 1) * q)::BIGINT] * (1 - ((len(xs) - 1) * q - floor((len(xs) - 1) * q)))
    + xs[1 + ceil((len(xs) - 1) * q)::BIGINT] * ((len(xs) - 1) * q - floor((len(xs) - 1) * q))
    END;
