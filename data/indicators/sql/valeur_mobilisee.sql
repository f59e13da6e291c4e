-- Richesse mobilisée pour le territoire : charges de l'exercice + bénévolat valorisé (relevés).
-- Les contributions en nature (86x) ne sont pas ajoutées : elles valorisent souvent le même
-- bénévolat. Il faut la comptabilité ET les relevés de bénévolat de l'année.
WITH acc AS (
  SELECT sc.scope_level, sc.scope, a.year,
    sum(a.amount) FILTER (WHERE a.account_class = 'charge') AS charges
  FROM ind_accounting a JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
), vol AS (
  SELECT sc.scope_level, sc.scope, v.year,
    CASE WHEN count(v.hourly_rate) = count(*) THEN sum(v.value_eur) END AS volunteering
  FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
)
SELECT scope_level, scope, year, charges + volunteering AS value
FROM acc JOIN vol USING (scope_level, scope, year)
