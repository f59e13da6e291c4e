-- Part des salariés de l'année dont un contrat est un CDI.
WITH people AS (
  SELECT y.structure_id, y.year, y.structure_id || ':' || y.staff_ref AS who,
    bool_or(s.contract = 'CDI') AS cdi
  FROM ind_staff_year y JOIN stg_staff s USING (structure_id, staff_ref)
  GROUP BY ALL
)
SELECT sc.scope_level, sc.scope, p.year,
  count(DISTINCT p.who) FILTER (WHERE p.cdi) / count(DISTINCT p.who) AS value,
  count(DISTINCT p.who) FILTER (WHERE p.cdi) AS numerator,
  count(DISTINCT p.who) AS denominator
FROM people p JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
