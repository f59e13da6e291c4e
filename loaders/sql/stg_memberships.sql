-- Staging table stg_memberships: membership lists (« liste des adhésions »), one row per member
-- and membership start. A table of its own rather than stg_registrations: a membership is not a
-- registration to an activity (see loaders/registrations_memberships.ts).
CREATE TABLE IF NOT EXISTS stg_memberships (
  structure_id VARCHAR NOT NULL,
  person_ref VARCHAR NOT NULL,        -- from « N° adhérent » (same as the people export), else name + birth date
  person_key VARCHAR NOT NULL,        -- name + birth date across structures (people_common.ts), else person_ref
  membership_type VARCHAR,            -- individuelle, familiale, association, bénévole, autre
  membership_type_label VARCHAR,      -- the type as typed when it was not recognised (membership_type = 'autre')
  start_date DATE NOT NULL,
  end_date DATE,                      -- « Fin d'adhésion » / « Date d'expiration »
  amount DOUBLE,                      -- fee paid, in euros
  birth_year INTEGER,                 -- never the birth date itself
  commune_insee VARCHAR,              -- never the commune as typed
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, person_ref, start_date)
);
