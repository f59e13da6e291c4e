-- Délai médian (jours) entre l'adhésion et le premier échange, pour les membres dont le premier
-- échange a lieu dans l'année (membres sans date d'adhésion : non comptés).
WITH first AS (
  SELECT structure_id, member_ref, min(exchange_date) AS first_date FROM (
    SELECT structure_id, giver_ref AS member_ref, exchange_date FROM ind_timebank_exchanges
    UNION ALL SELECT structure_id, receiver_ref, exchange_date FROM ind_timebank_exchanges
  ) GROUP BY ALL
), d AS (
  SELECT f.structure_id, year(f.first_date) AS year, date_diff('day', m.joined_on, f.first_date) AS days
  FROM first f JOIN ind_timebank_members m USING (structure_id, member_ref)
  WHERE m.joined_on IS NOT NULL AND m.joined_on <= f.first_date
)
SELECT sc.scope_level, sc.scope, d.year, median(d.days) AS value, count(*) AS denominator
FROM d JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
