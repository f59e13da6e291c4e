-- Fidélisation : part des participants de l'année précédente revenus dans l'année (même périmètre).
WITH p AS (
  SELECT DISTINCT sc.scope_level, sc.scope, v.year, v.person_key
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
)
SELECT prev.scope_level, prev.scope, prev.year + 1 AS year,
  count(cur.person_key) / count(*) AS value,
  count(cur.person_key) AS numerator, count(*) AS denominator
FROM p prev
JOIN (SELECT DISTINCT scope_level, scope, year FROM p) y
  ON y.scope_level = prev.scope_level AND y.scope = prev.scope AND y.year = prev.year + 1
LEFT JOIN p cur ON cur.scope_level = prev.scope_level AND cur.scope = prev.scope
  AND cur.year = prev.year + 1 AND cur.person_key = prev.person_key
GROUP BY ALL
