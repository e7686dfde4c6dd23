import { afterEach, describe, expect, it } from 'vitest';
import { camel, ENTITIES, ENTITY_NAMES } from '../../src-main/db/entities';
import { createDemo } from '../../src-main/core/demo/generate';
import { exportColumns, exportWorkspace, serializeWorkspace, type WorkspaceJson } from '../../src-main/services/workspace/workspace-json';
import { importWorkspace } from '../../src-main/services/workspace/workspace-import';
import { parseWorkspaceJson, WorkspaceJsonError } from '../../src-main/services/workspace/workspace-json-checks';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const opened: TestWorkspace[] = [];
const open = () => {
  const t = openTestWorkspace();
  opened.push(t);
  return t;
};
afterEach(() => {
  while (opened.length) opened.pop()!.cleanup();
});

/** Every row of every table (tombstones included) and of the change log: what "nothing written" means. */
function footprint(t: TestWorkspace) {
  const out: Record<string, number> = {};
  for (const e of ENTITY_NAMES) out[e] = t.ws.db.prepare(`SELECT COUNT(*) FROM ${ENTITIES[e].table}`).pluck().get() as number;
  out.change_log = t.ws.db.prepare(`SELECT COUNT(*) FROM change_log`).pluck().get() as number;
  return out;
}

function demoExport(): { t: TestWorkspace; text: string; data: WorkspaceJson } {
  const t = open();
  createDemo(t.ws, { today: '2026-03-10' });
  const text = serializeWorkspace(t.ws);
  return { t, text, data: JSON.parse(text) as WorkspaceJson };
}

