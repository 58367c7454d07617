-- What the registry explorer (worker/src/explorer.js) reads, kept so that no request has to
-- aggregate a whole table.

-- Per-entry totals, recomputed by the sync from `observations` for every key it posts
-- observations of (so they converge like the observations themselves). Same numbers as the
-- entry_totals view, readable along an index: the explorer's "most seen first" pages.
CREATE TABLE IF NOT EXISTS entry_counts (
  aspect      TEXT NOT NULL,
  key         TEXT NOT NULL,
  total_count INTEGER NOT NULL,
  videos      INTEGER NOT NULL,
  PRIMARY KEY (aspect, key)
);
CREATE INDEX IF NOT EXISTS entry_counts_rank ON entry_counts (aspect, total_count, key);

-- Counts for databases synced before this table existed.
INSERT OR IGNORE INTO entry_counts (aspect, key, total_count, videos)
SELECT aspect, key, sum(count), count(*) FROM observations GROUP BY aspect, key;

-- "Most recently seen first" pages, walked backwards along this index.
CREATE INDEX IF NOT EXISTS entries_recent ON entries (aspect, coalesce(last_seen, ''), key);
