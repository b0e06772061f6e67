-- The latest month of skill_trends that has three months before it to compare with.
SELECT max(month) FROM skill_trends WHERE population = 'ml' AND prev_3m_n IS NOT NULL
