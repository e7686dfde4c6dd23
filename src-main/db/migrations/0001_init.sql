-- Boucle domain model, version 1 (DOMAIN.md). Every domain table:
--  * has a UUIDv7 text id, ISO 8601 timestamps and a soft-delete tombstone (deleted_at) so deletes can sync;
--  * carries department_id, the unit of sync scope and permission;
--  * is written only through db/write.ts, which logs one change_log row per changed field.
-- Money is stored in minor units (integer cents) with a currency code; measured values are REAL.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE change_log (
  seq           INTEGER PRIMARY KEY,          -- local cursor for sync push; not an entity id
  hlc           TEXT NOT NULL,                -- hybrid logical clock, sortable
  node_id       TEXT NOT NULL,
  tx_id         TEXT NOT NULL,                -- groups the entries of one write (undo, history)
  entity        TEXT NOT NULL,
  row_id        TEXT NOT NULL,
  field         TEXT NOT NULL,
  value         TEXT,                         -- JSON encoding of the new value
  department_id TEXT
) STRICT;
CREATE INDEX change_log_row ON change_log (entity, row_id, seq);
CREATE INDEX change_log_hlc ON change_log (hlc);

CREATE TABLE departments (
  id                         TEXT PRIMARY KEY,
  department_id              TEXT NOT NULL,   -- = id; present so every table scopes alike
  name                       TEXT NOT NULL,
  code                       TEXT NOT NULL,
  colour                     TEXT NOT NULL,
  loaded_hourly_rate_cents   INTEGER,
  currency                   TEXT NOT NULL DEFAULT 'EUR',
  created_at                 TEXT NOT NULL,
  updated_at                 TEXT NOT NULL,
  deleted_at                 TEXT
) STRICT;
CREATE UNIQUE INDEX departments_code ON departments (code COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE processes (
  id            TEXT PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments (id),
  name          TEXT NOT NULL,
  owner         TEXT,
  description   TEXT,
  reference_id  TEXT,
  systems       TEXT NOT NULL DEFAULT '[]',   -- JSON array of system names
  source        TEXT NOT NULL DEFAULT 'manual',
  source_key    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE INDEX processes_department ON processes (department_id) WHERE deleted_at IS NULL;

CREATE TABLE steps (
  id            TEXT PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments (id),
  process_id    TEXT NOT NULL REFERENCES processes (id),
  name          TEXT NOT NULL,
  lane          TEXT,
  system        TEXT,
  position      INTEGER NOT NULL,
  inputs        TEXT,
  outputs       TEXT,
  kind          TEXT NOT NULL DEFAULT 'task',
  source_key    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE INDEX steps_process ON steps (process_id, position) WHERE deleted_at IS NULL;

CREATE TABLE gaps (
  id                        TEXT PRIMARY KEY,
  department_id             TEXT NOT NULL REFERENCES departments (id),
  process_id                TEXT NOT NULL REFERENCES processes (id),
  step_id                   TEXT REFERENCES steps (id),
  title                     TEXT NOT NULL,
  type                      TEXT NOT NULL,
  description               TEXT,
  evidence                  TEXT,
  severity                  INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
  frequency_per_month       REAL NOT NULL DEFAULT 0 CHECK (frequency_per_month >= 0),
  hours_lost_per_occurrence REAL NOT NULL DEFAULT 0 CHECK (hours_lost_per_occurrence >= 0),
  status                    TEXT NOT NULL DEFAULT 'open',
  owner                     TEXT,
  found_on                  TEXT NOT NULL,
  closed_on                 TEXT,
  closure_note              TEXT,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  deleted_at                TEXT
) STRICT;
CREATE INDEX gaps_department ON gaps (department_id, status) WHERE deleted_at IS NULL;
CREATE INDEX gaps_process ON gaps (process_id) WHERE deleted_at IS NULL;
CREATE INDEX gaps_step ON gaps (step_id) WHERE deleted_at IS NULL;

CREATE TABLE interventions (
  id                    TEXT PRIMARY KEY,
  department_id         TEXT NOT NULL REFERENCES departments (id),
  title                 TEXT NOT NULL,
  kind                  TEXT NOT NULL,
  platform              TEXT,
  owner                 TEXT,
  description           TEXT,
  start_date            TEXT,
  end_date              TEXT,
  status                TEXT NOT NULL DEFAULT 'idea',
  one_off_cost_cents    INTEGER NOT NULL DEFAULT 0 CHECK (one_off_cost_cents >= 0),
  recurring_cost_cents  INTEGER NOT NULL DEFAULT 0 CHECK (recurring_cost_cents >= 0),
  currency              TEXT NOT NULL DEFAULT 'EUR',
  expected_benefit      TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  deleted_at            TEXT
) STRICT;
CREATE INDEX interventions_department ON interventions (department_id, status) WHERE deleted_at IS NULL;

CREATE TABLE gap_interventions (
  id              TEXT PRIMARY KEY,
  department_id   TEXT NOT NULL REFERENCES departments (id),
  gap_id          TEXT NOT NULL REFERENCES gaps (id),
  intervention_id TEXT NOT NULL REFERENCES interventions (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
) STRICT;
CREATE UNIQUE INDEX gap_interventions_pair ON gap_interventions (gap_id, intervention_id) WHERE deleted_at IS NULL;
CREATE INDEX gap_interventions_intervention ON gap_interventions (intervention_id) WHERE deleted_at IS NULL;

CREATE TABLE indicators (
  id              TEXT PRIMARY KEY,
  department_id   TEXT NOT NULL REFERENCES departments (id),
  process_id      TEXT REFERENCES processes (id),
  name            TEXT NOT NULL,
  unit            TEXT NOT NULL DEFAULT '',
  direction       TEXT NOT NULL,
  category        TEXT NOT NULL DEFAULT 'outcome',
  baseline_value  REAL,
  baseline_date   TEXT,
  target_value    REAL,
  target_date     TEXT,
  tolerance_pct   REAL NOT NULL DEFAULT 10,
  frequency       TEXT NOT NULL DEFAULT 'monthly',
  source          TEXT NOT NULL DEFAULT 'manual',
  source_detail   TEXT,
  formula         TEXT,
  reference       TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
) STRICT;
CREATE INDEX indicators_department ON indicators (department_id) WHERE deleted_at IS NULL;

CREATE TABLE indicator_links (
  id              TEXT PRIMARY KEY,
  department_id   TEXT NOT NULL REFERENCES departments (id),
  indicator_id    TEXT NOT NULL REFERENCES indicators (id),
  gap_id          TEXT REFERENCES gaps (id),
  intervention_id TEXT REFERENCES interventions (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT,
  CHECK ((gap_id IS NULL) <> (intervention_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX indicator_links_gap ON indicator_links (indicator_id, gap_id) WHERE deleted_at IS NULL AND gap_id IS NOT NULL;
CREATE UNIQUE INDEX indicator_links_intervention ON indicator_links (indicator_id, intervention_id) WHERE deleted_at IS NULL AND intervention_id IS NOT NULL;

CREATE TABLE measurements (
  id              TEXT PRIMARY KEY,
  department_id   TEXT NOT NULL REFERENCES departments (id),
  indicator_id    TEXT NOT NULL REFERENCES indicators (id),
  period          TEXT NOT NULL,
  value           REAL NOT NULL,
  source          TEXT,
  note            TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
) STRICT;
CREATE UNIQUE INDEX measurements_period ON measurements (indicator_id, period) WHERE deleted_at IS NULL;
