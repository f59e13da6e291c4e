-- Staging table stg_timebank_exchanges: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_timebank_exchanges (
  structure_id VARCHAR NOT NULL,
  exchange_ref VARCHAR NOT NULL,  -- keyed hash of date + giver + receiver + service + duration
  exchange_date DATE NOT NULL,
  giver_ref VARCHAR NOT NULL,     -- pseudonym of the member who gives the hour (as in stg_timebank_members)
  receiver_ref VARCHAR NOT NULL,  -- pseudonym of the member who receives it
  service VARCHAR,                -- the service as written
  category VARCHAR,               -- bricolage, informatique, cuisine… (« autre » when unknown)
  hours DOUBLE NOT NULL,          -- in (0, 12]: one hour given = one hour received
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, exchange_ref)
);
