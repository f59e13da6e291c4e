-- Fidélisation : part des participants de l'année précédente revenus dans l'année. Le
-- dénominateur ne retient que les participants des structures du périmètre qui ont envoyé des
-- présences l'année précédente ET l'année : ceux d'une structure qui n'a rien envoyé dans l'année
-- ne sont pas comptés comme partis. Un retour se lit dans toute structure du périmètre (une
-- personne passée d'une structure à une autre du périmètre est revenue).
WITH sy AS (
  SELECT DISTINCT structure_id, year FROM ind_visits
), both_years AS (
  SELECT cur.structure_id, cur.year
  FROM sy cur JOIN sy prev ON prev.structure_id = cur.structure_id AND prev.year = cur.year - 1
), seen AS (
  SELECT DISTINCT sc.scope_level, sc.scope, v.year, v.person_key
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
), prev AS (
  -- participants of year N − 1 in the structures with presences in N − 1 and N, keyed by N
  SELECT DISTINCT sc.scope_level, sc.scope, b.year, v.person_key
  FROM both_years b
  JOIN ind_visits v ON v.structure_id = b.structure_id AND v.year = b.year - 1
  JOIN ind_scopes sc ON sc.structure_id = b.structure_id
)
SELECT p.scope_level, p.scope, p.year,
  count(s.person_key) / count(*) AS value,
  count(s.person_key) AS numerator, count(*) AS denominator
FROM prev p
LEFT JOIN seen s ON s.scope_level = p.scope_level AND s.scope = p.scope AND s.year = p.year
  AND s.person_key = p.person_key
GROUP BY ALL
