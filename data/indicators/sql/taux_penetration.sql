-- Taux de pénétration : participants résidant dans les communes d'implantation des structures du
-- périmètre / population municipale de ces communes (Etalab, découpage administratif). Seules
-- comptent les communes des structures qui ont des présences dans l'année : la population de la
-- commune d'une structure sans données ne gonfle pas le dénominateur.
WITH active AS (
  SELECT DISTINCT v.structure_id, v.year, c.insee, c.population
  FROM ind_visits v JOIN ind_scope_communes c ON c.scope_level = 'structure' AND c.scope = v.structure_id
), communes AS (
  SELECT DISTINCT sc.scope_level, sc.scope, a.year, a.insee, a.population
  FROM active a JOIN ind_scopes sc USING (structure_id)
), pop AS (
  SELECT scope_level, scope, year, sum(population) AS population FROM communes GROUP BY ALL
), p AS (
  SELECT sc.scope_level, sc.scope, v.year,
    count(DISTINCT v.person_key) FILTER (WHERE c.insee IS NOT NULL) AS residents,
    count(v.commune_insee) AS known
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
  LEFT JOIN communes c ON c.scope_level = sc.scope_level AND c.scope = sc.scope AND c.year = v.year
    AND c.insee = v.commune_insee
  GROUP BY ALL
)
SELECT p.scope_level, p.scope, p.year, p.residents / pop.population AS value,
  p.residents AS numerator, pop.population AS denominator
FROM p JOIN pop USING (scope_level, scope, year)
WHERE p.known > 0
