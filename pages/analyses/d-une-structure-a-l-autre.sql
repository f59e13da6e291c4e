-- D'une structure à l'autre : les personnes venues dans au moins deux structures de La Coopération,
-- de la structure où elles sont venues en premier (origine) vers chacune des autres (destination).
-- Une personne venue dans trois structures compte dans deux flux.
WITH coop AS (
  SELECT v.structure_id, s.name, v.visit_date, v.person_key
  FROM ind_visits v JOIN stg_structures s USING (structure_id)
  WHERE s.in_cooperation
),
firsts AS (
  SELECT person_key, name, min(visit_date) AS first_visit FROM coop GROUP BY ALL
),
multi AS (
  -- The first structure; on a tie (same first day in two), the first by name.
  SELECT person_key, arg_min(name, strftime(first_visit, '%Y-%m-%d') || '|' || name) AS origine
  FROM firsts GROUP BY person_key HAVING count(*) >= 2
)
SELECT m.origine, f.name AS destination, count(DISTINCT f.person_key) AS personnes
FROM multi m JOIN firsts f USING (person_key)
WHERE f.name <> m.origine
GROUP BY ALL
ORDER BY m.origine, destination
