-- Actions du catalogue (liste actuelle), rattachées à l'année la plus récente de la structure.
SELECT sc.scope_level, sc.scope, a.year, count(DISTINCT a.structure_id || ':' || a.activity_id) AS value
FROM ind_activities a JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
