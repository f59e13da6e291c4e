-- Staging table stg_partnerships: written by the loaders, one row per source line kept.
-- Partners are organisations (a private person is rejected by the loader).
CREATE TABLE IF NOT EXISTS stg_partnerships (
  structure_id VARCHAR NOT NULL,      -- the structure that sent the file (its inbox folder)
  partnership_ref VARCHAR NOT NULL,   -- keyed hash of actor + partner + subject
  actor VARCHAR NOT NULL,             -- the reporting actor as typed (registry id or name), else structure_id
  partner VARCHAR NOT NULL,
  partner_type VARCHAR,               -- association, collectivité, institution/État, caf, bailleur social,
                                      -- entreprise, école/établissement scolaire, collectif d'habitants, autre
  partner_type_label VARCHAR,         -- the type as typed when it was not recognised (partner_type = 'autre')
  subject VARCHAR,
  since DATE,                         -- 1st of the month for « mars 2019 », 1st January for « 2019 »
  formal BOOLEAN,                     -- a convention is signed
  intensity VARCHAR,                  -- ponctuel, régulier, permanent
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, partnership_ref)
);
