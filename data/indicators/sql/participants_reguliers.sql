-- Part des participants venus au moins 10 fois dans l'année (dans le périmètre).
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year, v.person_key, count(*) AS visits
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
)
SELECT scope_level, scope, year,
  count(*) FILTER (WHERE visits >= 10) / count(*) AS value,
  count(*) FILTER (WHERE visits >= 10) AS numerator,
  count(*) AS denominator
FROM p GROUP BY ALL
