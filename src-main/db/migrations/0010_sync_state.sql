-- What this laptop knows of the optional central sync (src-main/sync). None of it is a domain table:
-- it is the sync's own bookkeeping, written by db/apply-remote.ts and the sync client, never synced.
-- The token is not here: the shells keep it (Electron's safeStorage, or a file only the user reads).

-- Settings and cursors: server URL, the server's id, the push cursor (last own log seq sent), last
-- sync, last error, the signed-in user. One JSON value per key.
CREATE TABLE sync_state (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;

-- The departments the server lets this user see, with the pull cursor of each (the server's commit
-- order), whether the user shares it from this laptop, and whether access was revoked.
CREATE TABLE sync_departments (
  id          TEXT PRIMARY KEY,       -- the department's id
  code        TEXT NOT NULL,
  access      TEXT NOT NULL CHECK (access IN ('read', 'write', 'none')),
  shared      INTEGER NOT NULL DEFAULT 1,
  cursor      INTEGER NOT NULL DEFAULT 0,
  revoked_at  TEXT,
  -- own entries of this department from this seq on were held back (no write grant): pushed again
  -- from there once the grant comes
  held_from   INTEGER
) STRICT;

-- Two people changed the same text field while offline: the value that lost the last-writer-wins
-- stays here, beside the one that won, until a person resolves it.
CREATE TABLE sync_conflicts (
  id           INTEGER PRIMARY KEY,
  entity       TEXT NOT NULL,
  row_id       TEXT NOT NULL,
  department_id TEXT,
  field        TEXT NOT NULL,
  kept_value   TEXT,                  -- JSON
  kept_hlc     INTEGER NOT NULL,
  kept_node    TEXT NOT NULL,
  kept_by      TEXT,
  lost_value   TEXT,                  -- JSON
  lost_hlc     INTEGER NOT NULL,
  lost_node    TEXT NOT NULL,
  lost_by      TEXT,
  detected_at  TEXT NOT NULL,
  UNIQUE (entity, row_id, field, lost_hlc, lost_node)
) STRICT;
CREATE INDEX sync_conflicts_row ON sync_conflicts (entity, row_id);

-- Values for fields (or whole entities) this version does not know yet, from a newer version on
-- another laptop: kept with their clock, and applied once this laptop's schema has them.
CREATE TABLE sync_held (
  entity        TEXT NOT NULL,
  row_id        TEXT NOT NULL,
  field         TEXT NOT NULL,
  value         TEXT,                 -- JSON
  hlc           INTEGER NOT NULL,
  node          TEXT NOT NULL,
  tx            TEXT NOT NULL,
  department_id TEXT,
  PRIMARY KEY (entity, row_id, field)
) STRICT;

-- Who made the changes that came from the server (a node id is a machine; people want a name).
CREATE TABLE sync_nodes (
  node  TEXT PRIMARY KEY,
  name  TEXT NOT NULL
) STRICT;
