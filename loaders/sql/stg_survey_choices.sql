-- Staging table stg_survey_choices: the `choices` sheet of an XLSForm workbook.
CREATE TABLE IF NOT EXISTS stg_survey_choices (
  list_name VARCHAR NOT NULL,
  name VARCHAR NOT NULL,          -- the value stored in answers (« 4 », « atelier_cuisine »)
  label VARCHAR,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,   -- also the choice's order in its list
  PRIMARY KEY (load_id, list_name, name)
);
