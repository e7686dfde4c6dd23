import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src-main/cli/index';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { ENTITY_NAMES } from '../../src-main/db/entities';
import { openWorkspace } from '../../src-main/core/workspace';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';
import { BPMN_FIXTURES as FIXTURES } from '../helpers/bpmn-fixtures';

// A file that is not well-formed XML, or XML that is not BPMN, is refused with an error naming the
// problem, and nothing is written: no department, no process, no change-log entry.

const INVOICE = fs.readFileSync(path.join(FIXTURES, 'camunda-invoice-v2-lanes-callactivity.bpmn'), 'utf8');
const WITHOUT_END = INVOICE.slice(0, INVOICE.lastIndexOf('</definitions>'));

let t: TestWorkspace;
beforeEach(() => {
  t = openTestWorkspace();
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

function footprint(db = t.ws.db) {
  const tables = [...ENTITY_NAMES, 'change_log'];
  return Object.fromEntries(tables.map((x) => [x, db.prepare(`SELECT COUNT(*) FROM ${x}`).pluck().get() as number]));
}

const BAD: [string, string, RegExp][] = [
  ['plain text', 'Process: receive invoice, approve, pay.', /^This file is not XML: it does not start with an element/],
  ['an empty file', '', /^The file is empty$/],
  ['only white space', '  \n\t\n', /^The file is empty$/],
  ['binary data', 'PK\u0003\u0004\u0000\u0000\u0014\u0000', /^This file is not XML: it holds binary data$/],
  ['an SVG picture', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect width="5" height="5"/></svg>', /^This XML is not BPMN 2\.0: root element is <svg> in namespace http:\/\/www\.w3\.org\/2000\/svg/],
  ['a DMN decision table', '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d"><decision id="x"/></definitions>', /^This XML is not BPMN 2\.0: root element is <definitions> in namespace https:\/\/www\.omg\.org\/spec\/DMN/],
  ['definitions with no namespace', '<definitions id="d"><process id="p"/></definitions>', /^This XML is not BPMN 2\.0: root element is <definitions>;/],
  ['a BPMN file cut in the middle of a tag', INVOICE.slice(0, 3000), /^Not well-formed XML at line \d+, column \d+: unclosed tag$/],
  ['a BPMN file whose end is missing', WITHOUT_END, new RegExp(`^Not well-formed XML at line ${WITHOUT_END.split('\n').length}: the file ends before its elements are closed \\(is it truncated\\?\\)$`)],
  ['mismatched tags', INVOICE.replace('</laneSet>', '</laneset>'), /^Not well-formed XML at line 28, column \d+: closing tag mismatch$/],
  ['an attribute given twice', INVOICE.replace('<userTask id="approveInvoice"', '<userTask id="approveInvoice" id="again"'), /^Not well-formed XML at line 29, column \d+: attribute <id> already defined$/],
  ['BPMN with no process', '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><collaboration id="c"><participant id="p" name="Bank" /></collaboration></definitions>', /^This BPMN file has no process to import/],
  ['text after the root element', `${INVOICE}\nsome trailing text`, /^Not well-formed XML .*non-whitespace outside of root node$/],
];

describe('BPMN import refuses bad files and writes nothing', () => {
  it.each(BAD)('refuses %s', async (_what, xml, message) => {
    await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const before = footprint();
    const r = await t.core.call('bpmn.import', { xml, fileName: 'bad.bpmn', departmentName: 'A new department' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.field).toBe('xml');
    expect(r.error.message).toMatch(message);
    expect(footprint()).toEqual(before);
  });

  it('names the line of the problem counted from 1', async () => {
    const xml = '<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">\n<bpmn:process id="p"><bpmn:task id="t" name="A"/>\n<bpmn:tas';
    const r = await t.core.call('bpmn.import', { xml, departmentName: 'X' });
    expect(r).toMatchObject({ ok: false, error: { message: 'Not well-formed XML at line 4, column 1: unclosed tag' } });
  });

  it('refuses an unknown department id and a call naming no department, with the field', async () => {
    const before = footprint();
    const unknown = await t.core.call('bpmn.import', { xml: INVOICE, departmentId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', field: 'departmentId' } });
    const none = await t.core.call('bpmn.import', { xml: INVOICE });
    expect(none).toMatchObject({ ok: false, error: { code: 'validation', field: 'departmentId' } });
    expect(footprint()).toEqual(before);
  });

  it('writes everything or nothing: a failure in the middle of the write leaves no trace', async () => {
    const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const before = footprint();
    // Force a failure after the first process is written: a trigger refuses the second one.
    t.ws.db.exec(`CREATE TEMP TRIGGER refuse_second AFTER INSERT ON processes
      WHEN (SELECT COUNT(*) FROM processes) > 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const pizza = fs.readFileSync(path.join(FIXTURES, 'bpmnjs-pizza-collaboration-semantic-prefix.bpmn'), 'utf8');
    const r = await t.core.call('bpmn.import', { xml: pizza, fileName: 'pizza.bpmn', departmentId: dep.id });
    expect(r.ok).toBe(false);
    t.ws.db.exec(`DROP TRIGGER refuse_second`);
    expect(footprint()).toEqual(before);
  });
});

describe('boucle import-bpmn', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = tempDir('boucle-cli-bpmn-');
    dirs.push(d);
    return d;
  };
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

  it('imports a file, creating the department, and prints a summary', async () => {
    const data = dir();
    const file = path.join(FIXTURES, 'camunda-invoice-v2-lanes-callactivity.bpmn');
    const r = await run('import-bpmn', file, '--department', 'Accounts Payable', '--data', data);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Imported camunda-invoice-v2-lanes-callactivity.bpmn into Accounts Payable (AP), a new department:');
    expect(r.stdout).toContain('Invoice Receipt: 7 steps, 3 lanes, 7 flows (new)');
    const again = await run('import-bpmn', file, '--department', 'ap', '--data', data);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('into Accounts Payable (AP):');
    expect(again.stdout).toContain('updated: 0 new, 0 changed, 0 removed steps');
    expect(again.stdout).toContain('0 processes created, 1 updated');

    const ws = openWorkspace(data);
    try {
      expect(ws.db.prepare(`SELECT COUNT(*) FROM departments`).pluck().get()).toBe(1);
      expect(ws.db.prepare(`SELECT COUNT(*) FROM processes`).pluck().get()).toBe(1);
    } finally {
      ws.close();
    }
  });

  it('prints warnings on stderr and still succeeds', async () => {
    const r = await run('import-bpmn', path.join(FIXTURES, 'bpmnjs-pizza-collaboration-semantic-prefix.bpmn'), '--department', 'Ops', '--data', dir());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('boucle: warning: 6 message flow(s) between pools were not imported');
  });

  it('refuses a bad file on stderr with a non-zero exit, before creating any workspace', async () => {
    const data = dir();
    const svg = path.join(data, '..', `${path.basename(data)}-picture.svg`);
    fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    try {
      const r = await run('import-bpmn', svg, '--department', 'Finance', '--data', path.join(data, 'ws'));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^boucle: .*picture\.svg: This XML is not BPMN 2\.0: root element is <svg>/);
      expect(fs.existsSync(path.join(data, 'ws', DATABASE_FILE))).toBe(false);
    } finally {
      fs.rmSync(svg, { force: true });
    }
  });

  it('refuses a missing file and a missing --department', async () => {
    const missing = await run('import-bpmn', '/nonexistent/file.bpmn', '--department', 'X', '--data', dir());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^boucle: cannot read \/nonexistent\/file\.bpmn: ENOENT/);
    const noDep = await run('import-bpmn', path.join(FIXTURES, 'camunda-invoice-v2-lanes-callactivity.bpmn'), '--data', dir());
    expect(noDep.code).not.toBe(0);
    expect(noDep.stderr).toContain("required option '--department <codeOrName>' not specified");
  });
});
