-- Actions distinctes ayant eu au moins une présence dans l'année.
SELECT sc.scope_level, sc.scope, v.year,
  count(DISTINCT v.structure_id || ':' || coalesce(v.activity_label, '?')) AS value
FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
