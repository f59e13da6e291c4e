-- Actions du catalogue rattachées à la dimension « gouvernance » (vie démocratique, participation).
SELECT sc.scope_level, sc.scope, a.year,
  count(DISTINCT a.structure_id || ':' || a.activity_id) FILTER (WHERE a.socle_dimension = 'gouvernance') AS value
FROM ind_activities a JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
