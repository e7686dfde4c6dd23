import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_KIND_LABELS } from '../../src-shared/gaps/vocabulary';
import { en as coreEn } from '../../src-shared/messages/en';
import { fr as coreFr } from '../../src-shared/messages/fr';

// Every French text of the app reads as French: the UI catalogues (src-renderer/i18n/fr/*.json) and
// the core's messages (src-shared/messages/fr.ts) are scanned for what a French reader trips on —
// a plain or missing space before « : ; ! ? » and inside « », « de les » where French says « des »,
// English words left behind — and both languages keep one word per concept.

const I18N = path.resolve(__dirname, '../../src-renderer/i18n');

/** Every string of a catalogue with its dotted key. */
function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix.endsWith(':') || !prefix ? `${prefix}${k}` : `${prefix}.${k}`));
  }
  return [];
}

function catalogue(lang: 'en' | 'fr'): [string, string][] {
  const ui = fs
    .readdirSync(path.join(I18N, lang))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => flatten(JSON.parse(fs.readFileSync(path.join(I18N, lang, f), 'utf8')), `${f.replace('.json', '')}:`));
  const core = Object.entries(lang === 'fr' ? coreFr : coreEn).map(([k, v]) => [`messages:${k}`, v] as [string, string]);
  return [...ui, ...core];
}

/** The text people read: placeholders ({{name}}, {{n|one|other}}) and technical tokens set aside. */
const prose = (s: string) => s.replace(/\{\{[^}]*\}\}/g, '§').replace(/https?:\/\/\S+/g, '§');

const FR = catalogue('fr');
const EN = catalogue('en');
const offenders = (test: (text: string) => boolean, texts = FR) => texts.filter(([, v]) => test(prose(v))).map(([k, v]) => `${k} = ${v}`);

describe('the French catalogues', () => {
  it('are complete: every English key has its French', () => {
    const frKeys = new Set(FR.map(([k]) => k));
    expect(EN.map(([k]) => k).filter((k) => !frKeys.has(k))).toEqual([]);
  });

  it('put a no-break space before « : ; ! ? » and inside « », never a plain one or none', () => {
    // A plain space before the mark, or after « / before ».
    expect(offenders((s) => / [:;!?»]/.test(s) || /« /.test(s))).toEqual([]);
    // No space at all: "Formule:", "9 points:" (a colon between digits, as in 12:30, is not French prose).
    expect(offenders((s) => /[^\s\u00a0\u202f\d(§][:;!?](\s|$)/.test(s) || /§[:;!?](\s|$)/.test(s))).toEqual([]);
    expect(offenders((s) => /«[^\u00a0\u202f]|[^\u00a0\u202f]»/.test(s))).toEqual([]);
    // A per cent sign after a number, as French writes it.
    expect(offenders((s) => /(\d|§) ?%/.test(s))).toEqual([]);
  });

  it('never write « de les », « de le », « à les », « à le » before a noun (des, du, aux, au)', () => {
    // Before a verb they are pronouns, and right: « avant de les fermer ».
    const verb = /^(\S+(er|ir|re|oir)|en)\b/;
    // Word edges that know accented letters: « précède le » and « déjà le » are not « de le », « à le ».
    const wrong = (s: string) =>
      [...s.matchAll(/(?<!\p{L})(de|à) (les|le) (\S+)/giu)].some((m) => !verb.test(m[3]!.toLowerCase())) || /(?<!\p{L})(de|à) (les|le) §/u.test(s);
    expect(offenders(wrong)).toEqual([]);
    // A piece that ends on « de » or « à » is glued before another piece (« {{side}} les limites »),
    // which makes « de les » at run time: French needs the article inside the piece.
    expect(offenders((s) => /(?<!\p{L})(de|à)$/u.test(s.trim()))).toEqual([]);
  });

  it('leave no English words behind', () => {
    // Words English writes and French never does (not « date », « source », « import », « file »…,
    // which are French too); borrowings French uses (workflow, reporting…) are fine.
    const ENGLISH =
      /(?<!\p{L})(the|and|of|with|other|others|working|loud|click|please|save|cancel|delete|edit|open|close|closed|new|none|yes|no|from|your|you|this|that|which|when|where|what|step|steps|gap|gaps|lane|lanes|department|departments|cost|costs|monthly|weekly|baseline|target|row|rows|value|values|status|owner|search|found|lost|hours|month|week|year)(?!\p{L})/iu;
    // Parentheses may keep the English name of a practice next to its French one.
    const allowed = (s: string) => s.replace(/\((working out loud|procure-to-pay|record-to-report|order-to-cash|crowdsourcing|hire-to-retire)\)/gi, '');
    // Codes and API names a message may quote (gaps.reopen, indicator_target) are not prose.
    const code = (s: string) => s.replace(/[\w-]+[._][\w.]+/g, '§').replace(/\b(e-mail|CSV|XLSX|BPMN|ERP|BI|ROI|XmR)\b/g, '');
    expect(offenders((s) => ENGLISH.test(code(allowed(s))))).toEqual([]);
  });

  it('keep one word per concept, in each language', () => {
    // French: a gap is a « lacune » (an « écart » is a variance), a department a « direction », a
    // baseline a « point de départ » and « référence » only the external one (APQC, SCOR).
    expect(offenders((s) => /(?<!\p{L})écarts?(?!\p{L}|-type)/iu.test(s))).toEqual([]);
    expect(offenders((s) => /(?<!\p{L})(départements?|métriques?|KPI)(?!\p{L})/iu.test(s))).toEqual([]);
    const baselineFr = FR.filter(([k]) => /baseline/i.test(k)).map(([, v]) => v);
    expect(baselineFr.length).toBeGreaterThan(2);
    for (const v of baselineFr) expect(v).toMatch(/point de départ/i);
    const referenceFr = FR.filter(([k]) => /(^|[.:])reference(Id)?$/.test(k)).map(([, v]) => v);
    expect(referenceFr.length).toBeGreaterThan(2);
    for (const v of referenceFr) expect(v).toMatch(/^Référence externe/);
    // English: a gap is never an issue or a problem, a department never a division.
    expect(offenders((s) => /\b(divisions?|directorates?|shortfalls?|KPIs?)\b/i.test(s), EN)).toEqual([]);
    // The labels of the intervention kinds are the same wherever they show.
    for (const [lang, texts] of [['en', EN], ['fr', FR]] as const) {
      for (const [code, label] of Object.entries(BUILTIN_KIND_LABELS)) {
        expect(texts.find(([k]) => k === `common:interventionKind.${code}`)?.[1], `${lang} ${code}`).toBe(label[lang]);
      }
    }
  });
});
