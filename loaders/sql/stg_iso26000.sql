-- Staging table stg_iso26000: one ISO 26000 self-assessment line per structure, year and domain of
-- action (NF ISO 26000; domains in data/reference/iso26000.csv).
CREATE TABLE IF NOT EXISTS stg_iso26000 (
  structure_id VARCHAR NOT NULL,
  assessment_year INTEGER NOT NULL,
  issue_code VARCHAR NOT NULL,      -- « 6.3.7 »
  core_subject VARCHAR NOT NULL,    -- « Droits de l'Homme »
  relevance INTEGER NOT NULL,       -- 0 non pertinent … 3 forte
  maturity INTEGER,                 -- 1 initial … 4 exemplaire; NULL when not relevant
  evidence VARCHAR,                 -- as typed, inert text
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, assessment_year, issue_code)
);