/** Imports `doc` into a fresh workspace and returns the error, checking that nothing was written. */
function refused(doc: unknown, into = open()): WorkspaceJsonError {
  const before = footprint(into);
  let error: unknown;
  try {
    importWorkspace(into.ws, parseWorkspaceJson(typeof doc === 'string' ? doc : JSON.stringify(doc)));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(WorkspaceJsonError);
  expect(footprint(into)).toEqual(before);
  return error as WorkspaceJsonError;
}

describe('export --json: the shape', () => {
  it('has the format, the version and one array per entity, in a fixed order', () => {
    const { data } = demoExport();
    expect(Object.keys(data)).toEqual(['format', 'version', ...ENTITY_NAMES.map(camel)]);
    expect(data.format).toBe('boucle-workspace');
    expect(data.version).toBe(1);
    for (const key of ['departments', 'processes', 'steps', 'gaps', 'interventions', 'gapInterventions', 'indicators', 'indicatorLinks', 'measurements']) {
      expect(Array.isArray(data[key])).toBe(true);
      expect((data[key] as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('writes rows as stored DTOs: camelCase, keys in registry order, sorted by id, no computed fields', () => {
    const { data } = demoExport();
    for (const e of ENTITY_NAMES) {
      const rows = data[camel(e)] as Record<string, unknown>[];
      const ids = rows.map((r) => r.id as string);
      expect(ids).toEqual([...ids].sort());
      for (const r of rows) expect(Object.keys(r)).toEqual(exportColumns(e).map(camel));
    }
    const gap = data.gaps[0]!;
    expect(gap).not.toHaveProperty('monthlyCostCents');
    expect(gap).not.toHaveProperty('currency');
    expect(gap).not.toHaveProperty('deletedAt');
    expect(Array.isArray(data.processes[0]!.systems)).toBe(true); // JSON columns decoded
  });

  it('leaves out soft-deleted rows', async () => {
    const t = open();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const p = await t.ok('processes.create', { departmentId: d.id, name: 'P2P' });
    const gone = await t.ok('processes.create', { departmentId: d.id, name: 'Old' });
    await t.ok('processes.delete', { id: gone.id });
    const data = exportWorkspace(t.ws);
    expect(data.processes.map((x) => x.id)).toEqual([p.id]);
  });

  it('exports an empty workspace as empty arrays', () => {
    const t = open();
    const data = exportWorkspace(t.ws);
    for (const e of ENTITY_NAMES) expect(data[camel(e)]).toEqual([]);
  });
});

describe('import-json', () => {
  it('export → import → export of the demo is byte-identical, and logs every row in one transaction', () => {
    const { text, data } = demoExport();
    const target = open();
    const written = importWorkspace(target.ws, parseWorkspaceJson(text));
    expect(written.measurements).toBe(data.measurements.length);
    expect(serializeWorkspace(target.ws)).toBe(text);
    expect(target.ws.db.prepare(`SELECT COUNT(DISTINCT tx_id) FROM change_log`).pluck().get()).toBe(1);
    const logged = target.ws.db.prepare(`SELECT COUNT(DISTINCT row_id) FROM change_log`).pluck().get();
    const rows = ENTITY_NAMES.reduce((n, e) => n + (data[camel(e)] as unknown[]).length, 0);
    expect(logged).toBe(rows);
  });

  it('imports values as they are in the file (no trimming), so the round trip holds for any stored text', () => {
    const { data } = demoExport();
    const text = `${JSON.stringify({ ...data, processes: data.processes.map((p, i) => (i === 0 ? { ...p, name: ` ${p.name} ` } : p)) }, null, 2)}\n`;
    const target = open();
    importWorkspace(target.ws, parseWorkspaceJson(text));
    expect(serializeWorkspace(target.ws)).toBe(text);
  });

  it('keeps ids and timestamps, and the imported workspace works through the API', async () => {
    const { data, text } = demoExport();
    const target = open();
    importWorkspace(target.ws, parseWorkspaceJson(text));
    const gap = data.gaps[0]!;
    const got = await target.ok('gaps.get', { id: gap.id });
    expect(got).toMatchObject({ id: gap.id, createdAt: gap.createdAt, updatedAt: gap.updatedAt, title: gap.title });
    expect(got.monthlyCostCents).toBeGreaterThan(0);
    await target.ok('gaps.update', { id: gap.id, severity: 1 });
  });

  it('refuses a workspace that is not empty, writing nothing', async () => {
    const { text } = demoExport();
    const target = open();
    await target.ok('departments.create', { name: 'Legal', code: 'LEG' });
    const before = footprint(target);
    expect(() => importWorkspace(target.ws, parseWorkspaceJson(text))).toThrow(/not empty \(1 departments\)/);
    expect(footprint(target)).toEqual(before);
  });

  it('refuses ids that deleted rows of the workspace still hold', async () => {
    const { t, text } = demoExport();
    for (const d of exportWorkspace(t.ws).departments) await t.ok('departments.delete', { id: d.id });
    const err = refused(text, t);
    expect(err.problems[0]).toMatchObject({ section: 'departments', index: 0, field: 'id' });
    expect(err.message).toMatch(/departments\[0\]\.id: A deleted row of this workspace already has this id/);
  });

  it('refuses a file that is not JSON, not a Boucle export, or of another version', () => {
    expect(refused('{"format": "boucle-workspace", ').message).toMatch(/Not valid JSON/);
    expect(refused([]).message).toMatch(/one JSON object/);
    expect(refused({ format: 'something-else', version: 1 }).problems[0]).toMatchObject({ field: 'format' });
    const v2 = refused({ ...demoExport().data, version: 2 });
    expect(v2.problems).toEqual([{ field: 'version', message: expect.stringMatching(/newer version of Boucle/) }]);
    expect(refused({ format: 'boucle-workspace' }).message).toMatch(/version: Unknown format version \(missing\)/);
  });

  it('refuses a gap pointing to a process missing from the file, naming entity, index and field', () => {
    const { data } = demoExport();
    const gaps = data.gaps.map((g, i) => (i === 3 ? { ...g, processId: '01900000-0000-7000-8000-000000000000' } : g));
    const err = refused({ ...data, gaps });
    expect(err.problems).toContainEqual({ section: 'gaps', index: 3, field: 'processId', message: 'No process with this id in the file' });
    expect(err.message).toMatch(/^The file was not imported \(nothing was written\)/);
    expect(err.message).toContain('gaps[3].processId: No process with this id in the file');
  });

  it('checks every row with its schema and lists the first problems', () => {
    const { data } = demoExport();
    const bad = {
      ...data,
      departments: data.departments.map((d, i) => (i === 0 ? { ...d, colour: 'blue' } : d)),
      gaps: data.gaps.map((g, i) => (i === 1 ? { ...g, severity: 9, extra: true } : g)),
      measurements: data.measurements.map((m, i) => (i === 2 ? { ...m, period: '2025-02-30' } : m)),
      indicators: data.indicators.map((x, i) => (i === 0 ? { ...x, createdAt: 'yesterday' } : x)),
    };
    const err = refused(bad);
    const at = err.problems.map((p) => `${p.section}[${p.index}].${p.field ?? ''}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'departments[0].colour',
        'gaps[1].severity',
        'gaps[1].',
        'indicators[0].createdAt',
        'measurements[2].period',
      ]),
    );
    expect(err.problems.find((p) => p.section === 'gaps' && !p.field)!.message).toBe('Unknown field: extra');
  });

  it('refuses missing sections, unknown sections, duplicate ids and broken natural keys', () => {
    const { data } = demoExport();
    const { measurements: _gone, ...withoutMeasurements } = data;
    expect(refused({ ...withoutMeasurements, notes: [] }).problems).toEqual(
      expect.arrayContaining([
        { field: 'notes', message: 'Unknown section' },
        { section: 'measurements', message: 'Missing section (an array of rows)' },
      ]),
    );
    const dupId = refused({ ...data, steps: [...data.steps, data.steps[0]] });
    expect(dupId.problems[0]).toMatchObject({ section: 'steps', index: data.steps.length, field: 'id' });
    const twice = { ...data.measurements[0]!, id: '01900000-0000-7000-8000-0000000000aa' };
    const dupPeriod = refused({ ...data, measurements: [...data.measurements, twice] });
    expect(dupPeriod.problems[0]).toMatchObject({ section: 'measurements', field: 'period' });
    const otherDep = refused({ ...data, steps: data.steps.map((s, i) => (i === 0 ? { ...s, departmentId: data.departments[2]!.id } : s)) });
    expect(otherDep.problems).toContainEqual({ section: 'steps', index: 0, field: 'departmentId', message: 'Differs from the department of its process' });
  });
});
