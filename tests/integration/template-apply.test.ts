import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src-main/cli/index';
import { ENTITY_NAMES } from '../../src-main/db/entities';
import { openWorkspace } from '../../src-main/core/workspace';
import { loadPacks } from '../../src-main/services/processes/templates';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';

// Department templates (resources/templates): listed, applied in English or French, and applied again
// without duplicating anything.

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

function footprint() {
  return Object.fromEntries([...ENTITY_NAMES, 'change_log'].map((x) => [x, t.ws.db.prepare(`SELECT COUNT(*) FROM ${x}`).pluck().get() as number]));
}
const live = (table: string, departmentId: string) =>
  t.ws.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE department_id = ? AND deleted_at IS NULL`).pluck().get(departmentId) as number;

describe('templates.list', () => {
  it('lists the three department packs with their processes and counts', async () => {
    const packs = await t.ok('templates.list', {});
    expect(packs.map((p) => [p.key, p.department.code, p.processes.map((x) => x.key)])).toEqual([
      ['finance', 'FIN', ['p2p', 'r2r', 'o2c']],
      ['hr', 'HR', ['recruiting', 'onboarding']],
      ['supply-chain', 'SC', ['order-fulfilment', 'sop']],
    ]);
    const p2p = packs[0]!.processes[0]!;
    expect(p2p.name).toEqual({ en: 'Procure-to-pay', fr: 'Achat-à-paiement (procure-to-pay)' });
    expect(p2p.counts.steps).toBeGreaterThanOrEqual(8);
    expect(p2p.counts.gaps).toBeGreaterThanOrEqual(3);
    expect(packs[0]!.counts.processes).toBe(3);
  });

  it('every pack names its indicators with unit, direction, formula, category and frequency, and cites the standard references', () => {
    const indicators = loadPacks().flatMap((p) => p.processes.flatMap((x) => x.indicators));
    for (const i of indicators) {
      expect(i.unit, i.key).toBeTruthy();
      expect(i.formula.en.length, i.key).toBeGreaterThan(10);
      expect(i.formula.fr.length, i.key).toBeGreaterThan(10);
    }
    const refs = new Set(indicators.map((i) => i.reference));
    for (const code of ['SCOR RL.1.1', 'SCOR RS.1.1', 'SCOR AM.1.1', 'SCOR CO.1.1', 'APQC PCF 9.6.1', 'APQC PCF 9.2']) expect(refs).toContain(code);
    const keys = indicators.map((i) => i.key);
    for (const k of ['dso', 'forecast-accuracy', 'time-to-fill', 'cost-per-hire', 'first-year-turnover', 'days-to-close', 'cost-per-invoice', 'paid-late', 'time-to-productivity', 'training-roi', 'perfect-order', 'cycle-time', 'cash-to-cash', 'scm-cost']) {
      expect(keys).toContain(k);
    }
    // every typical gap says why it happens, in both languages, and has a suggested intervention
    for (const pack of loadPacks()) {
      for (const p of pack.processes) {
        const closed = new Set(p.interventions.flatMap((i) => i.closes));
        for (const g of p.gaps) {
          expect(g.why.en.length, `${pack.key}/${p.key}/${g.key}`).toBeGreaterThan(30);
          expect(g.why.fr.length, `${pack.key}/${p.key}/${g.key}`).toBeGreaterThan(30);
          expect(closed.has(g.key), `${pack.key}/${p.key}/${g.key} has an intervention`).toBe(true);
        }
      }
    }
  });
});

describe('templates.apply', () => {
  it('creates the pack department and its content in English; applying again duplicates nothing', async () => {
    const first = await t.ok('templates.apply', { template: 'finance' });
    expect(first).toMatchObject({ template: 'finance', lang: 'en', departmentCreated: true });
    expect(first.processes.created).toBe(3);
    expect(first.steps.created).toBe(26);
    expect(first.gaps.created).toBe(13);
    const dep = await t.ok('departments.get', { id: first.departmentId });
    expect(dep).toMatchObject({ name: 'Finance', code: 'FIN' });

    const procs = (await t.ok('processes.list', { departmentId: dep.id })).items;
    expect(procs.map((p) => p.name).sort()).toEqual(['Order-to-cash', 'Procure-to-pay', 'Record-to-report']);
    const p2p = procs.find((p) => p.name === 'Procure-to-pay')!;
    expect(p2p).toMatchObject({ source: 'template', sourceKey: 'finance/p2p', referenceId: 'APQC PCF 4.2, 9.6' });

    const map = await t.ok('processes.map', { processId: p2p.id });
    expect(map.lanes.map((l) => l.name)).toEqual(['Requester', 'Budget owner', 'Purchasing', 'Accounts payable', 'Treasury']);
    expect(map.steps[0]).toMatchObject({ name: 'Raise purchase requisition', lane: 'Requester', system: 'ERP', sourceKey: 'finance/p2p/step/1' });
    const decision = map.steps.find((s) => s.kind === 'gateway')!;
    expect(decision.name).toBe('Invoice matches?');
    expect(map.flows.filter((f) => f.fromStepId === decision.id).map((f) => f.label).sort()).toEqual(['no: price or quantity difference', 'yes']);
    const exception = map.steps.find((s) => s.name === 'Resolve invoice exception with buyer and supplier')!;
    expect(exception.gaps).toEqual({ openGaps: 1, worstSeverity: 4 });

    const gaps = (await t.ok('gaps.list', { processId: p2p.id })).items;
    const noPo = gaps.find((g) => g.title === 'Invoices arrive without a purchase order number')!;
    expect(noPo).toMatchObject({ type: 'information', severity: 3, frequencyPerMonth: 60, hoursLostPerOccurrence: 0.5, status: 'open' });
    expect(noPo.description).toMatch(/^People order outside the purchase-order route/);
    expect(noPo.evidence).toMatch(/^Typical gap suggested by the template/);

    const interventions = (await t.ok('interventions.list', { gapId: noPo.id })).items;
    expect(interventions.map((i) => [i.kind, i.platform, i.status])).toEqual([['qa_forum', 'Viva Engage', 'idea']]);
    const dso = (await t.ok('indicators.list', { departmentId: dep.id })).items.find((i) => i.name === 'Days sales outstanding (DSO)')!;
    expect(dso).toMatchObject({ unit: 'days', direction: 'lower', category: 'financial', reference: 'APQC PCF 9.2' });
    expect(dso.formula).toMatch(/receivables/i);
    const costPerInvoice = (await t.ok('indicators.list', { departmentId: dep.id })).items.find((i) => i.name === 'AP cost per invoice')!;
    expect(costPerInvoice.unit).toBe('EUR per invoice');

    const before = footprint();
    const second = await t.ok('templates.apply', { template: 'finance' });
    expect(second.departmentId).toBe(dep.id);
    expect(second).toMatchObject({ departmentCreated: false, processes: { created: 0, skipped: 3 }, steps: { created: 0, skipped: 26 } });
    for (const k of ['flows', 'gaps', 'interventions', 'indicators', 'links'] as const) expect(second[k].created).toBe(0);
    expect(footprint()).toEqual(before);
  });

  it('stores the French text when applied in French, and English then French into one department does not duplicate', async () => {
    const fr = await t.ok('templates.apply', { template: 'hr', lang: 'fr' });
    const dep = await t.ok('departments.get', { id: fr.departmentId });
    expect(dep).toMatchObject({ name: 'Ressources humaines', code: 'HR' });
    const procs = (await t.ok('processes.list', { departmentId: dep.id })).items;
    expect(procs.map((p) => p.name).sort()).toEqual(['Hire-to-retire : recrutement', 'Intégration des nouveaux arrivants']);
    const recruiting = procs.find((p) => p.sourceKey === 'hr/recruiting')!;
    const map = await t.ok('processes.map', { processId: recruiting.id });
    expect(map.steps.map((s) => s.name).slice(0, 3)).toEqual(['Exprimer le besoin de recrutement', 'Valider le poste et le budget', 'Rédiger et publier l\'annonce']);
    expect(map.lanes[0]!.name).toBe('Manager recruteur');
    const gaps = (await t.ok('gaps.list', { processId: recruiting.id })).items;
    expect(gaps.map((g) => g.title)).toContain('Les retours d\'entretien arrivent tard');
    expect(gaps[0]!.evidence).toMatch(/^Écart type proposé par le modèle/);
    const hires = (await t.ok('indicators.list', { departmentId: dep.id })).items.find((i) => i.name === 'Coût par recrutement')!;
    expect(hires.unit).toBe('EUR par recrutement');

    const before = footprint();
    const en = await t.ok('templates.apply', { template: 'hr', lang: 'en', departmentId: dep.id });
    expect(en.processes).toMatchObject({ created: 0, skipped: 2 });
    expect(footprint()).toEqual(before);
    expect((await t.ok('processes.list', { departmentId: dep.id })).items.map((p) => p.name).sort()).toEqual([
      'Hire-to-retire : recrutement',
      'Intégration des nouveaux arrivants',
    ]);
  });

  it('into a department named by the user (created with a generated code), in its currency', async () => {
    const dep = await t.ok('departments.create', { name: 'Logistique Europe', code: 'LOG', currency: 'CHF' });
    const r = await t.ok('templates.apply', { template: 'supply-chain', departmentName: 'log', lang: 'fr' });
    expect(r.departmentId).toBe(dep.id);
    expect(live('processes', dep.id)).toBe(2);
    const perfect = (await t.ok('indicators.list', { departmentId: dep.id })).items.find((i) => i.reference === 'SCOR RL.1.1')!;
    expect(perfect).toMatchObject({ name: 'Commandes parfaites', unit: '%', direction: 'higher' });

    const made = await t.ok('templates.apply', { template: 'supply-chain', departmentName: 'Planning Asia' });
    expect(made.departmentCreated).toBe(true);
    expect(await t.ok('departments.get', { id: made.departmentId })).toMatchObject({ name: 'Planning Asia', code: 'PA', colour: '#f08c00' });
  });

  it('does not bring back what the user deleted inside a process, but brings back a deleted process whole', async () => {
    const r = await t.ok('templates.apply', { template: 'supply-chain' });
    const [fulfilment] = (await t.ok('processes.list', { departmentId: r.departmentId, search: 'Order fulfilment' })).items;
    const map = await t.ok('processes.map', { processId: fulfilment!.id });
    await t.ok('steps.delete', { id: map.steps[0]!.id });
    const gap = (await t.ok('gaps.list', { processId: fulfilment!.id })).items[0]!;
    await t.ok('gaps.delete', { id: gap.id });

    const again = await t.ok('templates.apply', { template: 'supply-chain' });
    expect(again.steps.created).toBe(0);
    expect(again.gaps.created).toBe(0);
    expect((await t.ok('processes.map', { processId: fulfilment!.id })).steps).toHaveLength(map.steps.length - 1);

    await t.ok('processes.delete', { id: fulfilment!.id });
    const third = await t.ok('templates.apply', { template: 'supply-chain' });
    expect(third.processes).toMatchObject({ created: 1, skipped: 1 });
    expect(third.steps.created).toBe(9);
    expect(third.gaps.created).toBe(4);
    // department-wide suggestions already there are not duplicated
    expect(third.interventions.created).toBe(0);
    expect(live('processes', r.departmentId)).toBe(2);
  });

  it('refuses an unknown template, an unknown language and two departments at once, writing nothing', async () => {
    const before = footprint();
    expect(await t.core.call('templates.apply', { template: 'legal' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'template', message: 'No template called “legal”. Templates: finance, hr, supply-chain' },
    });
    expect(await t.core.call('templates.apply', { template: 'hr', lang: 'de' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'lang' } });
    expect(
      await t.core.call('templates.apply', { template: 'hr', departmentId: '01900000-0000-7000-8000-000000000000', departmentName: 'HR' }),
    ).toMatchObject({ ok: false, error: { code: 'validation', field: 'departmentName' } });
    expect(await t.core.call('templates.apply', { template: 'hr', departmentId: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'departmentId' },
    });
    expect(footprint()).toEqual(before);
  });
});

describe('boucle template', () => {
  const dirs: string[] = [];
  afterEach(() => {
    while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
  });
  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(text(chunk)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(text(chunk)), true));
    try {
      return { code: await runCli(args), stdout: out.join(''), stderr: err.join('') };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('lists the templates in English or French', async () => {
    const en = await run('template', 'list');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('finance — Finance (department code FIN)');
    expect(en.stdout).toContain('· Procure-to-pay [APQC PCF 4.2, 9.6]: 9 steps, 5 lanes');
    const fr = await run('template', 'list', '--lang', 'fr');
    expect(fr.stdout).toContain('· Plan industriel et commercial (PIC / S&OP) [APQC PCF 4.1, SCOR P1]');
  });

  it('applies a template to a department given by name, twice without duplicates', async () => {
    const data = tempDir('boucle-cli-tpl-');
    dirs.push(data);
    const r = await run('template', 'apply', 'hr', '--department', 'People & Culture', '--lang', 'fr', '--data', data);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Applied template hr (fr) to People & Culture (PC), a new department:');
    expect(r.stdout).toMatch(/processes\s+2 created/);
    const again = await run('template', 'apply', 'hr', '--department', 'PC', '--data', data);
    expect(again.stdout).toMatch(/processes\s+0 created, 2 already there/);
    const ws = openWorkspace(data);
    try {
      expect(ws.db.prepare(`SELECT COUNT(*) FROM processes`).pluck().get()).toBe(2);
      expect(ws.db.prepare(`SELECT name FROM processes ORDER BY name`).pluck().all()).toEqual(['Hire-to-retire : recrutement', 'Intégration des nouveaux arrivants']);
    } finally {
      ws.close();
    }
  });

  it('refuses an unknown template or language on stderr with a non-zero exit', async () => {
    const data = tempDir('boucle-cli-tpl-');
    dirs.push(data);
    const bad = await run('template', 'apply', 'legal', '--data', data);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('boucle: template: No template called “legal”. Templates: finance, hr, supply-chain\n');
    const lang = await run('template', 'apply', 'hr', '--lang', 'de', '--data', data);
    expect(lang.code).toBe(1);
    expect(lang.stderr).toBe('boucle: --lang: use en or fr, not de\n');
  });
});
