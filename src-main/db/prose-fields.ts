// Fields where people write their own words. When two people change one of them on the same row
// while offline, the sync keeps both (the losing value stays beside the row as a conflict until a
// person resolves it); every other field simply takes the last writer's value.
export const PROSE_FIELDS: ReadonlySet<string> = new Set([
  'name', 'title', 'description', 'evidence', 'closure_note', 'note', 'expected_benefit', 'reopen_reason',
  'inputs', 'outputs', 'label', 'condition', 'formula', 'source_detail', 'owner', 'lane', 'system', 'platform',
]);

export const isProse = (field: string) => PROSE_FIELDS.has(field);
