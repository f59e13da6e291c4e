-- Produits de l'exercice (comptes 7, hors 87 « contributions volontaires »).
SELECT sc.scope_level, sc.scope, a.year,
  sum(a.amount) FILTER (WHERE a.account_class = 'produit') AS value
FROM ind_accounting a JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
