-- Part des participants au quotient familial bas (tranche dont la borne haute est ≤ 700 €),
-- parmi ceux dont la tranche est connue (data/reference/qf_bands.csv).
WITH p AS (
  SELECT sc.scope_level, sc.scope, v.year, v.person_key,
    bool_or(try_cast(regexp_extract(v.qf_band, '(\d+)\D*$', 1) AS INTEGER) <= 700) AS low
  FROM ind_visits v JOIN ind_scopes sc USING (structure_id)
  WHERE v.qf_band IS NOT NULL GROUP BY ALL
)
SELECT scope_level, scope, year, count(*) FILTER (WHERE low) / count(*) AS value,
  count(*) FILTER (WHERE low) AS numerator, count(*) AS denominator
FROM p GROUP BY ALL
