-- Staging table stg_survey_items: the `survey` sheet of an XLSForm workbook, one row per
-- question or group (end_group rows are not kept). Keyed by its own load: the form is resolved
-- in SQL (view survey_items), whatever the order in which sheets and answers arrive.
CREATE TABLE IF NOT EXISTS stg_survey_items (
  form_id VARCHAR,                -- a form_id column typed in the survey sheet, if any
  name VARCHAR NOT NULL,          -- XLSForm name: the last segment of the answers' column paths
  item_type VARCHAR NOT NULL,     -- select_one, select_multiple, integer, text, begin_group, note…
  list_name VARCHAR,              -- choice list of select_one / select_multiple
  label VARCHAR,
  dimension VARCHAR,              -- socle commun: cohesion_sociale, epanouissement, gouvernance,
                                  -- environnement, richesses_produites
  reverse_coded BOOLEAN NOT NULL, -- a Likert item scored backwards
  required VARCHAR,
  relevant VARCHAR,
  group_path VARCHAR,             -- enclosing groups, « groupe_lien/sous_groupe », NULL at the top
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,   -- also the item's order in the form
  PRIMARY KEY (load_id, name)
);
