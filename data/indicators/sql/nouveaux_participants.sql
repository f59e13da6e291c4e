-- Nouveaux participants : participants de l'année sans aucune présence antérieure dans le
-- périmètre, comptés dans les seules structures qui ont envoyé des présences l'année ET l'année
-- précédente. Une structure qui commence à envoyer ses présences, ou qui a sauté l'année
-- précédente, est laissée de côté cette année-là (tous ses participants y paraîtraient nouveaux) ;
-- l'antériorité, elle, se lit dans toutes les structures du périmètre et toutes les années.
-- Pas de valeur pour un périmètre dont aucune structure n'a de présences deux années de suite.
WITH sy AS (
  SELECT DISTINCT structure_id, year FROM ind_visits
), both_years AS (
  SELECT cur.structure_id, cur.year
  FROM sy cur JOIN sy prev ON prev.structure_id = cur.structure_id AND prev.year = cur.year - 1
), first_seen AS (
  SELECT sc.scope_level, sc.scope, v.person_key, min(v.year) AS first_year
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
), counted AS (
  SELECT DISTINCT sc.scope_level, sc.scope, v.year, v.person_key
  FROM ind_visits v JOIN both_years b USING (structure_id, year) JOIN ind_scopes sc USING (structure_id)
)
SELECT c.scope_level, c.scope, c.year, count(f.person_key) AS value
FROM counted c
LEFT JOIN first_seen f ON f.scope_level = c.scope_level AND f.scope = c.scope
  AND f.person_key = c.person_key AND f.first_year = c.year
GROUP BY ALL
