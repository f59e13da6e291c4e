-- Staging table stg_budgets: written by the loaders, one row per source line kept.
CREATE TABLE IF NOT EXISTS stg_budgets (
  structure_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL,      -- as typed, inner spaces collapsed
  year INTEGER NOT NULL,
  planned_costs DOUBLE NOT NULL,  -- euros, empty cell = 0
  planned_income DOUBLE NOT NULL, -- euros, empty cell = 0
  actual_costs DOUBLE,          -- NULL until the year is closed (« Réalisé » empty or absent)
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (structure_id, action, year)
);
