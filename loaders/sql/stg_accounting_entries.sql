-- Staging table stg_accounting_entries: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_accounting_entries (
  structure_id VARCHAR NOT NULL,
  entry_ref VARCHAR NOT NULL,   -- keyed hash of the whole line + its occurrence among identical lines
  entry_date DATE,              -- NULL when the ledger only gives the fiscal year
  fiscal_year INTEGER NOT NULL, -- « Exercice » when given, else the year of the date
  account VARCHAR NOT NULL,     -- 3 to 8 digits of the associations' chart of accounts
  account_class VARCHAR NOT NULL, -- charge (6xx), produit (7xx), contribution_nature (86x/87x), autre
  label VARCHAR,
  debit DOUBLE NOT NULL,        -- euros, >= 0, empty cell = 0
  credit DOUBLE NOT NULL,       -- euros, >= 0, never both non-zero
  section VARCHAR,              -- analytic section / code (action, animation globale, ACF…)
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, entry_ref)
);
