-- Score moyen par personne, dimension « gouvernance » : chaque réponse (une par personne et par vague,
-- la dernière) a pour score la moyenne des items Likert de la dimension auxquels elle a répondu
-- (items inversés retournés), si elle a répondu à au moins la moitié d'entre eux ; la valeur est la
-- moyenne de ces scores, toutes vagues confondues (la règle de la page Enquêtes).
-- denominator = personnes ayant un score.
SELECT sc.scope_level, sc.scope, s.year, avg(s.score) AS value,
  count(DISTINCT s.person_key) AS denominator
FROM ind_survey_person_scores s JOIN ind_scopes sc USING (structure_id)
WHERE s.dimension = 'gouvernance'
GROUP BY ALL
