-- Part de la CAF dans les financements déclarés (tableau des financeurs).
SELECT sc.scope_level, sc.scope, f.year,
  coalesce(sum(f.amount) FILTER (WHERE f.funder_type = 'CAF'), 0) / sum(f.amount) AS value,
  coalesce(sum(f.amount) FILTER (WHERE f.funder_type = 'CAF'), 0) AS numerator,
  sum(f.amount) AS denominator
FROM ind_funding f JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
