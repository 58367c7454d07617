-- Re-learning a video replaces its observations. Each local store gives a
-- video a new generation (microseconds since the epoch of that analysis) when
-- its observations change, and sends every observation of the video with it.
-- Both merge with max, so the newest analysis wins whatever the order rows
-- arrive in or how often; the totals count only a video's newest-generation
-- rows, so an entry the newest analysis no longer has drops out of them.
ALTER TABLE observations ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS video_generations (
  video_sha256 TEXT PRIMARY KEY,
  generation   INTEGER NOT NULL
);

DROP VIEW IF EXISTS aspect_totals;
DROP VIEW IF EXISTS entry_totals;

-- The observations that count: each video's newest generation (rows of an
-- older analysis of the same video are left out).
CREATE VIEW IF NOT EXISTS current_observations AS
SELECT o.*
FROM observations o
LEFT JOIN video_generations g ON g.video_sha256 = o.video_sha256
WHERE o.generation >= coalesce(g.generation, 0) AND o.count > 0;

-- Per-entry totals: occurrences summed over videos, and distinct videos.
CREATE VIEW IF NOT EXISTS entry_totals AS
SELECT e.aspect,
       substr(e.aspect, 1, instr(e.aspect, '.') - 1) AS registry,
       e.key,
       e.name,
       e.primitive,
       coalesce(sum(o.count), 0) AS total_count,
       count(o.video_sha256) AS videos,
       e.first_seen,
       e.last_seen
FROM entries e
LEFT JOIN current_observations o ON o.aspect = e.aspect AND o.key = e.key
GROUP BY e.aspect, e.key;

-- Per-aspect totals.
CREATE VIEW IF NOT EXISTS aspect_totals AS
SELECT t.aspect,
       t.registry,
       count(*) AS entries,
       sum(t.primitive) AS primitives,
       sum(t.total_count) AS total_count,
       (SELECT count(DISTINCT o.video_sha256) FROM current_observations o WHERE o.aspect = t.aspect) AS videos
FROM entry_totals t
GROUP BY t.aspect;
