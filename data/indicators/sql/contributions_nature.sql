-- Contributions volontaires en nature inscrites en comptabilité (débits des comptes 86x).
-- Comptabilité reçue sans compte 86 : 0 (rien d'inscrit) ; comptabilité absente : pas de valeur.
SELECT sc.scope_level, sc.scope, a.year,
  coalesce(sum(a.amount) FILTER (WHERE a.account_class = 'contribution_nature'), 0) AS value
FROM ind_accounting a JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
