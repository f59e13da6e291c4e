-- Évolution avant/après, dimension « environnement » : score moyen de la vague « après » moins celui de la
-- vague « avant » (réponses non appariées ; il faut les deux vagues la même année).
-- denominator = le plus petit des deux nombres de répondants.
SELECT sc.scope_level, sc.scope, s.year,
  avg(s.score) FILTER (WHERE s.wave = 'apres') - avg(s.score) FILTER (WHERE s.wave = 'avant') AS value,
  least(count(DISTINCT s.response_ref) FILTER (WHERE s.wave = 'avant'),
    count(DISTINCT s.response_ref) FILTER (WHERE s.wave = 'apres')) AS denominator
FROM ind_survey_scores s JOIN ind_scopes sc USING (structure_id)
WHERE s.dimension = 'environnement' AND s.wave IN ('avant', 'apres')
GROUP BY ALL
HAVING count(*) FILTER (WHERE s.wave = 'avant') > 0 AND count(*) FILTER (WHERE s.wave = 'apres') > 0
