-- Part des habitants usagers parmi les membres du conseil d'administration (SENACS) : seules
-- les structures qui ont répondu aux deux questions comptent.
WITH s AS (
  SELECT structure_id, year,
    max(value_number) FILTER (WHERE field = 'inhabitants_on_board') AS inhabitants,
    max(value_number) FILTER (WHERE field = 'board_members') AS board
  FROM ind_senacs WHERE field IN ('inhabitants_on_board', 'board_members') GROUP BY ALL
)
SELECT sc.scope_level, sc.scope, s.year, sum(s.inhabitants) / sum(s.board) AS value,
  sum(s.inhabitants) AS numerator, sum(s.board) AS denominator
FROM s JOIN ind_scopes sc USING (structure_id)
WHERE s.inhabitants IS NOT NULL AND s.board > 0
GROUP BY ALL
