-- Staging table stg_survey_repeat_answers: answers inside a KoboToolbox repeat group, one row per
-- repeat instance and question column (redacted like stg_survey_answers; identity columns and
-- GPS positions never stored). Query them with their submission through the view
-- survey_repeat_answers (stg_survey_views.sql).
CREATE TABLE IF NOT EXISTS stg_survey_repeat_answers (
  response_ref VARCHAR NOT NULL,
  repeat_name VARCHAR NOT NULL,
  repeat_index INTEGER NOT NULL,
  question_path VARCHAR NOT NULL, -- header as typed: « participants/age_participant »
  value_text VARCHAR NOT NULL,
  value_number DOUBLE,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (response_ref, repeat_name, repeat_index, question_path)
);
