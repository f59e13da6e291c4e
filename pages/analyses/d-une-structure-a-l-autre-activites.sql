-- Ce que font, dans chaque structure, les personnes venues dans au moins deux structures de
-- La Coopération : nombre de ces personnes par activité (une personne compte dans chaque activité
-- où elle est venue). Les présences de Noethys portent le numéro de l'activité : son nom vient des
-- inscriptions de la même structure.
WITH names AS (
  SELECT structure_id, activity_id, mode(activity_label) AS label
  FROM stg_registrations WHERE activity_label IS NOT NULL GROUP BY ALL
),
coop AS (
  SELECT s.name AS structure, v.person_key,
    coalesce(n.label, nullif(trim(v.activity_label), ''), 'Activité non précisée') AS activite
  FROM ind_visits v
  JOIN stg_structures s USING (structure_id)
  LEFT JOIN names n ON n.structure_id = v.structure_id AND n.activity_id = v.activity_label
  WHERE s.in_cooperation
),
multi AS (
  SELECT person_key FROM coop GROUP BY person_key HAVING count(DISTINCT structure) >= 2
)
SELECT c.structure, c.activite, count(DISTINCT c.person_key) AS personnes
FROM coop c JOIN multi USING (person_key)
GROUP BY ALL
ORDER BY c.structure, personnes DESC, c.activite
