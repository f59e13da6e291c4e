-- Bénévoles distincts ayant déclaré des heures dans l'année. Le pseudonyme d'un bénévole est propre
-- à sa structure : un bénévole de deux structures compte deux fois au-dessus de la structure.
SELECT sc.scope_level, sc.scope, v.year, count(DISTINCT v.volunteer_key) AS value
FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
