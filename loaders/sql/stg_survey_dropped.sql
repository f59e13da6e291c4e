-- Staging table stg_survey_dropped: question columns of an answers export that were not loaded
-- because they identify the respondent (nom, prénom, e-mail, téléphone, adresse), hold a GPS
-- position (Kobo geopoint, geotrace, geoshape) or are personal metadata of the tool. No value.
CREATE TABLE IF NOT EXISTS stg_survey_dropped (
  structure_id VARCHAR,           -- NULL for a Kobo repeat sheet (its structure is its submission's)
  question_path VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,        -- identite | gps | metadonnee
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,   -- first response line holding a value
  PRIMARY KEY (load_id, question_path)
);
