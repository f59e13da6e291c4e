-- Passages : présences réelles enregistrées (une personne à une séance = un passage).
SELECT sc.scope_level, sc.scope, v.year, count(*) AS value
FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
