-- Salariés distincts ayant eu un contrat en cours dans l'année.
SELECT sc.scope_level, sc.scope, s.year, count(DISTINCT s.structure_id || ':' || s.staff_ref) AS value
FROM ind_staff_year s JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
