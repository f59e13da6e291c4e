-- Staging table stg_senacs_unmapped: SENACS columns absent from data/reference/senacs_fields.csv,
-- kept as typed so a later mapping can be applied by re-ingesting (see loaders/senacs.ts).
CREATE TABLE IF NOT EXISTS stg_senacs_unmapped (
  structure_id VARCHAR NOT NULL,
  survey_year INTEGER NOT NULL,
  column_label VARCHAR NOT NULL, -- the header as typed
  value_text VARCHAR,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, survey_year, column_label)
);
