-- Habitants usagers membres du conseil d'administration (SENACS, question « Habitants au CA »).
SELECT sc.scope_level, sc.scope, s.year, sum(s.value_number) AS value
FROM ind_senacs s JOIN ind_scopes sc USING (structure_id)
WHERE s.field = 'inhabitants_on_board' AND s.value_number IS NOT NULL
GROUP BY ALL
