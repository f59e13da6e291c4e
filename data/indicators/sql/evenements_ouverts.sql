-- Séances d'événements ouverts comptées par tête (fêtes, sorties, cafés…).
SELECT sc.scope_level, sc.scope, h.year, count(*) AS value
FROM ind_headcounts h JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
