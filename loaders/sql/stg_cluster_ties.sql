-- Staging table stg_cluster_ties: the cluster's actor map, one undirected tie per line kept.
-- Actors are organisations (a private person is rejected by the loader), registry structures or not.
CREATE TABLE IF NOT EXISTS stg_cluster_ties (
  map_scope VARCHAR NOT NULL,   -- 'cluster': a new map replaces the earlier one whole
  tie_ref VARCHAR NOT NULL,     -- keyed hash of the unordered pair + the type of cooperation
  actor_a VARCHAR NOT NULL,     -- as typed
  actor_b VARCHAR NOT NULL,
  tie_type VARCHAR,             -- « Type de coopération » as typed
  since DATE,                   -- 1st of the month for « mars 2019 », 1st January for « 2019 »
  load_id INTEGER NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (map_scope, tie_ref)
);
