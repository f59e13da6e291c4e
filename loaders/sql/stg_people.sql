-- Staging table stg_people: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_people (
  structure_id VARCHAR NOT NULL,
  person_ref VARCHAR NOT NULL,  -- pseudonym of the structure's own id for the person
  person_key VARCHAR NOT NULL,  -- pseudonym of name + birth date: links one person across structures
  birth_year SMALLINT,
  postcode VARCHAR,
  lives_in_qpv BOOLEAN,          -- NULL when the place of residence is unknown
  sex VARCHAR CHECK (sex IN ('F', 'H')),                   -- NULL when unknown
  commune_insee VARCHAR CHECK (length(commune_insee) = 5), -- commune of residence, NULL when unknown
  qf_band VARCHAR,               -- family quotient band (data/reference/qf_bands.csv), never the amount
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, person_ref)
);
