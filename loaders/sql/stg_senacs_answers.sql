-- Staging table stg_senacs_answers: the SENACS questionnaire in long form, one row per answered
-- question (fields mapped in data/reference/senacs_fields.csv).
CREATE TABLE IF NOT EXISTS stg_senacs_answers (
  structure_id VARCHAR NOT NULL,
  survey_year INTEGER NOT NULL,  -- the year the answers describe (N-1 of the campaign)
  field VARCHAR NOT NULL,        -- mapping field name (volunteers_activity, fte_total…)
  unit VARCHAR NOT NULL,         -- unit from the mapping (personnes, ETP, €, texte, oui/non…)
  value_number DOUBLE,           -- NULL for text and for unknown answers (« NSP »), never 0
  value_text VARCHAR,            -- text answers, « oui »/« non », or the unknown answer as typed
  column_label VARCHAR NOT NULL, -- reference label of the field in the mapping
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, survey_year, field)
);
