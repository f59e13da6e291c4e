-- Part des participants habitant un quartier prioritaire, parmi ceux dont la résidence est connue.
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year, v.person_key, bool_or(v.lives_in_qpv) AS qpv
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
  WHERE v.lives_in_qpv IS NOT NULL GROUP BY ALL
)
SELECT scope_level, scope, year, count(*) FILTER (WHERE qpv) / count(*) AS value,
  count(*) FILTER (WHERE qpv) AS numerator, count(*) AS denominator
FROM p GROUP BY ALL
