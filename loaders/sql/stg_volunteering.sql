-- Staging table stg_volunteering: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_volunteering (
  structure_id VARCHAR NOT NULL,
  record_ref VARCHAR NOT NULL,
  volunteer_ref VARCHAR NOT NULL,  -- pseudonym of the name within the structure
  volunteer_key VARCHAR,           -- pseudonym of name + birth date: links one volunteer across structures; NULL without a birth date
  month DATE NOT NULL,          -- first day of the month
  activity_date DATE,
  mission VARCHAR,
  hours DOUBLE NOT NULL,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, record_ref)
);
