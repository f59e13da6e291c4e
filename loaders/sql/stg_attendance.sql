-- Staging table stg_attendance: written by the loaders, one row per source line kept.
-- Key (structure_id, record_ref), kept unique by the loaders' merge (delete then insert in the
-- load's transaction, see src/ingest/write_rows.ts). No PRIMARY KEY: on millions of rows its index
-- made every load ten times slower and doubled the memory, for a guarantee the merge already gives.
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
  source_line INTEGER NOT NULL
);
