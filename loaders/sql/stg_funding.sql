-- Staging table stg_funding: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_funding (
  structure_id VARCHAR NOT NULL,
  funding_ref VARCHAR NOT NULL, -- keyed hash of year + funder + scheme: one line per grant and year
  funder VARCHAR NOT NULL,      -- as typed
  funder_type VARCHAR NOT NULL, -- CAF, commune, département, région, État, FONJEP, Europe, fondation, usagers, autre
  scheme VARCHAR,               -- « Dispositif » / « Objet » as typed
  amount DOUBLE NOT NULL,       -- euros, > 0
  year INTEGER NOT NULL,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, funding_ref)
);
