-- Part des participants venus au moins 10 jours distincts dans l'année (dans le périmètre) :
-- deux présences le même jour (matin et après-midi, deux structures) comptent pour un jour.
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year, v.person_key, count(DISTINCT v.visit_date) AS days
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
)
SELECT scope_level, scope, year,
  count(*) FILTER (WHERE days >= 10) / count(*) AS value,
  count(*) FILTER (WHERE days >= 10) AS numerator,
  count(*) AS denominator
FROM p GROUP BY ALL
