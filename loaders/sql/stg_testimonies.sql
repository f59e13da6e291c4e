-- Staging table stg_testimonies: written by the loaders, one row per source line kept.
-- The text is stored only with consent, with the author's names redacted; the author is never stored.
-- The text is kept as typed (HTML, a leading « = »…): escape it wherever it is shown.
CREATE TABLE IF NOT EXISTS stg_testimonies (
  structure_id VARCHAR NOT NULL,
  testimony_ref VARCHAR NOT NULL,     -- keyed hash of structure + date + text
  testimony_date DATE NOT NULL,
  text VARCHAR,                       -- NULL without consent
  dimensions VARCHAR[] NOT NULL,      -- cohesion_sociale, epanouissement, gouvernance, environnement,
                                      -- richesses_produites
  dimensions_unknown VARCHAR,         -- labels typed that are not dimensions of the socle commun (« ; »)
  consent BOOLEAN NOT NULL,
  public VARCHAR,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, testimony_ref)
);
