-- Indicator views: the documented surface the indicator SQL files (data/indicators/sql/*.sql)
-- read. An indicator never reads a staging table directly: it reads these views, so a change of
-- staging schema is absorbed here, once. Rebuilt with the marts (src/indicators/build_marts.ts).
--
-- Conventions for every view below:
--   * structure_id  the registry id (stg_structures);
--   * year          the calendar (or fiscal) year the row describes — NULL never means 0;
--   * load_id       the load (file) the row came from, for lineage.
-- Reference tables ref_communes (from @etalab/decoupage-administratif) and ref_qf_bands
-- (data/reference/qf_bands.csv) are written by the engine just before this file runs; the
-- volunteering rate tables (ref_volunteering_*) come from src/volunteering/build_marts.ts
-- (data/reference/taux_valorisation_benevolat.csv).

-- Every structure mapped to the scopes it belongs to. An indicator groups by (scope_level,
-- scope) after joining this view, so a distinct count stays distinct at every level (a person
-- seen in two structures of the Coopération counts once for the Coopération).
--   scope_level: structure | cooperation | cluster | departement
--   scope:       the structure id, or 'cooperation', 'cluster', 'departement'
-- cluster = flagged in_cluster in the registry, or located in a commune of Valence Romans Agglo
-- (EPCI 200068781); departement = every structure of the registry (the Drôme network).
CREATE OR REPLACE VIEW ind_scopes AS
SELECT 'structure' AS scope_level, structure_id AS scope, structure_id FROM stg_structures
UNION ALL
SELECT 'cooperation', 'cooperation', structure_id FROM stg_structures WHERE in_cooperation
UNION ALL
SELECT 'cluster', 'cluster', s.structure_id FROM stg_structures s
WHERE s.in_cluster OR s.insee_code IN (SELECT insee FROM ref_communes WHERE in_cluster)
UNION ALL
SELECT 'departement', 'departement', structure_id FROM stg_structures;

-- Years an undated list (staff contracts, partnerships) is read for.
CREATE OR REPLACE VIEW ind_years AS
-- Up to the latest year of dated activity (int_last_activity_year), the current year when none.
SELECT CAST(y AS INTEGER) AS year
FROM range(2017, coalesce((SELECT year FROM int_last_activity_year), year(current_date)) + 1) t(y);

-- Communes (current ones) with their municipal population and membership of the cluster EPCI.
CREATE OR REPLACE VIEW ind_communes AS
SELECT insee, name, population, in_cluster FROM ref_communes;

-- Family quotient bands (data/reference/qf_bands.csv): label as stored in stg_people.qf_band,
-- bounds in euros (both included), max_eur NULL for the open last band (« > 1500 »).
CREATE OR REPLACE VIEW ind_qf_bands AS
SELECT label, min_eur, max_eur FROM ref_qf_bands;

-- Communes where the structures of each scope stand (the territory served, for reach rates).
CREATE OR REPLACE VIEW ind_scope_communes AS
SELECT DISTINCT sc.scope_level, sc.scope, c.insee, c.population
FROM ind_scopes sc JOIN stg_structures s USING (structure_id) JOIN ref_communes c ON c.insee = s.insee_code;

-- One row per real presence (attendance exports and sign-in sheets). person_key links one
-- person across structures (name + birth date), else is local to the structure. Attributes come
-- from the people export: birth year, QPV residence, commune, family quotient band.
CREATE OR REPLACE VIEW ind_visits AS
SELECT a.structure_id, year(a.visit_date) AS year, a.visit_date,
  coalesce(p.person_key, a.structure_id || ':' || a.person_ref) AS person_key,
  a.activity_label, a.hours, p.birth_year, p.lives_in_qpv, p.commune_insee, p.qf_band, p.sex,
  a.load_id
FROM stg_attendance a
LEFT JOIN stg_people p USING (structure_id, person_ref)
WHERE a.is_presence;

-- Open events counted by head (no names): one row per session.
CREATE OR REPLACE VIEW ind_headcounts AS
SELECT structure_id, year(event_date) AS year, event_date, action, adults, children,
  qpv_inhabitants, volunteers_present, load_id
FROM stg_headcounts;

-- Catalogue of actions (undated: the current list of each structure), dated to the latest year
-- of the structure's attendance, else to the year it was loaded.
CREATE OR REPLACE VIEW ind_activities AS
SELECT a.structure_id,
  coalesce((SELECT max(year(t.visit_date)) FROM stg_attendance t WHERE t.structure_id = a.structure_id),
    year(l.loaded_at)) AS year,
  a.activity_id, a.label, a.sector, a.public, a.theme, a.senacs_theme, a.socle_dimension, a.load_id
FROM stg_activities a LEFT JOIN loads l USING (load_id);

-- Registrations to activities, dated by their start.
CREATE OR REPLACE VIEW ind_registrations AS
SELECT structure_id, year(start_date) AS year, registration_ref, person_ref, activity_id, status, load_id
FROM stg_registrations WHERE start_date IS NOT NULL;

-- Volunteering hours valued at the hourly rate in force on the month (gross SMIC × the mission's
-- grade × employer-charges coefficient, high and low, as in mart_volunteering_value).
-- volunteer_key: the cross-structure key (name + birth date) when the log gives a birth date
-- (linked), else the structure's own pseudonym: an unlinked volunteer of two structures counts
-- twice above the structure (see ind_volunteer_count_unit).
-- is_governance: board / bureau / governance missions.
CREATE OR REPLACE VIEW ind_volunteering AS
SELECT v.structure_id, year(v.month) AS year, v.month,
  coalesce(v.volunteer_key, v.structure_id || ':' || v.volunteer_ref) AS volunteer_key,
  v.volunteer_key IS NOT NULL AS linked,
  v.mission,
  regexp_matches(lower(coalesce(v.mission, '')), 'conseil d.administration|bureau|gouvernance|assembl|\bca\b')
    AS is_governance,
  v.hours,
  -- Same valuation as mart_volunteering_value: the rate in force that month, the mission's grade.
  coalesce(g.hourly_rate, r.smic * coalesce(g.multiplier, 1)) * r.coefficient AS hourly_rate,
  v.hours * coalesce(g.hourly_rate, r.smic * coalesce(g.multiplier, 1)) * r.coefficient AS value_eur,
  -- The low bound of the range: the low employer-charges coefficient (general reduction at SMIC level).
  v.hours * coalesce(g.hourly_rate, r.smic * coalesce(g.multiplier, 1)) * r.coefficient_low AS value_low_eur,
  v.load_id
FROM stg_volunteering v
ASOF LEFT JOIN ref_volunteering_rates r ON v.month >= r.start_date
LEFT JOIN ref_volunteering_missions m ON m.mission = v.mission
LEFT JOIN ref_volunteering_grades g ON g.category = m.category;

-- What a volunteer count above the structure counts, per scope: « bénévoles × structures » when
-- at least one volunteering line of the scope has no cross-structure key (a volunteer of two
-- structures may then count twice), NULL (the catalogue unit, personnes) when every line is
-- linked. One unit per scope, all years together, so a series never changes unit midway.
CREATE OR REPLACE VIEW ind_volunteer_count_unit AS
SELECT sc.scope_level, sc.scope,
  CASE WHEN bool_and(v.linked) THEN NULL ELSE 'bénévoles × structures' END AS unit,
  count(*) FILTER (WHERE v.linked) AS linked_lines, count(*) FILTER (WHERE NOT v.linked) AS unlinked_lines
FROM ind_volunteering v JOIN ind_scopes sc USING (structure_id)
WHERE sc.scope_level <> 'structure'
GROUP BY ALL;

-- Salaried staff per year: each contract's FTE weighted by the share of the year it ran
-- (Σ FTE × days / days in the year), for the years 2017 to now.
CREATE OR REPLACE VIEW ind_staff_year AS
WITH spans AS (
  SELECT s.structure_id, s.staff_ref, s.fte, s.load_id, y.year,
    greatest(s.start_date, make_date(y.year, 1, 1)) AS d0,
    least(coalesce(s.end_date, make_date(y.year, 12, 31)), make_date(y.year, 12, 31)) AS d1
  FROM stg_staff s CROSS JOIN ind_years y
)
SELECT structure_id, year, staff_ref, load_id,
  fte * (date_diff('day', d0, d1) + 1) / (date_diff('day', make_date(year, 1, 1), make_date(year, 12, 31)) + 1)
    AS fte_year
FROM spans WHERE d1 >= d0;

-- Accounting entries per fiscal year, signed: charges (6xx) debit − credit, produits (7xx but
-- 87x) credit − debit, contributions volontaires en nature (86x debits).
CREATE OR REPLACE VIEW ind_accounting AS
SELECT structure_id, fiscal_year AS year, account, account_class, label, section,
  CASE account_class
    WHEN 'charge' THEN debit - credit
    WHEN 'produit' THEN credit - debit
    WHEN 'contribution_nature' THEN CASE WHEN account LIKE '86%' THEN debit - credit ELSE 0 END
    ELSE 0
  END AS amount,
  load_id
FROM stg_accounting_entries;

-- Funders table: one row per grant and year (funder_type CAF, commune, département, région,
-- État, FONJEP, Europe, fondation, usagers, autre).
CREATE OR REPLACE VIEW ind_funding AS
SELECT structure_id, year, funder, funder_type, scheme, amount, load_id FROM stg_funding;

-- Budgets per action and year.
CREATE OR REPLACE VIEW ind_budgets AS
SELECT structure_id, year, action, planned_costs, planned_income, actual_costs, load_id FROM stg_budgets;

-- Partnerships (the current list), with the year they started (NULL when unknown: counted in
-- every year). partner_norm is the partner's name without case, accents or punctuation.
CREATE OR REPLACE VIEW ind_partnerships AS
SELECT structure_id, actor, partner,
  regexp_replace(lower(strip_accents(partner)), '[^a-z0-9]+', '', 'g') AS partner_norm,
  partner_type, subject, since, year(since) AS since_year, formal, intensity, load_id
FROM stg_partnerships;

-- Time bank: exchanges (one hour given = one hour received) and members.
CREATE OR REPLACE VIEW ind_timebank_exchanges AS
SELECT structure_id, year(exchange_date) AS year, exchange_date, giver_ref, receiver_ref, category, hours, load_id
FROM stg_timebank_exchanges;

CREATE OR REPLACE VIEW ind_timebank_members AS
SELECT structure_id, member_ref, joined_on, year(joined_on) AS joined_year, sex, birth_year, lives_in_qpv, load_id
FROM stg_timebank_members;

-- Memberships (« adhésions »), one row per member and year the membership covers (start year
-- to end year; the start year alone when no end is given).
CREATE OR REPLACE VIEW ind_memberships AS
SELECT m.structure_id, CAST(y.year AS INTEGER) AS year, m.person_key, m.membership_type, m.amount, m.load_id
FROM stg_memberships m,
  LATERAL (SELECT unnest(range(year(m.start_date), year(coalesce(m.end_date, m.start_date)) + 1)) AS year) y;

-- Testimonies (text never exposed here): consent and the socle commun dimensions tagged.
CREATE OR REPLACE VIEW ind_testimonies AS
SELECT structure_id, year(testimony_date) AS year, testimony_ref, consent, dimensions, load_id
FROM stg_testimonies;

-- SENACS answers (year = the year described, N-1 of the campaign). value_number is NULL for an
-- unknown answer (« NSP »): missing, never 0.
CREATE OR REPLACE VIEW ind_senacs AS
SELECT structure_id, survey_year AS year, field, unit, value_number, value_text, load_id
FROM stg_senacs_answers;

-- French names of the socle commun dimensions of the survey forms.
CREATE OR REPLACE VIEW ind_survey_dimensions AS
SELECT * FROM (VALUES ('cohesion_sociale', 'cohésion sociale'), ('epanouissement', 'épanouissement'),
  ('gouvernance', 'gouvernance'), ('environnement', 'environnement'),
  ('richesses_produites', 'richesses produites')) t(code, dimension);

-- Scored survey answers (Likert select_one items resolved against their XLSForm, reverse items
-- already reversed), with the socle commun dimension in French and the wave (avant | apres | …).
-- One row per answer: what completeness and lineage read (the scores are per person, below).
CREATE OR REPLACE VIEW ind_survey_scores AS
SELECT r.structure_id, year(r.submitted_at) AS year, r.response_ref, r.wave, r.item_name,
  coalesce(d.dimension, r.dimension) AS dimension, r.score, r.load_id
FROM survey_answers_resolved r LEFT JOIN ind_survey_dimensions d ON d.code = r.dimension
WHERE r.structure_known AND r.score IS NOT NULL AND r.submitted_at IS NOT NULL;

-- Survey scores per person, the rule of the « Enquêtes » page (survey_dimension_scores and
-- survey_wave_responses, loaders/sql/stg_survey_views.sql): a response's score on a dimension is
-- the mean of the dimension's Likert items it answered (reverse items flipped), given when it
-- answered at least half of them; one response per person and wave (the latest). person_key is
-- the respondent code (the response itself without one), within a structure and form.
CREATE OR REPLACE VIEW ind_survey_person_scores AS
SELECT s.structure_id, year(s.submitted_at) AS year, s.form_id, s.wave, s.response_ref,
  s.structure_id || ':' || s.form_id || ':' || coalesce(s.respondent_ref, s.response_ref) AS person_key,
  coalesce(d.dimension, s.dimension) AS dimension, s.score
FROM survey_dimension_scores s
JOIN survey_wave_responses w USING (form_id, response_ref)
LEFT JOIN ind_survey_dimensions d ON d.code = s.dimension
WHERE s.submitted_at IS NOT NULL;

-- Before/after pairs of the « Enquêtes » page (survey_dimension_pairs): the same respondent code
-- in the « avant » and « après » waves of one form and structure; year = the year of the « après »
-- response (the change is measured then). change = score after − score before.
CREATE OR REPLACE VIEW ind_survey_pairs AS
SELECT p.structure_id, year(a.submitted_at) AS year, p.form_id, p.respondent_ref,
  coalesce(d.dimension, p.dimension) AS dimension, p.score_before, p.score_after, p.change
FROM survey_dimension_pairs p
JOIN survey_wave_responses a ON a.form_id = p.form_id AND a.structure_id = p.structure_id
  AND a.respondent_ref = p.respondent_ref AND a.wave = 'apres'
LEFT JOIN ind_survey_dimensions d ON d.code = p.dimension
WHERE a.submitted_at IS NOT NULL;

-- ISO 26000 self-assessment lines (relevance 0–3, maturity 1–4; NULL maturity = not relevant).
CREATE OR REPLACE VIEW ind_iso26000 AS
SELECT structure_id, assessment_year AS year, issue_code, core_subject, relevance, maturity, load_id
FROM stg_iso26000;

-- Staging table → (structure, year, load) actually present: what completeness and lineage read.
-- year is NULL for undated lists (catalogue of actions, staff, partnerships, people, members):
-- such a list counts for every year.
CREATE OR REPLACE VIEW ind_source_loads AS
SELECT DISTINCT 'stg_attendance' AS source, structure_id, year(visit_date) AS year, load_id FROM stg_attendance
UNION ALL SELECT DISTINCT 'stg_people', structure_id, NULL, load_id FROM stg_people
UNION ALL SELECT DISTINCT 'stg_households', structure_id, NULL, load_id FROM stg_households
UNION ALL SELECT DISTINCT 'stg_registrations', structure_id, year(start_date), load_id FROM stg_registrations
UNION ALL SELECT DISTINCT 'stg_headcounts', structure_id, year(event_date), load_id FROM stg_headcounts
UNION ALL SELECT DISTINCT 'stg_activities', structure_id, NULL, load_id FROM stg_activities
UNION ALL SELECT DISTINCT 'stg_volunteering', structure_id, year(month), load_id FROM stg_volunteering
UNION ALL SELECT DISTINCT 'stg_staff', structure_id, NULL, load_id FROM stg_staff
UNION ALL SELECT DISTINCT 'stg_accounting_entries', structure_id, fiscal_year, load_id FROM stg_accounting_entries
UNION ALL SELECT DISTINCT 'stg_funding', structure_id, year, load_id FROM stg_funding
UNION ALL SELECT DISTINCT 'stg_budgets', structure_id, year, load_id FROM stg_budgets
UNION ALL SELECT DISTINCT 'stg_partnerships', structure_id, NULL, load_id FROM stg_partnerships
UNION ALL SELECT DISTINCT 'stg_timebank_exchanges', structure_id, year(exchange_date), load_id FROM stg_timebank_exchanges
UNION ALL SELECT DISTINCT 'stg_timebank_members', structure_id, NULL, load_id FROM stg_timebank_members
UNION ALL SELECT DISTINCT 'stg_memberships', structure_id, year, load_id FROM ind_memberships
UNION ALL SELECT DISTINCT 'stg_testimonies', structure_id, year(testimony_date), load_id FROM stg_testimonies
UNION ALL SELECT DISTINCT 'stg_senacs_answers', structure_id, survey_year, load_id FROM stg_senacs_answers
UNION ALL SELECT DISTINCT 'stg_survey_answers', structure_id, year, load_id FROM ind_survey_scores
UNION ALL SELECT DISTINCT 'stg_iso26000', structure_id, assessment_year, load_id FROM stg_iso26000;
