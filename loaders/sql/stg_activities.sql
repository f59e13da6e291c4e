-- Staging table stg_activities: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_activities (
  structure_id VARCHAR NOT NULL,
  activity_id VARCHAR NOT NULL,  -- the structure's own code for the action
  label VARCHAR NOT NULL,
  sector VARCHAR,                -- enfance, jeunesse, familles, adultes, seniors, tous publics; NULL if unknown
  public VARCHAR,
  theme VARCHAR,                 -- the structure's own theme, as written
  senacs_theme VARCHAR,          -- as written, else from data/reference/themes.csv; NULL if unknown
  socle_dimension VARCHAR,       -- one of the five socle commun dimensions; NULL if unknown
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, activity_id)
);
