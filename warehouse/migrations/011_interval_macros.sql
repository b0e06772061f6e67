-- 95% intervals for the trend views (issue 16), as macros so that every view computes them
-- the same way. z = 1.96.

-- Wilson score interval of a share k/n: stays inside [0, 1] and is sound for small n and for
-- shares near 0 or 1, where the plain p ± z·√(p(1-p)/n) is not. NULL when n = 0.
CREATE OR REPLACE MACRO wilson_low(k, n) AS CASE WHEN n > 0 THEN greatest(0.0,
    (k / n + 1.9208 / n - 1.96 * sqrt(k / n * (1 - k / n) / n + 0.9604 / (n * n)))
    / (1 + 3.8416 / n)) END;
CREATE OR REPLACE MACRO wilson_high(k, n) AS CASE WHEN n > 0 THEN least(1.0,
    (k / n + 1.9208 / n + 1.96 * sqrt(k / n * (1 - k / n) / n + 0.9604 / (n * n)))
    / (1 + 3.8416 / n)) END;

-- Distribution-free interval of a median from the order statistics of the sorted values xs:
-- the values of rank n/2 - 0.98·√n and 1 + n/2 + 0.98·√n, rounded (Conover's normal
-- approximation of the binomial ranks), clamped to [1, n]. For n < 6 it is the whole range.
CREATE OR REPLACE MACRO median_low(xs) AS CASE WHEN len(xs) > 0 THEN
    list_sort(xs)[greatest(1, round(len(xs) / 2 - 0.98 * sqrt(len(xs))))::BIGINT] END;
CREATE OR REPLACE MACRO median_high(xs) AS CASE WHEN len(xs) > 0 THEN
    list_sort(xs)[least(len(xs), round(1 + len(xs) / 2 + 0.98 * sqrt(len(xs))))::BIGINT] END;
