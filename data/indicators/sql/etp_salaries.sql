-- ETP salariés moyens de l'année : Σ ETP du contrat × jours travaillés dans l'année / jours de l'année.
SELECT sc.scope_level, sc.scope, s.year, sum(s.fte_year) AS value
FROM ind_staff_year s JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
