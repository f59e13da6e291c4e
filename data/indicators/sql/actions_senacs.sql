-- Actions déclarées à SENACS (somme des questions « Nombre d'actions … » renseignées).
SELECT sc.scope_level, sc.scope, s.year, sum(s.value_number) AS value
FROM ind_senacs s JOIN ind_scopes sc USING (structure_id)
WHERE s.field LIKE 'actions\_%' ESCAPE '\' AND s.value_number IS NOT NULL
GROUP BY ALL
