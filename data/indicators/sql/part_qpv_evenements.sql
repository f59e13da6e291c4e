-- Part des habitants de QPV dans les comptages des événements ouverts (séances où elle est notée).
SELECT sc.scope_level, sc.scope, h.year,
  sum(h.qpv_inhabitants) / sum(coalesce(h.adults, 0) + coalesce(h.children, 0)) AS value,
  sum(h.qpv_inhabitants) AS numerator,
  sum(coalesce(h.adults, 0) + coalesce(h.children, 0)) AS denominator
FROM ind_headcounts h JOIN ind_scopes sc USING (structure_id)
WHERE h.qpv_inhabitants IS NOT NULL
GROUP BY ALL
HAVING sum(coalesce(h.adults, 0) + coalesce(h.children, 0)) > 0
