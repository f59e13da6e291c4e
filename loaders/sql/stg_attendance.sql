-- Staging table stg_attendance: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_attendance (
  structure_id VARCHAR NOT NULL,
  record_ref VARCHAR NOT NULL,  -- the software's own id, or a hash of the whole line for sheets
  person_ref VARCHAR NOT NULL,
  activity_label VARCHAR,
  visit_date DATE NOT NULL,
  hours DOUBLE,
  state VARCHAR NOT NULL,
  is_presence BOOLEAN NOT NULL, -- only real presences count as visits
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, record_ref)
);
