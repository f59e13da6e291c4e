-- Load bookkeeping. The staging tables, one per kind of export, are in loaders/sql/: every
-- row there keeps the load (file) and the line it came from.
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
  superseded_by INTEGER,          -- a later load of the same structure, format and period
  source VARCHAR NOT NULL DEFAULT 'export' -- kit: a collection-kit template (src/kit/); export: anything else
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

-- Loads withdrawn by `deno task unload` or replaced by a reload under another kind or structure:
-- their rows left every staging table and their record left `loads` (so nothing counts them any
-- more); the archive keeps the original file. `withdrawn_by` is the operator's login: never published.
CREATE TABLE IF NOT EXISTS load_withdrawals (
  load_id INTEGER PRIMARY KEY,
  kind VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  structure_id VARCHAR,
  file_name VARCHAR NOT NULL,
  sheet VARCHAR,
  sha256 VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_removed INTEGER NOT NULL,  -- rows deleted from the staging tables
  withdrawn_at TIMESTAMP NOT NULL,
  withdrawn_by VARCHAR NOT NULL,  -- USER, or 'inconnu'
  reason VARCHAR NOT NULL,
  replaced_by INTEGER             -- the load that replaced it (reload under another kind), if any
);

-- The « correspondance » (data/correspondances/*.csv) a load was read through, with the mapping's
-- SHA-256 at that time: which column meant which field is part of the load's traceability.
CREATE TABLE IF NOT EXISTS load_layouts (
  load_id INTEGER PRIMARY KEY,
  layout_file VARCHAR NOT NULL,
  layout_sha256 VARCHAR NOT NULL
);
