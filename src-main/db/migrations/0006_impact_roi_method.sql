-- Numbers a finance reviewer accepts (issue 12): what impact, ROI and a gap's cost need to credit only
-- what an intervention caused and count only real money. Written only through db/write.ts.

-- 1. Interventions.
--    ramp_up_months: months after the start that belong to neither "before" nor "after" while the
--      intervention settles in; NULL = the default of its kind (src-shared/impact/ramp-up.ts).
--    fx_rate: units of the department's currency for one unit of the intervention's, typed by the
--      user when the intervention is priced in another currency (one currency per department: ROI
--      converts at this rate, and an intervention in another currency without it is refused).
ALTER TABLE interventions ADD COLUMN ramp_up_months INTEGER CHECK (ramp_up_months >= 0 AND ramp_up_months <= 36);
ALTER TABLE interventions ADD COLUMN fx_rate REAL CHECK (fx_rate > 0);

-- 2. Benefit models.
--    lasts_months_after_end: how long the benefit outlives the intervention's end; NULL = it stops
--      with it (a benefit never runs before the intervention's start).
--    derived_from: where a derived model's figures came from (a measured impact or a closed gap's
--      cost), as JSON, so that the ROI can show it.
ALTER TABLE benefit_models ADD COLUMN lasts_months_after_end INTEGER CHECK (lasts_months_after_end >= 0 AND lasts_months_after_end <= 120);
ALTER TABLE benefit_models ADD COLUMN derived_from TEXT;

-- 3. Gaps.
--    frequency_indicator_id: an indicator (linked to the gap) that counts the gap's occurrences per
--      period; the cost then follows its measurements instead of the typed frequency.
--    cost_estimated_on: when the typed frequency and hours lost were last estimated (NULL on older
--      rows: the day the gap was found stands for it).
ALTER TABLE gaps ADD COLUMN frequency_indicator_id TEXT REFERENCES indicators (id);
ALTER TABLE gaps ADD COLUMN cost_estimated_on TEXT;

-- The register's covering index (0003) gains the frequency indicator, an input of the cost sort.
DROP INDEX gaps_register;
CREATE INDEX gaps_register ON gaps (
  department_id, status, severity, type, process_id, step_id, owner,
  frequency_per_month, hours_lost_per_occurrence, frequency_indicator_id, found_on, id
) WHERE deleted_at IS NULL;
