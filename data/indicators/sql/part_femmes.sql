-- Part des femmes parmi les participants dont le sexe est connu.
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year, v.person_key, bool_or(v.sex = 'F') AS f
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
  WHERE v.sex IS NOT NULL GROUP BY ALL
)
SELECT scope_level, scope, year, count(*) FILTER (WHERE f) / count(*) AS value,
  count(*) FILTER (WHERE f) AS numerator, count(*) AS denominator
FROM p GROUP BY ALL
