-- Marts: what the pages show, computed in SQL from the staging tables.
-- Scope = one structure, or 'cooperation' for the four structures of La Coopération together.

-- Real presences only, each with the person's cross-structure key and minimised attributes.
CREATE OR REPLACE VIEW int_visits AS
SELECT
  a.structure_id,
  a.visit_date,
  year(a.visit_date) AS year,
  CAST(date_trunc('month', a.visit_date) AS DATE) AS month,
  coalesce(p.person_key, a.structure_id || ':' || a.person_ref) AS person_key,
  coalesce(a.hours, 0) AS hours,
  p.birth_year,
  p.lives_in_qpv
FROM stg_attendance a
LEFT JOIN stg_people p USING (structure_id, person_ref)
WHERE a.is_presence;

CREATE OR REPLACE VIEW int_scoped_visits AS
SELECT structure_id AS scope, * FROM int_visits
UNION ALL
SELECT 'cooperation' AS scope, v.*
FROM int_visits v JOIN stg_structures s USING (structure_id)
WHERE s.in_cooperation;

CREATE OR REPLACE VIEW int_scoped_volunteering AS
SELECT structure_id AS scope, year(month) AS year, * FROM stg_volunteering
UNION ALL
SELECT 'cooperation' AS scope, year(v.month) AS year, v.*
FROM stg_volunteering v JOIN stg_structures s USING (structure_id)
WHERE s.in_cooperation;

-- Key figures per scope and year.
CREATE OR REPLACE TABLE mart_activity_year AS
WITH visits AS (
  SELECT scope, year,
    count(DISTINCT person_key) AS participants,
    count(*) AS visits,
    sum(hours) AS person_hours,
    count(DISTINCT person_key) FILTER (WHERE lives_in_qpv) AS participants_qpv,
    count(DISTINCT person_key) FILTER (WHERE lives_in_qpv IS NOT NULL) AS participants_known_residence
  FROM int_scoped_visits GROUP BY ALL
), volunteering AS (
  -- A volunteer whose log gives a birth date has a cross-structure volunteer_key (counted once in
  -- the Coopération); the others count once per structure: volunteers_unit says which.
  SELECT scope, year,
    count(DISTINCT coalesce(volunteer_key, structure_id || ':' || volunteer_ref)) AS volunteers,
    sum(hours) AS volunteer_hours
  FROM int_scoped_volunteering GROUP BY ALL
), volunteer_units AS (
  -- One unit per scope for all years; a structure always counts people.
  SELECT scope,
    CASE WHEN bool_and(scope = structure_id OR volunteer_key IS NOT NULL) THEN 'personnes'
      ELSE 'bénévoles × structures' END AS volunteers_unit
  FROM int_scoped_volunteering GROUP BY scope
)
SELECT * FROM visits FULL JOIN (volunteering JOIN volunteer_units USING (scope)) USING (scope, year)
ORDER BY scope, year;

-- Monthly activity per scope.
CREATE OR REPLACE TABLE mart_activity_month AS
SELECT scope, year, month,
  count(DISTINCT person_key) AS participants,
  count(*) AS visits,
  sum(hours) AS person_hours
FROM int_scoped_visits GROUP BY ALL ORDER BY scope, month;

-- Participants per age band (age reached during the year).
CREATE OR REPLACE TABLE mart_age_bands AS
WITH people AS (
  SELECT scope, year, person_key, max(birth_year) AS birth_year
  FROM int_scoped_visits GROUP BY ALL
)
SELECT scope, year, age_band(birth_year, year) AS age_band, count(*) AS participants
FROM people GROUP BY ALL ORDER BY scope, year, age_band;

