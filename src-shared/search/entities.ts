// What search looks in, without zod: the search box in the renderer's first bundle needs the list,
// not the input schema.
export const SEARCH_ENTITIES = ['processes', 'steps', 'gaps', 'interventions', 'indicators'] as const;
export type SearchEntity = (typeof SEARCH_ENTITIES)[number];
