-- Part des partenariats (en cours dans l'année) formalisés par une convention signée.
WITH p AS (
  SELECT p.*, y.year FROM ind_partnerships p JOIN ind_years y ON p.since_year IS NULL OR p.since_year <= y.year
)
SELECT sc.scope_level, sc.scope, p.year,
  count(*) FILTER (WHERE p.formal) / count(*) FILTER (WHERE p.formal IS NOT NULL) AS value,
  count(*) FILTER (WHERE p.formal) AS numerator,
  count(*) FILTER (WHERE p.formal IS NOT NULL) AS denominator
FROM p JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
HAVING count(*) FILTER (WHERE p.formal IS NOT NULL) > 0
