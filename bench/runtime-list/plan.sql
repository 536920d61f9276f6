-- The list of known runtimes (src/Api/Leaderboard/RuntimeDirectory.cs) read two ways from 61,582 synthetic cells,
-- the size of the cells table at 100,000 stored submissions in bench/api-throughput: a DISTINCT that reads every cell,
-- and the loose index scan the API runs, one index probe per suite and per runtime. Run against any PostgreSQL:
--
--   psql -h 127.0.0.1 -p 55432 -U postgres -d postgres -f bench/runtime-list/plan.sql
--
-- It works in a database of its own (runtime_list_plan), dropped at the end.
DROP DATABASE IF EXISTS runtime_list_plan;
CREATE DATABASE runtime_list_plan;
\c runtime_list_plan

-- The columns and both indexes the API's migrations give the cells, and a pad standing for the figure columns.
CREATE TABLE leaderboard_cells (
    suite varchar(64) NOT NULL, metric varchar(128) NOT NULL, runtime_slug varchar(64) NOT NULL,
    runtime_version varchar(128) NOT NULL, size varchar(16) NOT NULL, cpu_key varchar(128) NOT NULL, pad text,
    PRIMARY KEY (suite, metric, runtime_slug, runtime_version, size, cpu_key));
CREATE INDEX ON leaderboard_cells (suite, runtime_slug);

-- 8 runtimes (native among them) x 60 metrics x 3 versions, over 43 CPU keys.
INSERT INTO leaderboard_cells
SELECT 'std-2026.1', 'm' || (i % 60),
       (ARRAY['native', 'wasmtime', 'wamr', 'node-v8', 'node-liftoff', 'wasm2c', 'pulley', 'wasmer'])[1 + (i / 60) % 8],
       'v' || ((i / 480) % 3), 'default', 'cpu' || (i / 1440), repeat('x', 200)
FROM generate_series(0, 61581) AS i;
ANALYZE leaderboard_cells;

-- Before: every cell is read.
EXPLAIN (ANALYZE, BUFFERS)
SELECT DISTINCT suite, runtime_slug FROM leaderboard_cells WHERE runtime_slug <> 'native';

-- Now: the API's query.
EXPLAIN (ANALYZE, BUFFERS)
WITH RECURSIVE suites(suite) AS (
    SELECT MIN(suite) FROM leaderboard_cells
    UNION ALL
    SELECT (SELECT MIN(c.suite) FROM leaderboard_cells c WHERE c.suite > suites.suite)
    FROM suites WHERE suites.suite IS NOT NULL
),
runtimes(suite, slug) AS (
    SELECT suites.suite, (SELECT MIN(c.runtime_slug) FROM leaderboard_cells c WHERE c.suite = suites.suite)
    FROM suites WHERE suites.suite IS NOT NULL
    UNION ALL
    SELECT runtimes.suite, (SELECT MIN(c.runtime_slug) FROM leaderboard_cells c WHERE c.suite = runtimes.suite AND c.runtime_slug > runtimes.slug)
    FROM runtimes WHERE runtimes.slug IS NOT NULL
)
SELECT runtimes.suite, runtimes.slug FROM runtimes WHERE runtimes.slug IS NOT NULL AND runtimes.slug <> 'native';

\c postgres
DROP DATABASE runtime_list_plan;
