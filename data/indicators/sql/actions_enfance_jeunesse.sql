-- Actions du catalogue destinées à l'enfance et à la jeunesse.
SELECT sc.scope_level, sc.scope, a.year,
  count(DISTINCT a.structure_id || ':' || a.activity_id) FILTER (WHERE a.sector IN ('enfance', 'jeunesse')) AS value
FROM ind_activities a JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
