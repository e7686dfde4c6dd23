-- Indicators, impact and ROI (issue 5): the benefit models of an intervention (DOMAIN.md "Benefit"),
-- the inputs of ROI and payback. One row per model; the kind says which fields it uses:
--   time_released  hours_per_month × hourly_rate_cents (else the department's loaded rate) × realisation_pct
--   cost_avoided   amount_cents per amount_per (month | quarter | year | one_off)
--   cash_released  annual_revenue_cents ÷ 365 × days_improved, once; or, with financing_rate_pct, the
--                  yearly financing saved on that cash (cash × rate), spread over the months
--   custom         amount_cents per amount_per
-- Money in integer cents, in the intervention's currency. Written only through db/write.ts.
CREATE TABLE benefit_models (
  id                    TEXT PRIMARY KEY,
  department_id         TEXT NOT NULL REFERENCES departments (id),
  intervention_id       TEXT NOT NULL REFERENCES interventions (id),
  kind                  TEXT NOT NULL,
  label                 TEXT,
  classification        TEXT NOT NULL,                -- hard | soft
  hours_per_month       REAL CHECK (hours_per_month >= 0),
  hourly_rate_cents     INTEGER CHECK (hourly_rate_cents >= 0),
  realisation_pct       REAL CHECK (realisation_pct >= 0 AND realisation_pct <= 100),
  amount_cents          INTEGER CHECK (amount_cents >= 0),
  amount_per            TEXT,
  annual_revenue_cents  INTEGER CHECK (annual_revenue_cents >= 0),
  days_improved         REAL CHECK (days_improved >= 0),
  financing_rate_pct    REAL CHECK (financing_rate_pct >= 0),
  start_date            TEXT,
  end_date              TEXT,
  indicator_id          TEXT REFERENCES indicators (id),
  note                  TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  deleted_at            TEXT
) STRICT;
CREATE INDEX benefit_models_intervention ON benefit_models (intervention_id) WHERE deleted_at IS NULL;
CREATE INDEX benefit_models_department ON benefit_models (department_id) WHERE deleted_at IS NULL;
