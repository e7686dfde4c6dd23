import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { APPLICATION_ID, MIGRATIONS } from '../../src-main/db/migrations';
import { toFtsQuery } from '../../src-main/services/search/search';
import type { SearchHit } from '../../src-shared/search/schemas';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';

let t: TestWorkspace;
afterEach(() => t?.cleanup());

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);
const find = async (text: string, extra: Record<string, unknown> = {}) => (await t.ok('search.query', { text, ...extra })).hits;

async function world() {
  const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN', loadedHourlyRateCents: 6500 });
  const p = await t.ok('processes.create', { departmentId: d.id, name: 'Règlement fournisseurs', description: 'Du bon de commande au paiement' });
  const s = await t.ok('steps.create', { processId: p.id, name: 'Approbation de la facture', lane: 'Contrôleur' });
  const g = await t.ok('gaps.create', {
    processId: p.id, stepId: s.id, title: 'Délai d’approbation trop long', type: 'decision',
    description: 'Les factures attendent la décision du responsable budgétaire', owner: 'Hélène',
  });
  const plain = await t.ok('gaps.create', { processId: p.id, title: 'Delai de paiement des avoirs', type: 'feedback' });
  const i = await t.ok('interventions.create', {
    departmentId: d.id, title: 'Approbation dans Teams', kind: 'social_workflow', platform: 'Teams', description: 'Notifier le responsable',
  });
  const ind = await t.ok('indicators.create', { departmentId: d.id, name: 'Délai moyen de paiement', unit: 'jours', direction: 'lower', processId: p.id });
  return { d, p, s, g, plain, i, ind };
}

