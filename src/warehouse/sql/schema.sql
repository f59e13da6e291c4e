-- Staging layer: one table per kind of export, typed and pseudonymised by the loaders.
-- Every row keeps the load (file) and the line it came from.
CREATE SEQUENCE IF NOT EXISTS load_id_seq START 1;

CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS loads (
  load_id INTEGER PRIMARY KEY,
  kind VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  structure_id VARCHAR,
  file_name VARCHAR NOT NULL,
  sheet VARCHAR,
  sha256 VARCHAR NOT NULL,
  encoding VARCHAR,
  loaded_at TIMESTAMP NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rows_duplicate INTEGER NOT NULL,
  rows_replaced INTEGER NOT NULL,
  status VARCHAR NOT NULL,        -- loaded | partial
  period_start DATE,              -- first and last date of the rows, for dated kinds
  period_end DATE,
  superseded_by INTEGER           -- a later load of the same structure, format and period
);

-- Files read to the end (every sheet handled): the same bytes sent again are skipped unread.
CREATE TABLE IF NOT EXISTS loaded_files (
  sha256 VARCHAR PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS load_issues (
  load_id INTEGER NOT NULL,
  line INTEGER,
  column_name VARCHAR,
  value VARCHAR,                  -- the cell as typed; NULL for personal data
  severity VARCHAR NOT NULL, -- 'erreur' (row rejected) or 'avertissement'
  message VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS stg_structures (
  structure_id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  structure_type VARCHAR NOT NULL,
  insee_code VARCHAR,
  commune VARCHAR,
  qpv_served VARCHAR,
  in_cooperation BOOLEAN,
  in_cluster BOOLEAN,
  in_federation BOOLEAN,
  approval_date DATE,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS stg_people (
  structure_id VARCHAR NOT NULL,
  person_ref VARCHAR NOT NULL,  -- pseudonym of the structure's own id for the person
  person_key VARCHAR NOT NULL,  -- pseudonym of name + birth date: links one person across structures
  birth_year SMALLINT,
  postcode VARCHAR,
  lives_in_qpv BOOLEAN,          -- NULL when the place of residence is unknown
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, person_ref)
);

CREATE TABLE IF NOT EXISTS stg_registrations (
  structure_id VARCHAR NOT NULL,
  registration_ref VARCHAR NOT NULL,
  person_ref VARCHAR NOT NULL,
  activity_id VARCHAR,
  activity_label VARCHAR,
  start_date DATE,
  end_date DATE,
  status VARCHAR,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, registration_ref)
);

CREATE TABLE IF NOT EXISTS stg_attendance (
  structure_id VARCHAR NOT NULL,
  record_ref VARCHAR NOT NULL,  -- the software's own id, or a hash of the whole line for sheets
  person_ref VARCHAR NOT NULL,
  activity_label VARCHAR,
  visit_date DATE NOT NULL,
  hours DOUBLE,
  state VARCHAR NOT NULL,
  is_presence BOOLEAN NOT NULL, -- only real presences count as visits
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, record_ref)
);

CREATE TABLE IF NOT EXISTS stg_volunteering (
  structure_id VARCHAR NOT NULL,
  record_ref VARCHAR NOT NULL,
  volunteer_ref VARCHAR NOT NULL,
  month DATE NOT NULL,          -- first day of the month
  activity_date DATE,
  mission VARCHAR,
  hours DOUBLE NOT NULL,
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, record_ref)
);
