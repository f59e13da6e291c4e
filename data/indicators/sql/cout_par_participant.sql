-- Charges de l'année par habitant touché (personne unique présente au moins une fois).
-- Numérateur et dénominateur portent sur les mêmes structures : celles qui ont, pour l'année, une
-- comptabilité ET des présences (une structure sans comptabilité n'ajoute pas ses participants,
-- une structure sans présences n'ajoute pas ses charges).
WITH both_sources AS (
  SELECT DISTINCT a.structure_id, a.year FROM ind_accounting a
  SEMI JOIN ind_visits v ON v.structure_id = a.structure_id AND v.year = a.year
), charges AS (
  SELECT sc.scope_level, sc.scope, a.year, sum(a.amount) FILTER (WHERE a.account_class = 'charge') AS charges
  FROM ind_accounting a JOIN both_sources USING (structure_id, year) JOIN ind_scopes sc USING (structure_id)
  GROUP BY ALL
), people AS (
  SELECT sc.scope_level, sc.scope, v.year, count(DISTINCT v.person_key) AS participants
  FROM ind_visits v JOIN both_sources USING (structure_id, year) JOIN ind_scopes sc USING (structure_id)
  GROUP BY ALL
)
SELECT scope_level, scope, year, charges / nullif(participants, 0) AS value,
  charges AS numerator, participants AS denominator
FROM charges JOIN people USING (scope_level, scope, year)
