-- Bénévoles de gouvernance : bénévoles ayant des heures de conseil d'administration, bureau,
-- assemblée ou autre mission de gouvernance dans l'année. Même règle que benevoles_actifs : reconnu
-- d'une structure à l'autre avec une date de naissance, sinon compté une fois par structure.
SELECT sc.scope_level, sc.scope, v.year, count(DISTINCT v.volunteer_key) FILTER (WHERE v.is_governance) AS value
FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
