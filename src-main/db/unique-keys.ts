import type { EntityName } from './entities';

// The natural keys the schema keeps unique among live rows (the partial unique indexes of the
// migrations). Two laptops offline can each create a row with the same key (the same department
// code, a value for the same indicator and period); when the second arrives, the sync keeps one.
export const UNIQUE_KEYS: Partial<Record<EntityName, readonly (readonly string[])[]>> = {
  departments: [['code']],
  gap_interventions: [['gap_id', 'intervention_id']],
  step_flows: [['from_step_id', 'to_step_id']],
  indicator_links: [['indicator_id', 'gap_id'], ['indicator_id', 'intervention_id']],
  measurements: [['indicator_id', 'period']],
  saved_views: [['department_id', 'entity', 'name']],
  vocabulary: [['department_id', 'kind', 'code']],
  report_templates: [['department_id', 'name']],
};

/**
 * Which of two rows with one key stays live: a department created first keeps its code (its rows
 * hang on it); for every other row the one created last wins, as the last writer wins a field.
 */
export const olderWins = (entity: EntityName) => entity === 'departments';
