-- Heures échangées à la banque de temps (une heure donnée = une heure reçue).
SELECT sc.scope_level, sc.scope, e.year, sum(e.hours) AS value
FROM ind_timebank_exchanges e JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
