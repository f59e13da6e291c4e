-- Bénévoles distincts ayant déclaré des heures dans l'année. Un bénévole dont le relevé donne la
-- date de naissance est reconnu d'une structure à l'autre (volunteer_key : nom + date de
-- naissance) et compte une fois au-dessus de la structure ; sans date de naissance, il compte une
-- fois par structure (l'unité devient « bénévoles × structures », ind_volunteer_count_unit).
SELECT sc.scope_level, sc.scope, v.year, count(DISTINCT v.volunteer_key) AS value
FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
