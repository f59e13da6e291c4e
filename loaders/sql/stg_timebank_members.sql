-- Staging table stg_timebank_members: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_timebank_members (
  structure_id VARCHAR NOT NULL,
  member_ref VARCHAR NOT NULL,  -- pseudonym of the member number (else of the name): never the name itself
  joined_on DATE,               -- date d'adhésion; NULL when missing or unreadable
  sex VARCHAR,                  -- F, H or autre
  birth_year SMALLINT,
  income_band VARCHAR,          -- band label as typed, tidied (« Moins de 800 € »)
  neighbourhood VARCHAR,        -- neighbourhood name as typed (not personal)
  lives_in_qpv BOOLEAN,         -- NULL when the neighbourhood is unknown
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, member_ref)
);
