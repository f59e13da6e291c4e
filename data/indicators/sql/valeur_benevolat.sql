-- Bénévolat valorisé, hypothèse haute : heures × (SMIC horaire brut × coefficient de charges haut, de droit
-- commun) en vigueur le mois et le grade de la mission (data/reference/taux_valorisation_benevolat.csv,
-- grades_alisfa_benevolat.csv) ; valeur_benevolat_basse donne le bas de la fourchette. Un mois sans taux connu
-- rend la valeur manquante.
SELECT sc.scope_level, sc.scope, v.year,
  CASE WHEN count(v.hourly_rate) = count(*) THEN sum(v.value_eur) END AS value,
  sum(v.hours) AS numerator
FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
