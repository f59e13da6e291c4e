-- Financeurs distincts (nom sans casse ni accents) : diversité des ressources.
SELECT sc.scope_level, sc.scope, f.year,
  count(DISTINCT regexp_replace(lower(strip_accents(f.funder)), '[^a-z0-9]+', '', 'g')) AS value
FROM ind_funding f JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
