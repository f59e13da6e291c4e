-- Bénévolat valorisé, hypothèse basse : heures × (SMIC horaire brut × grade de la mission) × coefficient de
-- charges bas (après la réduction générale des cotisations patronales au niveau du SMIC), en vigueur le mois
-- (data/reference/taux_valorisation_benevolat.csv). valeur_benevolat donne l'hypothèse haute : les deux
-- forment la fourchette. Un mois sans taux connu rend la valeur manquante.
SELECT sc.scope_level, sc.scope, v.year,
  CASE WHEN count(v.hourly_rate) = count(*) THEN sum(v.value_low_eur) END AS value,
  sum(v.hours) AS numerator
FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
