-- Report templates (issue 9): the briefing book a loop closer takes to a management review, saved per
-- department. Written only through db/write.ts, so a template has history and will sync like any entity.
--   sections   JSON array, in order: [{ "kind": "cover" | "executive_summary" | …, "title": null | "…" }]
--   scope      JSON: { "kind": "own" } | { "kind": "several", "departmentIds": [...] } | { "kind": "all" }
--   period     JSON: { "kind": "relative", "relative": "last_quarter" | "ytd" | "last_12_months" }
--                  | { "kind": "dates", "from": "YYYY-MM-DD", "to": "YYYY-MM-DD" }
--   logo       JSON: null | { "mime": "image/png" | "image/svg+xml", "base64": "…", "name": "…" } — the file is kept
--              in the workspace itself (bounded in size), so it travels with the template
CREATE TABLE report_templates (
  id                     TEXT PRIMARY KEY,
  department_id          TEXT NOT NULL REFERENCES departments (id),
  name                   TEXT NOT NULL,
  description            TEXT,
  sections               TEXT NOT NULL DEFAULT '[]',
  scope                  TEXT NOT NULL DEFAULT '{"kind":"own"}',
  period                 TEXT NOT NULL DEFAULT '{"kind":"relative","relative":"last_quarter"}',
  language               TEXT NOT NULL DEFAULT 'en',
  company_name           TEXT,
  logo                   TEXT,
  confidentiality        TEXT,
  paper                  TEXT NOT NULL DEFAULT 'a4',
  focus_intervention_id  TEXT REFERENCES interventions (id),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  deleted_at             TEXT
) STRICT;
CREATE INDEX report_templates_department ON report_templates (department_id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX report_templates_name ON report_templates (department_id, name COLLATE NOCASE) WHERE deleted_at IS NULL;
