-- Heures de bénévolat par ETP salarié (1 ETP = 1 607 heures) : il faut les deux sources.
-- Heures et ETP portent sur les mêmes structures : celles qui ont, pour l'année, des relevés de
-- bénévolat ET des salariés (les ETP d'une structure sans relevés ne diluent pas le ratio).
WITH both_sources AS (
  SELECT DISTINCT v.structure_id, v.year FROM ind_volunteering v
  SEMI JOIN ind_staff_year s ON s.structure_id = v.structure_id AND s.year = v.year
), vol AS (
  SELECT sc.scope_level, sc.scope, v.year, sum(v.hours) AS hours
  FROM ind_volunteering v JOIN both_sources USING (structure_id, year) JOIN ind_scopes sc USING (structure_id)
  GROUP BY ALL
), staff AS (
  SELECT sc.scope_level, sc.scope, s.year, sum(s.fte_year) AS fte
  FROM ind_staff_year s JOIN both_sources USING (structure_id, year) JOIN ind_scopes sc USING (structure_id)
  GROUP BY ALL
)
SELECT scope_level, scope, year, hours / nullif(fte, 0) AS value, hours AS numerator, fte AS denominator
FROM vol JOIN staff USING (scope_level, scope, year)
