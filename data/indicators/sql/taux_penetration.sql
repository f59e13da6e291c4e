-- Taux de pénétration : participants résidant dans les communes d'implantation des structures du
-- périmètre / population municipale de ces communes (Etalab, découpage administratif).
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year,
    count(DISTINCT v.person_key) FILTER (WHERE c.insee IS NOT NULL) AS residents,
    count(v.commune_insee) AS known
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
  LEFT JOIN ind_scope_communes c ON c.scope_level = sc.scope_level AND c.scope = sc.scope AND c.insee = v.commune_insee
  GROUP BY ALL
), pop AS (
  SELECT scope_level, scope, sum(population) AS population FROM ind_scope_communes GROUP BY ALL
)
SELECT p.scope_level, p.scope, p.year, p.residents / pop.population AS value,
  p.residents AS numerator, pop.population AS denominator
FROM p JOIN pop USING (scope_level, scope)
WHERE p.known > 0
