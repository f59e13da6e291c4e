-- Types de partenaires distincts (association, collectivité, CAF, école, entreprise, collectif
-- d'habitants…) parmi les partenariats en cours dans l'année.
SELECT sc.scope_level, sc.scope, y.year, count(DISTINCT coalesce(p.partner_type, 'autre')) AS value
FROM ind_partnerships p JOIN ind_years y ON p.since_year IS NULL OR p.since_year <= y.year
JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
