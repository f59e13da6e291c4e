-- Adhérents : personnes distinctes dont l'adhésion couvre l'année (listes d'adhésions).
SELECT sc.scope_level, sc.scope, m.year, count(DISTINCT m.person_key) AS value
FROM ind_memberships m JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
