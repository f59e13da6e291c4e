-- Habitants touchés : personnes distinctes présentes au moins une fois dans l'année. Une personne
-- venue dans deux structures compte une fois pour la Coopération, le cluster et le département
-- (clé nom + date de naissance pseudonymisée ; sans elle, la personne est propre à sa structure).
SELECT sc.scope_level, sc.scope, v.year, count(DISTINCT v.person_key) AS value
FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
