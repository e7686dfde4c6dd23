-- Gaps and interventions workflow (issue 4): the closing record of a gap, the register's indexes,
-- saved views, the user's own intervention kinds and platforms, and the full-text search index.

-- 1. Closing a loop needs proof. closed_on and closure_note (the written justification) exist since
--    version 1; a closing now also keeps how it was proven and a snapshot of that proof, and a
--    reopening keeps its reason. Earlier closings and reopenings stay in the change log (gaps.closings).
ALTER TABLE gaps ADD COLUMN closure_kind TEXT;        -- indicator_target | measured_improvement | override
ALTER TABLE gaps ADD COLUMN closure_evidence TEXT;    -- JSON: the indicator's numbers as they stood at closing
ALTER TABLE gaps ADD COLUMN reopened_on TEXT;
ALTER TABLE gaps ADD COLUMN reopen_reason TEXT;

-- 2. The register on 20,000 gaps: filters and sorts of gaps.list. The cost sort multiplies by the
--    department's rate, so no index can give its order: it is a top-N sort over every filtered gap.
--    gaps_register makes that sort read a narrow covering index (every filterable column, the cost
--    inputs, the tie-breakers) instead of the wide rows with their descriptions — about four times
--    faster on 20,000 gaps (tests/bench/register.bench.ts); the register names it for the cost and
--    status sorts (INDEXED BY), the other sorts walk their own index in order.
CREATE INDEX gaps_register ON gaps (
  department_id, status, severity, type, process_id, step_id, owner,
  frequency_per_month, hours_lost_per_occurrence, found_on, id
) WHERE deleted_at IS NULL;
CREATE INDEX gaps_found_on ON gaps (found_on, id) WHERE deleted_at IS NULL;
CREATE INDEX gaps_status_severity ON gaps (status, severity) WHERE deleted_at IS NULL;
CREATE INDEX gaps_severity ON gaps (severity, found_on) WHERE deleted_at IS NULL;
CREATE INDEX gaps_title ON gaps (title COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX interventions_kind ON interventions (department_id, kind) WHERE deleted_at IS NULL;
-- Links by either end, tombstones included: the status rules read the live ones, history all of them.
CREATE INDEX gap_interventions_gap_all ON gap_interventions (gap_id);
CREATE INDEX gap_interventions_intervention_all ON gap_interventions (intervention_id);
CREATE INDEX indicator_links_indicator_all ON indicator_links (indicator_id);
CREATE INDEX indicator_links_gap_all ON indicator_links (gap_id) WHERE gap_id IS NOT NULL;
CREATE INDEX indicator_links_intervention_all ON indicator_links (intervention_id) WHERE intervention_id IS NOT NULL;

-- 3. Saved views of the register: a name, the filters (JSON, the shape of gaps.list's filters) and
--    the sort. A view belongs to a department like every synced row.
CREATE TABLE saved_views (
  id            TEXT PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments (id),
  name          TEXT NOT NULL,
  entity        TEXT NOT NULL DEFAULT 'gaps',
  filters       TEXT NOT NULL DEFAULT '{}',
  sort_by       TEXT NOT NULL DEFAULT 'foundOn',
  sort_dir      TEXT NOT NULL DEFAULT 'desc',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE UNIQUE INDEX saved_views_name ON saved_views (department_id, entity, name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- 4. The user's own intervention kinds and platforms, per department, beside the built-in ones of
--    DOMAIN.md (which live in code, src-shared/domain.ts, and are not rows).
CREATE TABLE vocabulary (
  id            TEXT PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments (id),
  kind          TEXT NOT NULL,                    -- intervention_kind | platform
  code          TEXT NOT NULL,                    -- what interventions.kind / .platform store
  label         TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE UNIQUE INDEX vocabulary_code ON vocabulary (department_id, kind, code COLLATE NOCASE) WHERE deleted_at IS NULL;

-- 5. Full-text search (search.query, and the `text` filters of the lists). search_fts is an index,
--    not a domain table: it is never synced nor logged, and it can be rebuilt from the domain tables
--    at any time. It is kept up to date by triggers rather than by the services because every writer
--    of the domain tables must keep it right — the write path of each service, but also imports,
--    map undo, cascading deletes and (later) sync pulls — and a trigger runs inside the same
--    transaction as the write, so the index can never disagree with the data. A soft delete (the
--    tombstone deleted_at) removes the row from the index; a restore puts it back.
-- unicode61 with remove_diacritics 2 folds case and accents both in the text and in the query, so
-- "délai" finds "delai" and the other way round. The prefix indexes make the search box's
-- "last word as a prefix" cheap from the first letters.
CREATE VIRTUAL TABLE search_fts USING fts5 (
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
-- FTS5 rows have integer ids; domain rows have UUIDs. This maps one to the other (and stays after a
-- soft delete, so a restore reuses its number).
CREATE TABLE search_rows (
  fts_rowid INTEGER PRIMARY KEY,
  entity    TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  UNIQUE (entity, row_id)
) STRICT;

-- processes: title = name; body = description, owner, reference_id, systems
CREATE TRIGGER processes_search_insert AFTER INSERT ON processes BEGIN
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('processes', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.name, coalesce(new.description, '') || char(10) || coalesce(new.owner, '') || char(10) || coalesce(new.reference_id, '') || char(10) || coalesce(new.systems, '')
      FROM search_rows WHERE entity = 'processes' AND row_id = new.id AND new.deleted_at IS NULL;
END;
CREATE TRIGGER processes_search_update AFTER UPDATE OF name, description, owner, reference_id, systems, deleted_at ON processes BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT fts_rowid FROM search_rows WHERE entity = 'processes' AND row_id = old.id);
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('processes', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.name, coalesce(new.description, '') || char(10) || coalesce(new.owner, '') || char(10) || coalesce(new.reference_id, '') || char(10) || coalesce(new.systems, '')
      FROM search_rows WHERE entity = 'processes' AND row_id = new.id AND new.deleted_at IS NULL;
END;
INSERT INTO search_rows (entity, row_id) SELECT 'processes', id FROM processes WHERE deleted_at IS NULL ORDER BY id;
INSERT INTO search_fts (rowid, title, body)
  SELECT m.fts_rowid, x.name, coalesce(x.description, '') || char(10) || coalesce(x.owner, '') || char(10) || coalesce(x.reference_id, '') || char(10) || coalesce(x.systems, '')
    FROM processes x JOIN search_rows m ON m.entity = 'processes' AND m.row_id = x.id
   WHERE x.deleted_at IS NULL;

-- steps: title = name; body = lane, system, inputs, outputs
CREATE TRIGGER steps_search_insert AFTER INSERT ON steps BEGIN
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('steps', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.name, coalesce(new.lane, '') || char(10) || coalesce(new.system, '') || char(10) || coalesce(new.inputs, '') || char(10) || coalesce(new.outputs, '')
      FROM search_rows WHERE entity = 'steps' AND row_id = new.id AND new.deleted_at IS NULL;
END;
CREATE TRIGGER steps_search_update AFTER UPDATE OF name, lane, system, inputs, outputs, deleted_at ON steps BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT fts_rowid FROM search_rows WHERE entity = 'steps' AND row_id = old.id);
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('steps', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.name, coalesce(new.lane, '') || char(10) || coalesce(new.system, '') || char(10) || coalesce(new.inputs, '') || char(10) || coalesce(new.outputs, '')
      FROM search_rows WHERE entity = 'steps' AND row_id = new.id AND new.deleted_at IS NULL;
END;
INSERT INTO search_rows (entity, row_id) SELECT 'steps', id FROM steps WHERE deleted_at IS NULL ORDER BY id;
INSERT INTO search_fts (rowid, title, body)
  SELECT m.fts_rowid, x.name, coalesce(x.lane, '') || char(10) || coalesce(x.system, '') || char(10) || coalesce(x.inputs, '') || char(10) || coalesce(x.outputs, '')
    FROM steps x JOIN search_rows m ON m.entity = 'steps' AND m.row_id = x.id
   WHERE x.deleted_at IS NULL;

-- gaps: title = title; body = description, evidence, owner, closure_note
CREATE TRIGGER gaps_search_insert AFTER INSERT ON gaps BEGIN
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('gaps', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.title, coalesce(new.description, '') || char(10) || coalesce(new.evidence, '') || char(10) || coalesce(new.owner, '') || char(10) || coalesce(new.closure_note, '')
      FROM search_rows WHERE entity = 'gaps' AND row_id = new.id AND new.deleted_at IS NULL;
END;
CREATE TRIGGER gaps_search_update AFTER UPDATE OF title, description, evidence, owner, closure_note, deleted_at ON gaps BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT fts_rowid FROM search_rows WHERE entity = 'gaps' AND row_id = old.id);
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('gaps', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.title, coalesce(new.description, '') || char(10) || coalesce(new.evidence, '') || char(10) || coalesce(new.owner, '') || char(10) || coalesce(new.closure_note, '')
      FROM search_rows WHERE entity = 'gaps' AND row_id = new.id AND new.deleted_at IS NULL;
END;
INSERT INTO search_rows (entity, row_id) SELECT 'gaps', id FROM gaps WHERE deleted_at IS NULL ORDER BY id;
INSERT INTO search_fts (rowid, title, body)
  SELECT m.fts_rowid, x.title, coalesce(x.description, '') || char(10) || coalesce(x.evidence, '') || char(10) || coalesce(x.owner, '') || char(10) || coalesce(x.closure_note, '')
    FROM gaps x JOIN search_rows m ON m.entity = 'gaps' AND m.row_id = x.id
   WHERE x.deleted_at IS NULL;

-- interventions: title = title; body = description, platform, owner, expected_benefit
CREATE TRIGGER interventions_search_insert AFTER INSERT ON interventions BEGIN
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('interventions', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.title, coalesce(new.description, '') || char(10) || coalesce(new.platform, '') || char(10) || coalesce(new.owner, '') || char(10) || coalesce(new.expected_benefit, '')
      FROM search_rows WHERE entity = 'interventions' AND row_id = new.id AND new.deleted_at IS NULL;
END;
CREATE TRIGGER interventions_search_update AFTER UPDATE OF title, description, platform, owner, expected_benefit, deleted_at ON interventions BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT fts_rowid FROM search_rows WHERE entity = 'interventions' AND row_id = old.id);
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('interventions', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.title, coalesce(new.description, '') || char(10) || coalesce(new.platform, '') || char(10) || coalesce(new.owner, '') || char(10) || coalesce(new.expected_benefit, '')
      FROM search_rows WHERE entity = 'interventions' AND row_id = new.id AND new.deleted_at IS NULL;
END;
INSERT INTO search_rows (entity, row_id) SELECT 'interventions', id FROM interventions WHERE deleted_at IS NULL ORDER BY id;
INSERT INTO search_fts (rowid, title, body)
  SELECT m.fts_rowid, x.title, coalesce(x.description, '') || char(10) || coalesce(x.platform, '') || char(10) || coalesce(x.owner, '') || char(10) || coalesce(x.expected_benefit, '')
    FROM interventions x JOIN search_rows m ON m.entity = 'interventions' AND m.row_id = x.id
   WHERE x.deleted_at IS NULL;

-- indicators: title = name; body = unit, formula, source_detail, reference
CREATE TRIGGER indicators_search_insert AFTER INSERT ON indicators BEGIN
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('indicators', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.name, coalesce(new.unit, '') || char(10) || coalesce(new.formula, '') || char(10) || coalesce(new.source_detail, '') || char(10) || coalesce(new.reference, '')
      FROM search_rows WHERE entity = 'indicators' AND row_id = new.id AND new.deleted_at IS NULL;
END;
CREATE TRIGGER indicators_search_update AFTER UPDATE OF name, unit, formula, source_detail, reference, deleted_at ON indicators BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT fts_rowid FROM search_rows WHERE entity = 'indicators' AND row_id = old.id);
  INSERT OR IGNORE INTO search_rows (entity, row_id) VALUES ('indicators', new.id);
  INSERT INTO search_fts (rowid, title, body)
    SELECT fts_rowid, new.name, coalesce(new.unit, '') || char(10) || coalesce(new.formula, '') || char(10) || coalesce(new.source_detail, '') || char(10) || coalesce(new.reference, '')
      FROM search_rows WHERE entity = 'indicators' AND row_id = new.id AND new.deleted_at IS NULL;
END;
INSERT INTO search_rows (entity, row_id) SELECT 'indicators', id FROM indicators WHERE deleted_at IS NULL ORDER BY id;
INSERT INTO search_fts (rowid, title, body)
  SELECT m.fts_rowid, x.name, coalesce(x.unit, '') || char(10) || coalesce(x.formula, '') || char(10) || coalesce(x.source_detail, '') || char(10) || coalesce(x.reference, '')
    FROM indicators x JOIN search_rows m ON m.entity = 'indicators' AND m.row_id = x.id
   WHERE x.deleted_at IS NULL;