-- Key figures per public: the dashboards' « Public » filter. A public is an age band (age reached
-- during the year) or residence in a QPV; each person-year falls in exactly one band (« Âge
-- inconnu » included) and is either a QPV resident or not (« hors QPV » also holds unknown
-- residence), so the cells of one dimension add up to the scope's year (or month) figures.
CREATE OR REPLACE VIEW int_visits_public AS
WITH person_year AS (
  SELECT scope, year, person_key, max(birth_year) AS birth_year, bool_or(lives_in_qpv) AS qpv
  FROM int_scoped_visits GROUP BY ALL
)
SELECT v.scope, v.year, v.month, v.person_key, v.hours, p.qpv, d.dimension,
  CASE d.dimension WHEN 'age' THEN age_band(p.birth_year, v.year)
    ELSE CASE WHEN p.qpv THEN 'qpv' ELSE 'hors_qpv' END END AS public
FROM int_scoped_visits v
JOIN person_year p USING (scope, year, person_key)
CROSS JOIN (VALUES ('age'), ('qpv')) d(dimension);

CREATE OR REPLACE TABLE mart_activity_public AS
SELECT scope, year, dimension, public,
  count(DISTINCT person_key) AS participants,
  count(*) AS visits,
  sum(hours) AS person_hours,
  count(DISTINCT person_key) FILTER (WHERE qpv) AS participants_qpv,
  count(DISTINCT person_key) FILTER (WHERE qpv IS NOT NULL) AS participants_known_residence
FROM int_visits_public GROUP BY ALL ORDER BY scope, year, dimension, public;

CREATE OR REPLACE TABLE mart_activity_month_public AS
SELECT scope, year, month, dimension, public,
  count(DISTINCT person_key) AS participants,
  count(*) AS visits,
  sum(hours) AS person_hours
FROM int_visits_public GROUP BY ALL ORDER BY scope, month, dimension, public;

-- Participants per weekday of their visits (ISO 1 = Monday … 7 = Sunday) and age band: a person
-- coming on Saturdays counts once in that weekday, whatever the number of Saturdays.
CREATE OR REPLACE TABLE mart_weekday_age AS
WITH people AS (
  SELECT scope, year, isodow(visit_date) AS weekday, person_key, max(birth_year) AS birth_year
  FROM int_scoped_visits GROUP BY ALL
)
SELECT scope, year, weekday, age_band(birth_year, year) AS age_band, count(*) AS participants
FROM people GROUP BY ALL ORDER BY scope, year, weekday, age_band;

-- ISO 26000 self-assessment: the matrix (domain × relevance × maturity) per structure and year,
-- and per core subject for each structure, the Coopération and the cluster. Maturity is averaged
-- over the relevant domains, and weighted by relevance (a domain « forte » counts three times
-- one « faible »); domains « non pertinent » do not count.
CREATE OR REPLACE TABLE mart_iso26000_matrix AS
SELECT structure_id, assessment_year AS year, issue_code, core_subject, relevance, maturity
FROM stg_iso26000 ORDER BY structure_id, year, issue_code;

CREATE OR REPLACE TABLE mart_iso26000_subjects AS
WITH scoped AS (
  SELECT structure_id AS scope, i.* FROM stg_iso26000 i
  UNION ALL
  SELECT 'cooperation' AS scope, i.* FROM stg_iso26000 i JOIN stg_structures s USING (structure_id)
  WHERE s.in_cooperation
  UNION ALL
  SELECT 'cluster' AS scope, i.* FROM stg_iso26000 i JOIN stg_structures s USING (structure_id)
  WHERE s.in_cluster
)
SELECT scope, assessment_year AS year, core_subject,
  count(DISTINCT structure_id) AS structures,
  count(*) FILTER (WHERE relevance > 0) AS relevant_domains,
  round(avg(maturity) FILTER (WHERE relevance > 0), 2) AS maturity_mean,
  round(sum(maturity * relevance) / nullif(sum(relevance) FILTER (WHERE maturity IS NOT NULL), 0), 2)
    AS maturity_weighted,
  min(maturity) FILTER (WHERE relevance > 0) AS maturity_min
FROM scoped GROUP BY ALL ORDER BY scope, year, core_subject;
