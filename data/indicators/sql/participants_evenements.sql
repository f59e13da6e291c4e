-- Participants aux événements ouverts : somme des comptages par tête (adultes + enfants ; une même
-- personne venue à deux événements compte deux fois).
SELECT sc.scope_level, sc.scope, h.year, sum(coalesce(h.adults, 0) + coalesce(h.children, 0)) AS value
FROM ind_headcounts h JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
HAVING count(h.adults) + count(h.children) > 0
