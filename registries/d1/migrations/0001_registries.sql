-- D1 schema of the shared registries (applied by `wrangler d1 migrations apply`
-- for the Worker and by registries.d1.client for the sqlite/cloudflare targets).
-- Every write the sync makes is an idempotent upsert, so nothing here relies on
-- the order rows arrive in; there are no foreign keys for the same reason.

-- One row per registry entry. Name, value, depth_breakdown and sources are set
-- by the first machine that posts the key (first writer wins); the seen-range
-- and the primitive flag merge commutatively (min/max).
CREATE TABLE IF NOT EXISTS entries (
  aspect          TEXT NOT NULL,
  key             TEXT NOT NULL,
  name            TEXT NOT NULL,
  value           TEXT NOT NULL,
  depth_breakdown TEXT,
  primitive       INTEGER NOT NULL DEFAULT 0,
  first_seen      TEXT,
  last_seen       TEXT,
  sources         TEXT,
  PRIMARY KEY (aspect, key)
);
-- A name is unique within its aspect, on every machine and here.
CREATE UNIQUE INDEX IF NOT EXISTS entries_aspect_name ON entries (aspect, name);

-- How often an entry was seen in one video. The count is the value for that
-- video (re-sending it never adds), so totals are sums over videos.
CREATE TABLE IF NOT EXISTS observations (
  aspect       TEXT NOT NULL,
  key          TEXT NOT NULL,
  video_sha256 TEXT NOT NULL,
  count        INTEGER NOT NULL,
  first_seen   TEXT,
  last_seen    TEXT,
  PRIMARY KEY (aspect, key, video_sha256)
);
CREATE INDEX IF NOT EXISTS observations_video ON observations (video_sha256);

-- The video in which an entry was first met (earliest discovered_at wins).
CREATE TABLE IF NOT EXISTS discoveries (
  aspect        TEXT NOT NULL,
  key           TEXT NOT NULL,
  video_sha256  TEXT NOT NULL,
  discovered_at TEXT NOT NULL,
  PRIMARY KEY (aspect, key)
);

-- Sync bookkeeping: one row per local store that has synced here.
CREATE TABLE IF NOT EXISTS sync_stores (
  store_id     TEXT PRIMARY KEY,
  last_seq     INTEGER NOT NULL,
  last_sync_at TEXT NOT NULL,
  entries      INTEGER NOT NULL DEFAULT 0,
  observations INTEGER NOT NULL DEFAULT 0,
  discoveries  INTEGER NOT NULL DEFAULT 0
);

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
LEFT JOIN observations o ON o.aspect = e.aspect AND o.key = e.key
GROUP BY e.aspect, e.key;

-- Per-aspect totals.
CREATE VIEW IF NOT EXISTS aspect_totals AS
SELECT t.aspect,
       t.registry,
       count(*) AS entries,
       sum(t.primitive) AS primitives,
       sum(t.total_count) AS total_count,
       (SELECT count(DISTINCT o.video_sha256) FROM observations o WHERE o.aspect = t.aspect) AS videos
FROM entry_totals t
GROUP BY t.aspect;
