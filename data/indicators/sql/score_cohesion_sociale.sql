-- Score moyen des réponses (échelle du questionnaire, items inversés déjà retournés) aux questions
-- de la dimension « cohésion sociale », toutes vagues confondues. denominator = répondants.
SELECT sc.scope_level, sc.scope, s.year, avg(s.score) AS value,
  count(DISTINCT s.response_ref) AS denominator
FROM ind_survey_scores s JOIN ind_scopes sc USING (structure_id)
WHERE s.dimension = 'cohésion sociale'
GROUP BY ALL
