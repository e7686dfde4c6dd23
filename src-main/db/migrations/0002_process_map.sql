-- Process maps (issue 3): branches and joins between steps, sub-process nesting, lane order, and the
-- keys that let a template or a BPMN file be applied again without duplicating what it created.

-- A flow from one step to the next: sequence flows of a BPMN file (gateways and events collapsed
-- into labelled step-to-step flows) or the branches a user draws on the map.
CREATE TABLE step_flows (
  id            TEXT PRIMARY KEY,
  department_id TEXT NOT NULL REFERENCES departments (id),
  process_id    TEXT NOT NULL REFERENCES processes (id),
  from_step_id  TEXT NOT NULL REFERENCES steps (id),
  to_step_id    TEXT NOT NULL REFERENCES steps (id),
  label         TEXT,
  kind          TEXT NOT NULL DEFAULT 'sequence',   -- sequence | default | conditional
  condition     TEXT,                              -- the condition as written in the source, if any
  source_key    TEXT,                              -- e.g. "Task_1->Task_2" (BPMN), "finance/p2p/flow/3" (template)
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT,
  CHECK (from_step_id <> to_step_id)
) STRICT;
CREATE INDEX step_flows_process ON step_flows (process_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX step_flows_pair ON step_flows (from_step_id, to_step_id) WHERE deleted_at IS NULL;

-- Inner steps of a sub-process point at the sub-process step; the order stays one list per process.
ALTER TABLE steps ADD COLUMN parent_step_id TEXT REFERENCES steps (id);
CREATE INDEX steps_parent ON steps (parent_step_id) WHERE deleted_at IS NULL;
CREATE INDEX steps_source ON steps (process_id, source_key) WHERE source_key IS NOT NULL;

-- The lanes of a process in the order they are drawn (JSON array of names); lanes used by steps but
-- not listed here follow in order of first use.
ALTER TABLE processes ADD COLUMN lane_order TEXT;
CREATE INDEX processes_source ON processes (department_id, source, source_key) WHERE source_key IS NOT NULL;

-- What a template created, so applying it again adds only what is missing. Values are namespaced,
-- e.g. "template:finance/p2p/gap/missing-po" (indicators already use `source` for their data source).
ALTER TABLE gaps ADD COLUMN source_key TEXT;
ALTER TABLE interventions ADD COLUMN source_key TEXT;
ALTER TABLE indicators ADD COLUMN source_key TEXT;
CREATE INDEX gaps_source ON gaps (process_id, source_key) WHERE source_key IS NOT NULL;
CREATE INDEX interventions_source ON interventions (department_id, source_key) WHERE source_key IS NOT NULL;
CREATE INDEX indicators_source ON indicators (department_id, source_key) WHERE source_key IS NOT NULL;

-- Local undo bookkeeping for processes.undo (not a domain table, never synced, like meta): which
-- transaction of the change log an undo reverted, so the next undo goes one step further back
-- instead of undoing the undo.
CREATE TABLE map_undo (
  undo_tx_id    TEXT PRIMARY KEY,
  undone_tx_id  TEXT NOT NULL,
  process_id    TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX map_undo_process ON map_undo (process_id, undone_tx_id);
