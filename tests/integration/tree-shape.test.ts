import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The shape of the tree (ARCHITECTURE.md §2, README "Architecture"): one home per domain area, with
// the same name in every layer, no file named after the batch of work that brought it, small files.
const root = path.resolve(__dirname, '../..');
const AREAS = ['departments', 'processes', 'gaps', 'interventions', 'indicators', 'impact', 'roi', 'imports', 'search', 'history', 'workspace'];
/** Areas the architecture plans (reports, sync) and screens that gather several areas (dashboard). */
const ALSO_ALLOWED = ['reports', 'sync', 'dashboard'];
const BATCH_NAMES = /(^|[/_-])(foundation|gap-workflow|indicators-analytics|process-map|batch|issue-?\d+)([/._-]|$)/;

const dirs = (rel: string) =>
  fs.readdirSync(path.join(root, rel), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const tracked = () => execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('one home per domain area', () => {
  it('gives every area its api and schemas, its services, its handlers', () => {
    for (const area of AREAS) {
      expect(fs.existsSync(path.join(root, 'src-shared', area, 'api.ts')), `src-shared/${area}/api.ts`).toBe(true);
      expect(fs.existsSync(path.join(root, 'src-main/services', area)), `src-main/services/${area}/`).toBe(true);
      expect(fs.existsSync(path.join(root, 'src-main/core/handlers', `${area}.ts`)), `src-main/core/handlers/${area}.ts`).toBe(true);
    }
  });

  it('uses only area names for the folders of every layer', () => {
    const known = new Set([...AREAS, ...ALSO_ALLOWED]);
    const shared = dirs('src-shared').filter((d) => fs.existsSync(path.join(root, 'src-shared', d, 'api.ts')));
    const handlers = fs.readdirSync(path.join(root, 'src-main/core/handlers')).filter((f) => f !== 'types.ts').map((f) => f.replace(/\.ts$/, ''));
    for (const [layer, names] of [['src-shared', shared], ['src-main/services', dirs('src-main/services')], ['src-main/core/handlers', handlers], ['src-renderer/features', dirs('src-renderer/features')]] as const) {
      expect(names.filter((n) => !known.has(n)), layer).toEqual([]);
    }
    expect(fs.readdirSync(path.join(root, 'src-main/services')).filter((f) => f.endsWith('.ts')), 'services at the top of src-main/services').toEqual([]);
  });

  it('names no file or folder after a batch of work', () => {
    expect(tracked().filter((f) => /^src-|^resources\//.test(f) && !f.includes('/migrations/') && BATCH_NAMES.test(f))).toEqual([]);
  });

  it('keeps source files under 400 lines, data and SQL aside', () => {
    const data = /^(resources\/|src-shared\/messages\/(en|fr)\.ts$|tests\/fixtures\/)|\.(sql|json|md|bpmn|csv|tsv)$/;
    const long = tracked()
      .filter((f) => /^(src-|tests\/|scripts\/|bin\/)/.test(f) && /\.(ts|tsx|mts|mjs|js|css)$/.test(f) && !data.test(f))
      .map((f) => ({ f, lines: fs.readFileSync(path.join(root, f), 'utf8').split('\n').length }))
      .filter((x) => x.lines > 400);
    expect(long).toEqual([]);
  });
});
