-- The shares of the skills in list ? over every posting of month ?.
SELECT skill, share, n
FROM skill_trends
WHERE population = 'all' AND month = ? AND list_contains(?, skill)
ORDER BY share DESC
