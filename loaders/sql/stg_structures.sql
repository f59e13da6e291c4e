-- Staging table stg_structures: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_structures (
  structure_id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  structure_type VARCHAR NOT NULL,
  insee_code VARCHAR,
  commune VARCHAR,
  qpv_served VARCHAR,
  in_cooperation BOOLEAN,
  in_cluster BOOLEAN,
  in_federation BOOLEAN,
  approval_date DATE,
  siret VARCHAR,                -- 14 digits, optional: matches funders' open data (SCDL subsidies)
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL
);
-- Warehouses created before the SIRET column was added.
ALTER TABLE stg_structures ADD COLUMN IF NOT EXISTS siret VARCHAR;
