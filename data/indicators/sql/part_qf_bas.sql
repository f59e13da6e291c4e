-- Part des participants au quotient familial bas : tranche dont la borne haute, lue dans
-- data/reference/qf_bands.csv (ind_qf_bands), est de 700 € ou moins ; une tranche ouverte
-- (« > 1500 », sans borne haute) n'est jamais basse. Parmi les participants dont la tranche est
-- connue et figure dans ce fichier (une personne de plusieurs tranches : basse si l'une l'est).
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year, v.person_key,
    bool_or(b.max_eur IS NOT NULL AND b.max_eur <= 700) AS low
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
  JOIN ind_qf_bands b ON b.label = v.qf_band
  GROUP BY ALL
)
SELECT scope_level, scope, year, count(*) FILTER (WHERE low) / count(*) AS value,
  count(*) FILTER (WHERE low) AS numerator, count(*) AS denominator
FROM p GROUP BY ALL
