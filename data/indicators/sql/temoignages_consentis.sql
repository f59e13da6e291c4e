-- Témoignages recueillis avec le consentement de leur auteur (publiables).
SELECT sc.scope_level, sc.scope, t.year, count(*) FILTER (WHERE t.consent) AS value
FROM ind_testimonies t JOIN ind_scopes sc USING (structure_id)
GROUP BY ALL
