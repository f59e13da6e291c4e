-- Staging table stg_households: households (families) of a structure, one row per source line kept.
-- No CAF number, address or amount: only the family quotient band and the commune.
CREATE TABLE IF NOT EXISTS stg_households (
  structure_id VARCHAR NOT NULL,
  household_ref VARCHAR NOT NULL,  -- pseudonym of the structure's own family id
  qf_band VARCHAR,                 -- family quotient band (data/reference/qf_bands.csv), NULL when unknown
  commune_insee VARCHAR CHECK (length(commune_insee) = 5), -- NULL when unknown
  children SMALLINT,               -- number of children, NULL when not exported
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, household_ref)
);
