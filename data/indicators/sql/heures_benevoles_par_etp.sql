-- Heures de bénévolat par ETP salarié (1 ETP = 1 607 heures) : il faut les deux sources.
WITH vol AS (
  SELECT sc.scope_level, sc.scope, v.year, sum(v.hours) AS hours
  FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
), staff AS (
  SELECT sc.scope_level, sc.scope, s.year, sum(s.fte_year) AS fte
  FROM ind_staff_year s JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
)
SELECT scope_level, scope, year, hours / nullif(fte, 0) AS value, hours AS numerator, fte AS denominator
FROM vol JOIN staff USING (scope_level, scope, year)
