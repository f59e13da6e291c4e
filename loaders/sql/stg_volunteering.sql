-- Staging table stg_volunteering: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_volunteering (
  structure_id VARCHAR NOT NULL,
  record_ref VARCHAR NOT NULL,
  volunteer_ref VARCHAR NOT NULL,
  month DATE NOT NULL,          -- first day of the month
  activity_date DATE,
  mission VARCHAR,
  hours DOUBLE NOT NULL,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, record_ref)
);
