import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_FR, DEMO_RECIPE } from '../../resources/demo';
import { untranslatedTexts } from '../../src-main/core/demo/localise';
import { exportWorkspace, liveCounts } from '../../src-main/services/workspace/workspace-json';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// The demo in French, loaded from the app (workspace.demo): every text of the recipe has its French,
// written the French way; the French demo holds the same things as the English one, so a French
// user finds « facture » and reads French names, lanes, evidence and measurement notes.

const opened: TestWorkspace[] = [];
const open = () => {
  const t = openTestWorkspace();
  opened.push(t);
  return t;
};
afterEach(() => {
  while (opened.length) opened.pop()!.cleanup();
});

describe('the French demo', () => {
  it('has a French text for every text of the recipe, with French spacing', () => {
    expect(untranslatedTexts(DEMO_RECIPE)).toEqual([]);
    const plainSpace = Object.entries(DEMO_FR).filter(([, fr]) => / [:;?!]|« | »|\d %/.test(fr) || /\S[;?!»]/.test(fr.replace(/[\u00a0\u202f][;?!»]/g, '')));
    expect(plainSpace).toEqual([]);
  });

  it('is loaded from the app in the language asked, with the same content as the English one', async () => {
    const en = open();
    const fr = open();
    const a = await en.ok('workspace.demo', {});
    const b = await fr.ok('workspace.demo', { lang: 'fr' });
    expect(b.counts).toEqual(a.counts);
    expect(b.counts.gaps).toBeGreaterThan(10);

    const data = exportWorkspace(fr.ws);
    expect(data.departments.map((d) => d.name).sort()).toEqual(['Finance', 'Ressources humaines', 'Supply chain']);
    expect(data.processes.map((p) => p.name)).toContain('Achat-à-paiement (procure-to-pay)');
    expect(data.steps.map((s) => s.lane)).toContain('Comptabilité fournisseurs');
    expect(data.steps.map((s) => s.system)).toContain('tableur');
    expect(data.indicators.map((i) => i.unit)).toContain('jours');
    // Not a word of the English texts is left where people read.
    const english = new Set(Object.keys(DEMO_FR).filter((k) => DEMO_FR[k] !== k));
    const texts = [
      ...data.processes.flatMap((p) => [p.name, p.description, p.owner]),
      ...data.steps.flatMap((s) => [s.name, s.lane, s.system, s.inputs, s.outputs]),
      ...data.gaps.flatMap((g) => [g.title, g.description, g.evidence]),
      ...data.interventions.flatMap((i) => [i.title, i.description, i.expectedBenefit]),
      ...data.indicators.flatMap((i) => [i.name, i.unit, i.formula, i.sourceDetail]),
    ].filter((x): x is string => typeof x === 'string');
    expect(texts.filter((x) => english.has(x))).toEqual([]);
    const notes = data.measurements.map((m) => m.note).filter((n): n is string => !!n);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).toMatch(/\u00a0: démarrage le \d{1,2} \S+ \d{4}$/);

    // Search finds French words, accents or not; the English demo does not have them.
    const hits = (await fr.ok('search.query', { text: 'facture' })).hits;
    expect(hits.length).toBeGreaterThan(3);
    expect((await fr.ok('search.query', { text: 'recouvrement' })).hits.length).toBeGreaterThan(0);
    expect((await fr.ok('search.query', { text: 'reclamation' })).hits.length).toBeGreaterThan(0);
    expect((await en.ok('search.query', { text: 'facture' })).hits).toEqual([]);
  });

  it('refuses a workspace that holds something, in the user language, and changes nothing', async () => {
    const t = open();
    await t.ok('departments.create', { name: 'Achats', code: 'ACH' });
    const before = liveCounts(t.ws);
    const r = await t.core.call('workspace.demo', { lang: 'fr' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'conflict', key: 'demo.not_empty' });
    expect(r.error.message).toMatch(/^This workspace is not empty \(1 department/);
    expect(liveCounts(t.ws)).toEqual(before);
    const bad = await t.core.call('workspace.demo', { lang: 'de' });
    expect(bad.ok === false && bad.error.field).toBe('lang');
  });
});
