-- Charges de l'année par habitant touché (personne unique présente au moins une fois).
WITH charges AS (
  SELECT sc.scope_level, sc.scope, a.year, sum(a.amount) FILTER (WHERE a.account_class = 'charge') AS charges
  FROM ind_accounting a JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
), people AS (
  SELECT sc.scope_level, sc.scope, v.year, count(DISTINCT v.person_key) AS participants
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id) GROUP BY ALL
)
SELECT scope_level, scope, year, charges / nullif(participants, 0) AS value,
  charges AS numerator, participants AS denominator
FROM charges JOIN people USING (scope_level, scope, year)
