-- Diversité des âges : indice de Shannon sur les tranches d'âge des participants (0 = une seule
-- tranche ; plus il est haut, plus les âges sont mêlés). denominator = participants d'âge connu.
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year, v.person_key, max(v.birth_year) AS birth_year
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
  WHERE v.birth_year IS NOT NULL GROUP BY ALL
), bands AS (
  SELECT scope_level, scope, year, age_band(birth_year, year) AS band, count(*) AS n FROM p GROUP BY ALL
), totals AS (
  SELECT scope_level, scope, year, sum(n) AS total FROM bands GROUP BY ALL
)
SELECT b.scope_level, b.scope, b.year, -sum((b.n / t.total) * ln(b.n / t.total)) AS value,
  max(t.total) AS denominator
FROM bands b JOIN totals t USING (scope_level, scope, year)
GROUP BY ALL
