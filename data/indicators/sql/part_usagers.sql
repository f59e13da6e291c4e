-- Part de la participation des usagers dans les financements.
SELECT sc.scope_level, sc.scope, f.year,
  coalesce(sum(f.amount) FILTER (WHERE f.funder_type = 'usagers'), 0) / sum(f.amount) AS value,
  coalesce(sum(f.amount) FILTER (WHERE f.funder_type = 'usagers'), 0) AS numerator,
  sum(f.amount) AS denominator
FROM ind_funding f JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
