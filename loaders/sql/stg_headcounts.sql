-- Staging table stg_headcounts: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_headcounts (
  structure_id VARCHAR NOT NULL,
  record_ref VARCHAR NOT NULL,  -- keyed hash of date + action: one session per action and day
  event_date DATE NOT NULL,
  action VARCHAR NOT NULL,
  adults INTEGER,               -- NULL when the cell was left empty
  children INTEGER,
  qpv_inhabitants INTEGER,      -- among adults + children
  volunteers_present INTEGER,
  place VARCHAR,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, record_ref)
);
