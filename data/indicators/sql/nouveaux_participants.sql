-- Nouveaux participants : personnes dont la première présence dans le périmètre date de l'année.
-- La première année de données du périmètre n'a pas de valeur (tout le monde y serait nouveau).
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.person_key, min(v.year) AS first_year
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
), years AS (
  SELECT DISTINCT sc.scope_level, sc.scope, v.year FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
), first AS (
  SELECT scope_level, scope, min(year) AS y0 FROM years GROUP BY ALL
)
SELECT y.scope_level, y.scope, y.year, count(p.person_key) AS value
FROM years y JOIN first f USING (scope_level, scope)
LEFT JOIN p ON p.scope_level = y.scope_level AND p.scope = y.scope AND p.first_year = y.year
WHERE y.year > f.y0
GROUP BY ALL
