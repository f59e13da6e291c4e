-- Partenaires distincts (nom sans casse ni accents) dont le partenariat a commencé au plus tard
-- dans l'année (la liste est un état actuel : les années passées sont reconstituées).
SELECT sc.scope_level, sc.scope, y.year, count(DISTINCT p.partner_norm) AS value
FROM ind_partnerships p JOIN ind_years y ON p.since_year IS NULL OR p.since_year <= y.year
JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
