-- The latest year of dated activity — attendance, event headcounts, volunteering, time-bank
-- exchanges, accounting entries — never after the current year; NULL when none is loaded.
-- Budgets and funding are left out: they can be voted for the years ahead. Lists that describe
-- the present (staff contracts, partnership lists) are read up to this year: a list sent in
-- November 2026 describes 2026 too, but no page should show a 2026 whose activity has not arrived.
CREATE OR REPLACE VIEW int_last_activity_year AS
SELECT CAST(least(max(y), year(current_date)) AS INTEGER) AS year FROM (
  SELECT max(year(visit_date)) AS y FROM stg_attendance
  UNION ALL SELECT max(year(event_date)) FROM stg_headcounts
  UNION ALL SELECT max(year(month)) FROM stg_volunteering
  UNION ALL SELECT max(year(exchange_date)) FROM stg_timebank_exchanges
  UNION ALL SELECT max(fiscal_year) FROM stg_accounting_entries
);
