-- Staging table stg_survey_repeats: one row per instance of a KoboToolbox repeat group (a row of
-- a repeat sheet of an XLSX export), tied to its submission through the keyed pseudonym of
-- `_submission__uuid` (the same response_ref as the main sheet's `_uuid`, whatever the order in
-- which the sheets are read). Nested repeats name their parent sheet and its `_index`.
CREATE TABLE IF NOT EXISTS stg_survey_repeats (
  response_ref VARCHAR NOT NULL,  -- the submission (stg_survey_responses.response_ref)
  repeat_name VARCHAR NOT NULL,   -- the repeat sheet (the repeat group's name)
  repeat_index INTEGER NOT NULL,  -- the row's `_index` in its sheet
  parent_table VARCHAR NOT NULL,  -- `_parent_table_name`: the main sheet or an enclosing repeat
  parent_index INTEGER,           -- `_parent_index`: the parent row's `_index`
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (response_ref, repeat_name, repeat_index)
);
