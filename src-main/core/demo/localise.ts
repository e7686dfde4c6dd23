import { DEMO_FR, type DemoRecipe } from '../../../resources/demo';
import { formatDate } from '../../../src-shared/format';

// The demo in the user's language. The recipe is written in English; the French of each of its texts
// is in resources/demo/fr.ts, keyed on the English. Only the fields people read are texts: keys,
// codes, colours and figures stay as they are.

export const DEMO_LANGUAGES = ['en', 'fr'] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

/** Recipe fields that hold text people read (a string, or a list of strings such as `systems`). */
const TEXT_FIELDS = new Set([
  'name', 'owner', 'description', 'referenceId', 'reference', 'systems', 'system', 'lane', 'inputs', 'outputs', 'title',
  'evidence', 'platform', 'expectedBenefit', 'unit', 'sourceDetail', 'formula', 'label', 'condition',
]);

type Translate = (english: string) => string;

function mapTexts(value: unknown, field: string | null, tr: Translate): unknown {
  if (typeof value === 'string') return field !== null && TEXT_FIELDS.has(field) ? tr(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapTexts(v, field, tr));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapTexts(v, k, tr)]));
  }
  return value;
}

/** The recipe with its texts in `lang`; a text with no translation stays English (the tests forbid it). */
export function localiseRecipe(recipe: DemoRecipe, lang: DemoLanguage): DemoRecipe {
  if (lang === 'en') return recipe;
  return mapTexts(recipe, null, (s) => DEMO_FR[s] ?? s) as DemoRecipe;
}

/** The texts of the recipe that have no French yet (for the tests and whoever adds to the recipe). */
export function untranslatedTexts(recipe: DemoRecipe): string[] {
  const missing = new Set<string>();
  mapTexts(recipe, null, (s) => {
    if (!(s in DEMO_FR)) missing.add(s);
    return s;
  });
  return [...missing];
}

/** The note on the first measurement after an intervention started. */
export function effectNote(title: string, startDate: string, lang: DemoLanguage): string {
  return lang === 'fr' ? `${title}\u00a0: démarrage le ${formatDate(startDate, 'fr-FR')}` : `${title}: started ${startDate}`;
}
