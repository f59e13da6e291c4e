-- Euros des autres financeurs par euro de la CAF : (financements − CAF) / CAF.
-- Sans financement CAF l'année, le ratio n'existe pas (valeur vide, jamais 0).
SELECT sc.scope_level, sc.scope, f.year,
  (sum(f.amount) - coalesce(sum(f.amount) FILTER (WHERE f.funder_type = 'CAF'), 0))
    / nullif(coalesce(sum(f.amount) FILTER (WHERE f.funder_type = 'CAF'), 0), 0) AS value,
  sum(f.amount) - coalesce(sum(f.amount) FILTER (WHERE f.funder_type = 'CAF'), 0) AS numerator,
  coalesce(sum(f.amount) FILTER (WHERE f.funder_type = 'CAF'), 0) AS denominator
FROM ind_funding f JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
