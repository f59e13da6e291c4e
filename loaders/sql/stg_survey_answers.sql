-- Staging table stg_survey_answers: answers in long form, one row per response and question
-- column, exactly as exported (resolution against an instrument: stg_survey_views.sql). Free text
-- has names, e-mail addresses and phone numbers redacted.
CREATE TABLE IF NOT EXISTS stg_survey_answers (
  response_ref VARCHAR NOT NULL,
  structure_id VARCHAR NOT NULL,
  question_path VARCHAR NOT NULL, -- header as typed: « groupe_lien/q1_voisins », « Q2[SQ001] »
  value_text VARCHAR NOT NULL,    -- the answer as typed (redacted)
  value_number DOUBLE,            -- when the whole answer is a number
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (response_ref, question_path)
);
