-- Charges de l'exercice (comptes 6), par périmètre et année. Comptabilité absente : pas de valeur.
SELECT sc.scope_level, sc.scope, a.year,
  sum(a.amount) FILTER (WHERE a.account_class = 'charge') AS value
FROM ind_accounting a JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
