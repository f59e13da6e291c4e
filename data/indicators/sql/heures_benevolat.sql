-- Heures de bénévolat déclarées dans les relevés.
SELECT sc.scope_level, sc.scope, v.year, sum(v.hours) AS value
FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
