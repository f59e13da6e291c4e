-- Staging table stg_survey_forms: the `settings` sheet of an XLSForm workbook (one row per sheet
-- load). Items and choices of the same workbook are linked to it through loads.sha256 (see
-- stg_survey_views.sql).
CREATE TABLE IF NOT EXISTS stg_survey_forms (
  form_id VARCHAR NOT NULL,       -- settings.form_id: answers name their form with it
  form_title VARCHAR,
  form_version VARCHAR,
  target_n INTEGER,               -- settings.cible: people the survey aims to reach (all structures)
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (load_id, form_id)
);
