import { finance } from './finance';
import { hr } from './hr';
import type { DemoRecipe } from './recipe-types';
import { supplyChain } from './supply-chain';

/** The demo of `boucle demo`: three departments as data; src-main/core/demo turns it into API calls. */
export const DEMO_RECIPE: DemoRecipe = {
  departments: [finance, hr, supplyChain],
};

/** How much history the demo draws, ending with the last complete period before today. */
export const DEMO_HISTORY = { months: 36, weeks: 130 } as const;

export type * from './recipe-types';
export { DEMO_FR } from './fr';
