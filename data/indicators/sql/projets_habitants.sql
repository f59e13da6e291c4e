-- Commissions et groupes d'habitants (projets portés par des habitants, SENACS).
SELECT sc.scope_level, sc.scope, s.year, sum(s.value_number) AS value
FROM ind_senacs s JOIN ind_scopes sc USING (structure_id)
WHERE s.field = 'inhabitant_groups' AND s.value_number IS NOT NULL
GROUP BY ALL
