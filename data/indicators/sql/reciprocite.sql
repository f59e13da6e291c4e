-- Réciprocité : part des membres actifs de l'année qui ont à la fois donné et reçu.
WITH m AS (
  SELECT structure_id, year, structure_id || ':' || giver_ref AS member, 'donne' AS role FROM ind_timebank_exchanges
  UNION SELECT structure_id, year, structure_id || ':' || receiver_ref, 'recoit' FROM ind_timebank_exchanges
), per AS (
  SELECT sc.scope_level, sc.scope, m.year, m.member, count(DISTINCT m.role) AS roles
  FROM m JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
)
SELECT scope_level, scope, year, count(*) FILTER (WHERE roles = 2) / count(*) AS value,
  count(*) FILTER (WHERE roles = 2) AS numerator, count(*) AS denominator
FROM per GROUP BY ALL
