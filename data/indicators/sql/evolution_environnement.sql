-- Évolution avant/après appariée, dimension « environnement » : moyenne, sur les personnes qui ont
-- répondu aux deux vagues (même code répondant, même structure et même questionnaire), de leur
-- score « après » moins leur score « avant » (scores par personne, règle de la page Enquêtes).
-- Année = celle de la réponse « après ». denominator = paires.
SELECT sc.scope_level, sc.scope, p.year, avg(p.change) AS value, count(*) AS denominator
FROM ind_survey_pairs p JOIN ind_scopes sc USING (structure_id)
WHERE p.dimension = 'environnement'
GROUP BY ALL
