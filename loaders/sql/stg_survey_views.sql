-- Views over the survey staging tables (run after them: DDL files are applied in name order).
-- They resolve answers against an XLSForm instrument at query time, so form and answers may be
-- loaded in any order, in the same run or months apart.

-- One row per XLSForm workbook (its sheets share the file's SHA-256 in `loads`) and the form it
-- defines: the settings sheet's form_id, else a form_id column of the survey sheet, else
-- « classeur-<12 hex digits of the SHA-256> ».
CREATE OR REPLACE VIEW survey_form_workbooks AS
WITH sheets AS (
  SELECT sha256, load_id FROM loads WHERE kind = 'surveys' AND format LIKE 'xlsform-%'
)
SELECT w.sha256,
  coalesce(
    (SELECT min(f.form_id) FROM stg_survey_forms f JOIN sheets x USING (load_id) WHERE x.sha256 = w.sha256),
    (SELECT min(i.form_id) FROM stg_survey_items i JOIN sheets x USING (load_id) WHERE x.sha256 = w.sha256),
    'classeur-' || left(w.sha256, 12)
  ) AS form_id,
  max(w.load_id) AS last_load_id
FROM sheets w
GROUP BY w.sha256;

-- Items and choices of the latest workbook of each form (a new version replaces the old one here;
-- the old rows stay in the staging tables).
CREATE OR REPLACE VIEW survey_items AS
WITH current AS (
  SELECT sha256, form_id FROM survey_form_workbooks
  QUALIFY row_number() OVER (PARTITION BY form_id ORDER BY last_load_id DESC) = 1
)
SELECT c.form_id, i.name, i.item_type, i.list_name, i.label, i.dimension, i.reverse_coded, i.required,
  i.relevant, i.group_path, i.source_line AS position, i.load_id
FROM stg_survey_items i JOIN loads l USING (load_id) JOIN current c ON c.sha256 = l.sha256;

CREATE OR REPLACE VIEW survey_choices AS
WITH current AS (
  SELECT sha256, form_id FROM survey_form_workbooks
  QUALIFY row_number() OVER (PARTITION BY form_id ORDER BY last_load_id DESC) = 1
)
SELECT c.form_id, ch.list_name, ch.name, ch.label, ch.source_line AS position, ch.load_id
FROM stg_survey_choices ch JOIN loads l USING (load_id) JOIN current c ON c.sha256 = l.sha256;

-- Answers resolved to (item, choice): one row per response and question, and one per selected
-- choice of a select_multiple, whichever shape the export used (one column of space-separated
-- names, or 0/1 columns « groupe/q5/choix », or both: they give the same rows). The form is the
-- one the response names (form_id column), else the form whose items the export's columns name
-- most often. A column path matches an item by its last segment (name, or label for exports with
-- labels); LimeSurvey « Q5[SQ001] » is read as « Q5/SQ001 ». Unresolved answers keep item_name
-- NULL. choice_known is false for a value outside the item's list (a Likert « 7 » on 1–5): kept,
-- never scored. score is the numeric choice, reversed (min + max − value) for reverse-coded items.
-- Incomplete responses (LimeSurvey without submitdate: complete = false) are loaded but left out
-- of the results: they are counted apart in the load report.
CREATE OR REPLACE VIEW survey_answers_resolved AS
WITH segments AS (
  SELECT a.response_ref, a.structure_id, a.question_path, a.value_text, a.value_number, a.load_id,
    a.source_line, r.source_format, r.wave, r.submitted_at, r.form_id AS declared_form,
    regexp_extract(p.path, '([^/]+)$', 1) AS seg_last,
    nullif(regexp_extract(p.path, '([^/]+)/[^/]+$', 1), '') AS seg_parent
  FROM stg_survey_answers a
  JOIN stg_survey_responses r USING (response_ref)
  CROSS JOIN LATERAL (SELECT regexp_replace(a.question_path, '\[([^\]]*)\]', '/\1', 'g') AS path) p
  WHERE r.complete IS NOT FALSE
),
hits AS (
  SELECT s.load_id, i.form_id, count(DISTINCT s.question_path) AS n
  FROM segments s JOIN survey_items i
    ON i.name = s.seg_last OR i.name = s.seg_parent OR lower(trim(i.label)) = lower(trim(s.seg_last))
  GROUP BY ALL
),
best AS (
  SELECT load_id, form_id FROM hits
  QUALIFY row_number() OVER (PARTITION BY load_id ORDER BY n DESC, form_id) = 1
),
with_form AS (
  SELECT s.*, coalesce(f.form_id, b.form_id) AS form_id
  FROM segments s
  LEFT JOIN (SELECT DISTINCT form_id FROM survey_items) f ON f.form_id = s.declared_form
  LEFT JOIN best b ON b.load_id = s.load_id
),
matched AS (
  SELECT w.*, i.name AS item_name, i.item_type, i.list_name, i.dimension, i.reverse_coded, i.group_path,
    c.name AS flag_choice,
    CASE
      WHEN i.name = w.seg_last THEN 1
      WHEN lower(trim(i.label)) = lower(trim(w.seg_last)) THEN 2
      WHEN c.name IS NOT NULL THEN 3
    END AS how
  FROM with_form w
  LEFT JOIN survey_items i ON i.form_id = w.form_id AND (
    i.name = w.seg_last OR lower(trim(i.label)) = lower(trim(w.seg_last))
    OR (i.item_type = 'select_multiple'
      AND (i.name = w.seg_parent OR lower(trim(i.label)) = lower(trim(w.seg_parent)))))
  LEFT JOIN survey_choices c ON c.form_id = i.form_id AND c.list_name = i.list_name
    AND i.item_type = 'select_multiple'
    AND (i.name = w.seg_parent OR lower(trim(i.label)) = lower(trim(w.seg_parent)))
    AND (c.name = w.seg_last OR lower(trim(c.label)) = lower(trim(w.seg_last)))
  QUALIFY row_number() OVER (PARTITION BY w.response_ref, w.question_path ORDER BY how NULLS LAST) = 1
),
tokens AS (
  SELECT m.*, unnest(CASE
      WHEN regexp_matches(m.value_text, '[;,]') THEN regexp_split_to_array(trim(m.value_text), '\s*[;,]\s*')
      ELSE regexp_split_to_array(trim(m.value_text), '\s+')
    END) AS token
  FROM matched m WHERE m.how IN (1, 2) AND m.item_type = 'select_multiple'
  UNION ALL BY NAME
  SELECT m.*, trim(m.value_text) AS token FROM matched m WHERE m.how IN (1, 2) AND m.item_type = 'select_one'
  UNION ALL BY NAME
  -- 0/1 columns: only the selected choices give a row.
  SELECT m.*, m.flag_choice AS token FROM matched m
  WHERE m.how = 3 AND lower(trim(m.value_text)) IN ('1', 'y', 'yes', 'oui', 'true', 'vrai', 'x')
  UNION ALL BY NAME
  SELECT m.*, NULL AS token FROM matched m
  WHERE m.how IS NULL OR m.item_type NOT IN ('select_one', 'select_multiple')
),
chosen AS (
  SELECT t.*, ch.name AS choice_name, ch.label AS choice_label
  FROM tokens t
  LEFT JOIN survey_choices ch ON ch.form_id = t.form_id AND ch.list_name = t.list_name
    AND (ch.name = t.token OR lower(trim(ch.label)) = lower(t.token))
  WHERE t.token IS NULL OR t.token <> ''
  QUALIFY row_number() OVER (
    PARTITION BY t.response_ref, t.question_path, t.token ORDER BY ch.name = t.token DESC NULLS LAST
  ) = 1
),
scales AS (
  SELECT form_id, list_name, min(try_cast(name AS DOUBLE)) AS lo, max(try_cast(name AS DOUBLE)) AS hi
  FROM survey_choices GROUP BY ALL HAVING bool_and(try_cast(name AS DOUBLE) IS NOT NULL)
),
final AS (
  SELECT c.*,
    c.how IS NOT NULL AS resolved,
    c.how IS NOT NULL AND c.item_type IN ('select_one', 'select_multiple') AS is_select,
    try_cast(c.choice_name AS DOUBLE) AS choice_number,
    sc.lo, sc.hi, st.structure_id IS NOT NULL AS structure_known
  FROM chosen c
  LEFT JOIN scales sc USING (form_id, list_name)
  LEFT JOIN stg_structures st ON st.structure_id = c.structure_id
)
SELECT structure_id, structure_known, response_ref, source_format, wave, submitted_at, form_id,
  CASE WHEN resolved THEN item_name END AS item_name,
  CASE WHEN resolved THEN item_type END AS item_type,
  CASE WHEN resolved THEN dimension END AS dimension,
  CASE WHEN resolved THEN reverse_coded END AS reverse_coded,
  CASE WHEN resolved AND item_type = 'select_multiple' THEN item_name ELSE question_path END AS question_key,
  choice_name, choice_label,
  CASE WHEN is_select THEN choice_name IS NOT NULL END AS choice_known,
  CASE WHEN is_select THEN coalesce(choice_name, token) ELSE value_text END AS value_text,
  CASE WHEN is_select THEN choice_number ELSE value_number END AS value_number,
  CASE WHEN is_select AND item_type = 'select_one' AND choice_number IS NOT NULL
    THEN CASE WHEN reverse_coded THEN lo + hi - choice_number ELSE choice_number END END AS score,
  min(question_path) AS source_column,
  min(load_id) AS load_id,
  min(source_line) AS source_line
FROM final f
GROUP BY ALL;

-- Answers to check: a value outside the item's choice list, or a structure absent from the
-- registry. Each keeps its load and line so the « Qualité des données » page can point to it.
CREATE OR REPLACE VIEW survey_answer_problems AS
SELECT load_id, source_line, source_column AS column_name, value_text AS value,
  'réponse « ' || value_text || ' » absente de la liste de choix de « ' || item_name || ' » : gardée, non comptée'
    AS message
FROM survey_answers_resolved WHERE choice_known = false
UNION ALL
SELECT r.load_id, r.source_line, NULL, r.structure_id,
  'structure « ' || r.structure_id || ' » absente du registre des structures : réponses gardées à part'
FROM stg_survey_responses r
WHERE NOT EXISTS (SELECT 1 FROM stg_structures s WHERE s.structure_id = r.structure_id);

-- Likert items that score a dimension: select_one items with a socle commun dimension whose
-- choice list is entirely numeric (1–4, 1–5…). Their score (reverse-coded already) comes from
-- survey_answers_resolved.
CREATE OR REPLACE VIEW survey_scored_items AS
SELECT i.form_id, i.name AS item_name, i.dimension, i.reverse_coded
FROM survey_items i
WHERE i.item_type = 'select_one' AND i.dimension IS NOT NULL
  AND EXISTS (SELECT 1 FROM survey_choices c WHERE c.form_id = i.form_id AND c.list_name = i.list_name)
  AND NOT EXISTS (
    SELECT 1 FROM survey_choices c
    WHERE c.form_id = i.form_id AND c.list_name = i.list_name AND try_cast(c.name AS DOUBLE) IS NULL
  );

-- Score of each response on each dimension: the mean score of the dimension's Likert items it
-- answered (an answer outside the list is not an answer), given only when it answered at least
-- half of the dimension's items (2 × answered ≥ items: 1 of 2, 2 of 3, 2 of 4). Responses of a
-- structure absent from the registry are left out.
CREATE OR REPLACE VIEW survey_dimension_scores AS
WITH items AS (
  SELECT form_id, dimension, count(*) AS items_in_dimension FROM survey_scored_items GROUP BY ALL
),
answered AS (
  SELECT a.form_id, a.structure_id, a.wave, a.response_ref, s.dimension,
    avg(a.score) AS score, count(DISTINCT a.item_name) AS items_answered
  FROM survey_answers_resolved a
  JOIN survey_scored_items s ON s.form_id = a.form_id AND s.item_name = a.item_name
  WHERE a.score IS NOT NULL AND a.structure_known
  GROUP BY ALL
)
SELECT x.form_id, x.structure_id, x.wave, x.response_ref, r.respondent_ref, x.dimension, x.score,
  x.items_answered, i.items_in_dimension, r.submitted_at
FROM answered x
JOIN items i USING (form_id, dimension)
JOIN stg_survey_responses r USING (response_ref)
WHERE 2 * x.items_answered >= i.items_in_dimension;

-- One response per person and wave: a respondent (same respondent_ref) who answered a wave twice
-- counts once, with the latest submission; a response without respondent code is its own person.
CREATE OR REPLACE VIEW survey_wave_responses AS
SELECT * FROM (
  SELECT DISTINCT form_id, structure_id, wave, response_ref, respondent_ref, submitted_at
  FROM survey_dimension_scores
)
QUALIFY row_number() OVER (
  PARTITION BY form_id, structure_id, wave, coalesce(respondent_ref, response_ref)
  ORDER BY submitted_at DESC NULLS LAST, response_ref DESC
) = 1;

-- Before/after pairs: the same respondent code (pseudonym) in the « avant » and « après » waves
-- of one form and structure, with both responses scoring the dimension.
CREATE OR REPLACE VIEW survey_dimension_pairs AS
WITH kept AS (
  SELECT s.* FROM survey_dimension_scores s JOIN survey_wave_responses w USING (form_id, response_ref)
  WHERE s.respondent_ref IS NOT NULL AND s.wave IN ('avant', 'apres')
)
SELECT b.form_id, b.structure_id, b.dimension, b.respondent_ref,
  b.score AS score_before, a.score AS score_after, a.score - b.score AS change
FROM kept b JOIN kept a
  ON a.form_id = b.form_id AND a.structure_id = b.structure_id AND a.respondent_ref = b.respondent_ref
  AND a.dimension = b.dimension
WHERE b.wave = 'avant' AND a.wave = 'apres';

-- Consent to publish the free text of a response: a question named « consentement »
-- (consentement_diffusion, accord_diffusion… whether or not the form lists it) answered oui /
-- yes / 1. Any other answer, or no such question, is no consent.
CREATE OR REPLACE VIEW survey_response_consent AS
WITH named AS (
  SELECT response_ref, coalesce(choice_name, value_text) AS answer,
    trim(regexp_replace(strip_accents(lower(coalesce(item_name, source_column))), '[^a-z0-9]+', '_', 'g'), '_')
      AS full_key,
    trim(regexp_replace(strip_accents(lower(regexp_extract(coalesce(item_name, source_column), '([^/]+)$', 1))),
      '[^a-z0-9]+', '_', 'g'), '_') AS last_key
  FROM survey_answers_resolved
)
SELECT response_ref,
  bool_and(lower(trim(answer)) IN ('oui', 'o', 'yes', 'y', '1', 'true', 'vrai', 'x', 'd_accord', 'accord'))
    AS consent
FROM named
WHERE full_key IN ('consentement', 'consentement_diffusion', 'consentement_publication', 'accord_diffusion',
    'accord_publication', 'autorisation_diffusion', 'consent', 'consentement_oui_non')
  OR last_key IN ('consentement', 'consentement_diffusion', 'consentement_publication', 'accord_diffusion',
    'accord_publication', 'autorisation_diffusion', 'consent')
GROUP BY ALL;

-- Free-text answers (items of type text in the form), with the response's consent. Only those
-- with consent may be published (src/surveys/build_marts.ts escapes them).
CREATE OR REPLACE VIEW survey_free_text AS
SELECT a.form_id, a.structure_id, a.wave, a.response_ref, a.item_name, a.value_text AS text,
  coalesce(c.consent, false) AS consent, a.load_id, a.source_line
FROM survey_answers_resolved a
LEFT JOIN survey_response_consent c USING (response_ref)
WHERE a.item_type = 'text' AND trim(a.value_text) <> '' AND a.structure_known;

-- Answers of Kobo repeat groups with their submission: structure, wave, date and form of the
-- response they belong to (NULL until its main sheet is loaded), the repeat and its position.
CREATE OR REPLACE VIEW survey_repeat_answers AS
SELECT r.structure_id, a.response_ref, r.source_format, r.form_id, r.wave, r.submitted_at,
  a.repeat_name, a.repeat_index, p.parent_table, p.parent_index, a.question_path, a.value_text,
  a.value_number, a.load_id, a.source_line
FROM stg_survey_repeat_answers a
JOIN stg_survey_repeats p USING (response_ref, repeat_name, repeat_index)
LEFT JOIN stg_survey_responses r USING (response_ref);
