-- Staging table stg_staff: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_staff (
  structure_id VARCHAR NOT NULL,
  staff_ref VARCHAR NOT NULL,    -- pseudonym of the name: never the name itself
  role VARCHAR NOT NULL,
  contract VARCHAR NOT NULL,     -- CDI, CDD, contrat aidé, apprentissage, contrat de professionnalisation, CEE, mise à disposition
  fte DOUBLE NOT NULL,           -- in (0, 1]: 50 % is stored as 0.5
  start_date DATE NOT NULL,
  end_date DATE,                 -- NULL while the contract runs
  funding VARCHAR,               -- FONJEP, poste adulte-relais… as written
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, staff_ref, start_date)
);
