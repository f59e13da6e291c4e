-- Staging table stg_survey_dropped: question columns of an answers export that were not loaded
-- because they identify the respondent (nom, prénom, e-mail, téléphone, adresse). No value.
CREATE TABLE IF NOT EXISTS stg_survey_dropped (
  structure_id VARCHAR NOT NULL,
  question_path VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,        -- identite
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,   -- first response line holding a value
  PRIMARY KEY (load_id, question_path)
);
