-- The change log in a compact shape, and measurements stored compactly (db/change-log.ts and
-- db/measurement-rows.ts say why and how). Lossless: every entry of the old log becomes part of one
-- entry per row change with the same values, clock, machine and transaction; every measurement keeps
-- its id, values and timestamps. The step between the two halves converts the old log in code, with
-- progress, inside this migration's one transaction.

-- Strings that recur across many rows, stored once and referred to by a small integer.
CREATE TABLE interned (
  id    INTEGER PRIMARY KEY,
  text  TEXT NOT NULL UNIQUE
) STRICT;

-- One row per transaction of the write path that changed something: its id as the API shows it, the
-- machine that made it, its first clock, and the range of its entries (they are consecutive).
CREATE TABLE log_txs (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  node       INTEGER NOT NULL,      -- interned node id
  hlc        INTEGER NOT NULL,      -- hybrid logical clock of its first entry: ms × 1024 + counter
  first_seq  INTEGER NOT NULL,
  last_seq   INTEGER NOT NULL
) STRICT;

-- One entry per row change. No foreign keys: the write path is the only writer, and a bulk import
-- appends a million of these, each of which would pay for three look-ups.
CREATE TABLE log_entries (
  seq     INTEGER PRIMARY KEY,      -- local order and sync cursor
  tx      INTEGER NOT NULL,         -- log_txs.id
  hlc     INTEGER,                  -- its clock; NULL: the transaction's + (seq − first_seq)
  entity  INTEGER NOT NULL,         -- interned entity name
  row     BLOB NOT NULL,            -- the row's UUID, 16 bytes
  dep     INTEGER,                  -- interned department id
  op      INTEGER NOT NULL,         -- 0 update, 1 insert, 2 tombstone set, 3 tombstone cleared
  fields  TEXT NOT NULL             -- [shape, value, …]: shape = interned list of the fields' names
) STRICT;

-- A small, stable key per indicator for the measurements that point at it.
CREATE TABLE indicator_keys (
  num  INTEGER PRIMARY KEY,
  id   TEXT NOT NULL UNIQUE REFERENCES indicators (id)
) STRICT;
INSERT INTO indicator_keys (id) SELECT id FROM indicators ORDER BY id;
CREATE TRIGGER indicator_keys_on_insert AFTER INSERT ON indicators BEGIN
  INSERT INTO indicator_keys (id) VALUES (NEW.id);
END;

-- Clustered on the id (UUIDv7 grow with time, so inserts append); the department is the indicator's.
CREATE TABLE measurement_rows (
  uid         BLOB PRIMARY KEY,     -- the id's 16 bytes
  ind         INTEGER NOT NULL REFERENCES indicator_keys (num),
  period      TEXT NOT NULL,
  value       REAL NOT NULL,
  source      INTEGER REFERENCES interned (id),
  note        TEXT,
  created     INTEGER NOT NULL,     -- ms since 1970
  updated     INTEGER,              -- NULL: never changed since created
  deleted_at  TEXT
) STRICT, WITHOUT ROWID;

-- step: compact-change-log

INSERT OR IGNORE INTO interned (text) SELECT DISTINCT source FROM measurements WHERE source IS NOT NULL;
INSERT INTO measurement_rows (uid, ind, period, value, source, note, created, updated, deleted_at)
SELECT unhex(replace(m.id, '-', '')), k.num, m.period, m.value, s.id, m.note,
       CAST(round(unixepoch(m.created_at, 'subsec') * 1000) AS INTEGER),
       CASE WHEN m.updated_at = m.created_at THEN NULL ELSE CAST(round(unixepoch(m.updated_at, 'subsec') * 1000) AS INTEGER) END,
       m.deleted_at
  FROM measurements m JOIN indicator_keys k ON k.id = m.indicator_id LEFT JOIN interned s ON s.text = m.source;
DROP TABLE measurements;
DROP TABLE change_log;

CREATE INDEX log_entries_row ON log_entries (row);
CREATE UNIQUE INDEX measurement_rows_period ON measurement_rows (ind, period) WHERE deleted_at IS NULL;

-- Measurements as every other table shows its rows (reads only; writes go through the write path).
CREATE VIEW measurements AS
SELECT lower(substr(hex(m.uid), 1, 8) || '-' || substr(hex(m.uid), 9, 4) || '-' || substr(hex(m.uid), 13, 4) || '-' ||
             substr(hex(m.uid), 17, 4) || '-' || substr(hex(m.uid), 21)) AS id,
       i.department_id AS department_id,
       k.id AS indicator_id,
       m.period AS period,
       m.value AS value,
       s.text AS source,
       m.note AS note,
       strftime('%Y-%m-%dT%H:%M:%fZ', m.created / 1000.0, 'unixepoch') AS created_at,
       strftime('%Y-%m-%dT%H:%M:%fZ', COALESCE(m.updated, m.created) / 1000.0, 'unixepoch') AS updated_at,
       m.deleted_at AS deleted_at,
       m.uid AS uid
  FROM measurement_rows m
  JOIN indicator_keys k ON k.num = m.ind
  JOIN indicators i ON i.id = k.id
  LEFT JOIN interned s ON s.id = m.source;

-- The log one field per row, as it was stored before: for people and tools reading it in SQL.
CREATE VIEW change_log AS
SELECT e.seq AS seq,
       printf('%015d-%05d-%s', COALESCE(e.hlc, t.hlc + e.seq - t.first_seq) / 1024, COALESCE(e.hlc, t.hlc + e.seq - t.first_seq) % 1024, n.text) AS hlc,
       n.text AS node_id,
       t.uuid AS tx_id,
       en.text AS entity,
       lower(substr(hex(e.row), 1, 8) || '-' || substr(hex(e.row), 9, 4) || '-' || substr(hex(e.row), 13, 4) || '-' ||
             substr(hex(e.row), 17, 4) || '-' || substr(hex(e.row), 21)) AS row_id,
       f.text AS field,
       CASE
         WHEN (f.text LIKE '%\_id' ESCAPE '\' OR f.text = 'source') THEN
           CASE WHEN (e.fields ->> ('$[' || (j.key + 1) || ']')) IS NULL THEN 'null'
                ELSE json_quote((SELECT text FROM interned WHERE id = (e.fields ->> ('$[' || (j.key + 1) || ']')))) END
         ELSE e.fields -> ('$[' || (j.key + 1) || ']')
       END AS value,
       d.text AS department_id
  FROM log_entries e
  JOIN log_txs t ON t.id = e.tx
  JOIN interned n ON n.id = t.node
  JOIN interned en ON en.id = e.entity
  LEFT JOIN interned d ON d.id = e.dep
  JOIN interned sh ON sh.id = (e.fields ->> '$[0]')
  JOIN json_each(sh.text) j
  JOIN interned f ON f.id = j.value;
