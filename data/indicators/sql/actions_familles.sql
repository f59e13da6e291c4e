-- Actions du catalogue destinées aux familles (parentalité).
SELECT sc.scope_level, sc.scope, a.year,
  count(DISTINCT a.structure_id || ':' || a.activity_id) FILTER (WHERE a.sector = 'familles') AS value
FROM ind_activities a JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
