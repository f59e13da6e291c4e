-- Maturité ISO 26000 de la question centrale 6.8, pondérée par la pertinence.
SELECT sc.scope_level, sc.scope, i.year,
  sum(i.relevance * i.maturity) / sum(i.relevance) AS value,
  sum(i.relevance * i.maturity) AS numerator,
  sum(i.relevance) AS denominator
FROM ind_iso26000 i JOIN ind_scopes sc USING (structure_id)
WHERE i.relevance > 0 AND i.maturity IS NOT NULL AND starts_with(i.issue_code, '6.8.')
GROUP BY ALL
