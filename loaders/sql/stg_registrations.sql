-- Staging table stg_registrations: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_registrations (
  structure_id VARCHAR NOT NULL,
  registration_ref VARCHAR NOT NULL,
  person_ref VARCHAR NOT NULL,
  activity_id VARCHAR,
  activity_label VARCHAR,
  start_date DATE,
  end_date DATE,
  status VARCHAR,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, registration_ref)
);
