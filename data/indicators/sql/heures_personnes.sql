-- Heures-personnes : somme des durées de présence (présences sans durée : non comptées).
SELECT sc.scope_level, sc.scope, v.year, sum(v.hours) AS value
FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
HAVING count(v.hours) > 0
