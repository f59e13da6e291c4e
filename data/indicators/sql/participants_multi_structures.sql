-- Maillage du territoire : part des participants du périmètre venus dans au moins deux de ses
-- structures dans l'année (sans objet pour une structure seule).
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year, v.person_key, count(DISTINCT v.structure_id) AS structures
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
  WHERE sc.scope_level <> 'structure' GROUP BY ALL
)
SELECT scope_level, scope, year, count(*) FILTER (WHERE structures >= 2) / count(*) AS value,
  count(*) FILTER (WHERE structures >= 2) AS numerator, count(*) AS denominator
FROM p GROUP BY ALL
