-- Staging table stg_territory_stats: official statistics of the communes (INSEE base comparateur de
-- territoires / dossier complet), one value per commune and variable code. The code carries its
-- vintage (P21_POP: population 2021): a new vintage adds rows, the same one sent again replaces them.
CREATE TABLE IF NOT EXISTS stg_territory_stats (
  commune_insee VARCHAR NOT NULL,   -- CODGEO (5 characters, 2A/2B for Corsica)
  commune_label VARCHAR,            -- LIBGEO as published
  source VARCHAR NOT NULL,          -- 'insee'
  code VARCHAR NOT NULL,            -- the column code as published: P21_POP, MED21, TP6021…
  variable VARCHAR NOT NULL,        -- the code without its year: P_POP, MED, TP60…
  vintage INTEGER,                  -- the year read from the code (null for SUPERF)
  value DOUBLE,                     -- null when secret or unavailable, never 0
  status VARCHAR,                   -- 'secret' (s), 'absent' (nd, empty), else null
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (commune_insee, source, code)
);