describe('search.query', () => {
  it('finds across processes, steps, gaps, interventions and indicators, accent-insensitive both ways', async () => {
    t = openTestWorkspace();
    const { d, p, s, g, plain, i, ind } = await world();
    // "délai" finds "Delai" and "delai" finds "Délai".
    expect(new Set(ids(await find('délai')))).toEqual(new Set([g.id, plain.id, ind.id]));
    expect(new Set(ids(await find('delai')))).toEqual(new Set([g.id, plain.id, ind.id]));
    expect(new Set(ids(await find('DELAI')))).toEqual(new Set([g.id, plain.id, ind.id]));
    expect(ids(await find('helene'))).toEqual([g.id]); // in the owner
    expect(ids(await find('reglement'))).toEqual([p.id]);
    expect(ids(await find('controleur'))).toEqual([s.id]); // in the lane
    // Several words: all must match; the last one is a prefix (search as you type).
    expect(new Set(ids(await find('approbation fact')))).toEqual(new Set([s.id, g.id])); // the gap's description has "factures"
    expect(ids(await find('approbation facture contro'))).toEqual([s.id]);
    expect(new Set(ids(await find('approb')))).toEqual(new Set([s.id, g.id, i.id]));
    expect(ids(await find('approb', { entities: ['interventions'] }))).toEqual([i.id]);
    expect(new Set(ids(await find('approb', { entities: ['steps', 'gaps'] })))).toEqual(new Set([s.id, g.id]));

    const [hit] = await find('budgetaire');
    expect(hit).toMatchObject({
      entity: 'gaps', id: g.id, title: 'Délai d’approbation trop long', departmentId: d.id, departmentName: 'Finance',
      processId: p.id, processName: 'Règlement fournisseurs', stepId: s.id,
    });
    expect(hit!.snippet.filter((x) => x.hit).map((x) => x.text)).toEqual(['budgétaire']);
    expect(hit!.snippet.map((x) => x.text).join('')).toContain('décision du responsable budgétaire');
    const [step] = await find('contrôleur');
    expect(step).toMatchObject({ entity: 'steps', processId: p.id, stepId: s.id, processName: 'Règlement fournisseurs' });
    const [itv] = await find('notifier');
    expect(itv).toMatchObject({ entity: 'interventions', processId: null, departmentName: 'Finance' });
  });

  it('ranks with bm25: a match in the title before a match in the text', async () => {
    t = openTestWorkspace();
    const { p } = await world();
    const inBody = await t.ok('gaps.create', { processId: p.id, title: 'Something else', type: 'information', description: 'a long text that mentions rapprochement once among many other words of no interest here' });
    const inTitle = await t.ok('gaps.create', { processId: p.id, title: 'Rapprochement bancaire manuel', type: 'information' });
    const hits = await find('rapprochement');
    expect(ids(hits)).toEqual([inTitle.id, inBody.id]);
    expect(hits[0]!.score).toBeLessThan(hits[1]!.score);
  });

  it('never throws on hostile input: quotes, *, NEAR, -, parentheses, column filters', async () => {
    t = openTestWorkspace();
    const { g } = await world();
    const hostile = [
      '"', '""', '"délai', 'délai"', '*', '**', 'délai*', '* délai', 'NEAR', 'NEAR(délai approbation)', 'délai NEAR approbation',
      '-délai', 'délai -approbation', 'NOT', 'délai NOT', 'AND OR NOT', '(', ')', '((délai)', 'délai)', 'title:délai', '^délai',
      '{title body}: x', "l'approbation", 'a"b"c', '\u0000', '😀', '  ', '', '+', 'délai AND', 'OR délai',
    ];
    for (const text of hostile) {
      const r = await t.core.call('search.query', { text });
      expect(r.ok, `search for ${JSON.stringify(text)}: ${JSON.stringify(r)}`).toBe(true);
      const r2 = await t.core.call('gaps.list', { text });
      expect(r2.ok, `gaps.list text ${JSON.stringify(text)}`).toBe(true);
    }
    // The operators are searched as words, not obeyed.
    expect(ids(await find('-délai'))).toContain(g.id);
    expect(await find('NEAR')).toEqual([]);
    expect(toFtsQuery('délai "approb')).toBe('"délai" """approb"*');
    expect(toFtsQuery('*** ()')).toBeNull();
    expect(await t.ok('search.query', { text: '   ' })).toEqual({ query: null, hits: [] });
  });

  it('follows updates, soft deletes (tombstones leave the results) and restores', async () => {
    t = openTestWorkspace();
    const { p, s, g, i } = await world();
    await t.ok('gaps.update', { id: g.id, title: 'Validation budgétaire en attente' });
    expect(ids(await find('validation'))).toEqual([g.id]);
    expect(ids(await find('approbation trop'))).toEqual([]);
    await t.ok('gaps.delete', { id: g.id });
    expect(ids(await find('validation'))).toEqual([]);
    // Restored through the write path (as an undo does): back in the results.
    t.ws.writer.write((tx) => tx.restore('gaps', g.id));
    expect(ids(await find('validation'))).toEqual([g.id]);

    await t.ok('interventions.delete', { id: i.id });
    expect(ids(await find('teams'))).toEqual([]);
    // Deleting a process takes its steps and gaps out of the results too.
    await t.ok('processes.delete', { id: p.id });
    expect(await find('approbation')).toEqual([]);
    expect(await find('reglement')).toEqual([]);
    expect(ids(await find('paiement'))).toHaveLength(1); // the indicator stays (detached from the process)
    expect(t.ws.db.prepare(`SELECT COUNT(*) FROM steps WHERE id = ? AND deleted_at IS NOT NULL`).pluck().get(s.id)).toBe(1);
  });

  it('indexes the rows that existed before migration 0003', async () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((x) => x.version < 3)) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO schema_migrations VALUES (?, ?, ?, ?)`).run(m.version, m.name, m.checksum, new Date().toISOString());
    }
    const now = new Date().toISOString();
    const dep = '01900000-0000-7000-8000-000000000001';
    const proc = '01900000-0000-7000-8000-000000000002';
    db.prepare(`INSERT INTO departments (id, department_id, name, code, colour, created_at, updated_at) VALUES (?, ?, 'RH', 'RH', '#000000', ?, ?)`).run(dep, dep, now, now);
    db.prepare(`INSERT INTO processes (id, department_id, name, created_at, updated_at) VALUES (?, ?, 'Intégration des arrivants', ?, ?)`).run(proc, dep, now, now);
    db.prepare(`INSERT INTO gaps (id, department_id, process_id, title, type, severity, found_on, created_at, updated_at)
                VALUES ('01900000-0000-7000-8000-000000000003', ?, ?, 'Accès créés en retard', 'coordination', 3, '2026-01-01', ?, ?)`).run(dep, proc, now, now);
    db.prepare(`INSERT INTO gaps (id, department_id, process_id, title, type, severity, found_on, created_at, updated_at, deleted_at)
                VALUES ('01900000-0000-7000-8000-000000000004', ?, ?, 'Accès supprimé', 'coordination', 3, '2026-01-01', ?, ?, ?)`).run(dep, proc, now, now, now);
    db.close();

    t = openTestWorkspace(dir); // applies 0003
    expect(ids(await find('integration'))).toEqual([proc]);
    expect(ids(await find('acces'))).toEqual(['01900000-0000-7000-8000-000000000003']);
  });
});
