import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workspace';

// `boucle report` as users run it (the built bundle): the refusals, each one line on stderr with a
// non-zero exit and no file left behind, then real reports and the list of templates.
const run = promisify(execFile);
const bin = path.resolve(__dirname, '../../bin/boucle.mjs');
let data: string;
let out: string;

beforeAll(async () => {
  data = tempDir('boucle-cli-report-');
  out = tempDir('boucle-cli-out-');
  await run(process.execPath, [bin, 'demo', '--data', data]);
}, 120_000);
afterAll(() => [data, out].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const report = async (...args: string[]) => {
  try {
    const r = await run(process.execPath, [bin, 'report', '--data', data, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('boucle report', () => {
  it('refuses bad requests in one line, with a non-zero exit, leaving no file', async () => {
    const existing = path.join(out, 'existing.html');
    fs.writeFileSync(existing, 'mine');
    const cases: [string[], RegExp][] = [
      [['--format', 'html', '--out', existing, '--department', 'FIN'], /already exists.*--force/],
      [['--format', 'html', '--out', path.join(out, 'a.html'), '--department', 'Marketing'], /no department has the code or name "Marketing"/],
      [['--format', 'html', '--out', path.join(out, 'b.html'), '--template', 'weekly-gossip'], /no report template is named "weekly-gossip"/],
      [['--format', 'html', '--out', path.join(out, 'c.html'), '--department', 'FIN', '--from', '2026-03-01', '--to', '2026-01-31'], /the period is reversed/],
      [['--format', 'html', '--out', path.join(out, 'd.html'), '--department', 'FIN', '--from', '2026-03-01'], /the period is empty/],
      [['--format', 'html', '--out', path.join(out, 'no-such-folder', 'e.html'), '--department', 'FIN'], /Cannot write .*the folder does not exist/],
      [['--format', 'docx', '--out', path.join(out, 'f.docx')], /--format must be pdf, xlsx, pptx, html/],
    ];
    for (const [args, why] of cases) {
      const r = await report(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(why);
    }
    expect(fs.readFileSync(existing, 'utf8')).toBe('mine');
    expect(fs.readdirSync(out).sort()).toEqual(['existing.html']);
  }, 120_000);

  it('writes a French PDF of a department and replaces a file with --force', async () => {
    const file = path.join(out, 'finance.pdf');
    fs.writeFileSync(file, 'old');
    const r = await report('--format', 'pdf', '--out', file, '--department', 'FIN', '--period', 'last-12-months', '--lang', 'fr', '--company', 'Boucle SA', '--force');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Wrote .*finance\.pdf \(PDF/);
    const doc = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
    const { text } = await extractText(doc, { mergePages: false });
    expect(text[0]).toContain('Boucle SA');
    expect(text.join(' ')).toContain('Synthèse');
    expect(fs.readdirSync(out).filter((f) => f.includes('partial'))).toEqual([]);
  }, 120_000);

  it('lists the ready templates', async () => {
    const r = await report('templates');
    expect(r.code).toBe(0);
    for (const key of ['monthly-review', 'quarterly-cross-department', 'case-study']) expect(r.stdout).toContain(key);
  });
});
