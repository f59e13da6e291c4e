-- Séances : couples (action, jour) ayant eu au moins une présence.
SELECT sc.scope_level, sc.scope, v.year,
  count(DISTINCT (v.structure_id, v.activity_label, v.visit_date)) AS value
FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
