-- Membres actifs de la banque de temps : membres ayant donné ou reçu au moins une heure dans l'année.
WITH m AS (
  SELECT structure_id, year, structure_id || ':' || giver_ref AS member FROM ind_timebank_exchanges
  UNION SELECT structure_id, year, structure_id || ':' || receiver_ref FROM ind_timebank_exchanges
)
SELECT sc.scope_level, sc.scope, m.year, count(DISTINCT m.member) AS value
FROM m JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
