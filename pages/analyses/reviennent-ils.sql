-- Reviennent-ils ? Pour chaque année, les personnes venues pour la première fois dans une structure
-- de La Coopération (ou dans La Coopération, toutes structures confondues), et combien d'entre elles
-- reviennent 1, 2 ou 3 ans plus tard.
--
-- Première année : une personne présente dès la première année de données d'un périmètre n'est pas
-- comptée comme nouvelle (elle pouvait venir avant) ; pour La Coopération, les cohortes commencent
-- quand toutes ses structures envoient des données, et s'arrêtent à la dernière année commune.
WITH coop AS (
  SELECT v.structure_id, s.name, v.year, v.person_key
  FROM ind_visits v JOIN stg_structures s USING (structure_id)
  WHERE s.in_cooperation
),
people AS (
  SELECT DISTINCT structure_id AS scope, name AS scope_name, year, person_key FROM coop
  UNION
  SELECT DISTINCT 'cooperation', 'La Coopération', year, person_key FROM coop
),
own_bounds AS (
  SELECT structure_id AS scope, min(year) AS first_year, max(year) AS last_year FROM coop GROUP BY ALL
),
bounds AS (
  SELECT * FROM own_bounds
  UNION ALL
  SELECT 'cooperation', max(first_year), min(last_year) FROM own_bounds
),
cohorts AS (
  SELECT p.scope, p.scope_name, p.person_key, min(p.year) AS cohorte
  FROM people p GROUP BY ALL
)
SELECT c.scope_name AS perimetre, c.cohorte, k.apres AS annees_apres,
  count(DISTINCT c.person_key) AS nouveaux,
  count(DISTINCT p.person_key) AS revenants
FROM cohorts c
JOIN bounds b USING (scope)
CROSS JOIN range(1, 4) k(apres)
LEFT JOIN people p
  ON p.scope = c.scope AND p.person_key = c.person_key AND p.year = c.cohorte + k.apres
WHERE c.cohorte > b.first_year AND c.cohorte + k.apres <= b.last_year
GROUP BY c.scope, c.scope_name, c.cohorte, k.apres
ORDER BY c.scope = 'cooperation' DESC, c.scope_name, c.cohorte, k.apres
