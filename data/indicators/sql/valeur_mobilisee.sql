-- Richesse mobilisée pour le territoire : charges de l'exercice + bénévolat valorisé (relevés).
-- Les contributions en nature (86x) ne sont pas ajoutées : elles valorisent souvent le même
-- bénévolat. Il faut la comptabilité ET les relevés de bénévolat de l'année : au-dessus de la
-- structure, seules les structures qui ont envoyé les deux sources comptent (une structure sans
-- comptabilité n'ajoute pas son bénévolat, et inversement).
WITH both_sources AS (
  SELECT DISTINCT a.structure_id, a.year FROM ind_accounting a
  SEMI JOIN ind_volunteering v ON v.structure_id = a.structure_id AND v.year = a.year
), acc AS (
  SELECT sc.scope_level, sc.scope, a.year,
    sum(a.amount) FILTER (WHERE a.account_class = 'charge') AS charges
  FROM ind_accounting a JOIN both_sources USING (structure_id, year) JOIN ind_scopes sc USING (structure_id)
  GROUP BY ALL
), vol AS (
  SELECT sc.scope_level, sc.scope, v.year,
    CASE WHEN count(v.hourly_rate) = count(*) THEN sum(v.value_eur) END AS volunteering
  FROM ind_volunteering v JOIN both_sources USING (structure_id, year) JOIN ind_scopes sc USING (structure_id)
  GROUP BY ALL
)
SELECT scope_level, scope, year, charges + volunteering AS value
FROM acc JOIN vol USING (scope_level, scope, year)
