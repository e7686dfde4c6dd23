import { afterEach, describe, expect, it } from 'vitest';
import { cleanName } from '../../src-shared/common';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// A name cannot display differently from what it stores: bidirectional controls and zero-width
// characters are removed, control characters become spaces, and text is stored in Unicode NFC.

let t: TestWorkspace | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('names', () => {
  it('lose bidi overrides, isolates and marks, and zero-width spaces; keep ZWJ emoji and Persian ZWNJ', () => {
    expect(cleanName('Invoice \u202Egpj.exe\u202C')).toBe('Invoice gpj.exe');
    expect(cleanName('\u2066Paie\u2069 \u200Fmensuelle\u200E')).toBe('Paie mensuelle');
    expect(cleanName('Fac\u200Bture')).toBe('Facture');
    expect(cleanName('\uFEFFBudget\u2060')).toBe('Budget');
    expect(cleanName('Équipe 👩\u200D💻')).toBe('Équipe 👩\u200D💻');
    expect(cleanName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanName('Line\none\ttwo')).toBe('Line one two');
  });

  it('are stored in NFC, so "é" typed two ways is one name', () => {
    expect(cleanName('Cafe\u0301')).toBe('Caf\u00e9');
    expect(cleanName('Cafe\u0301').length).toBe(4);
  });

  it('of a report (template name, section titles, company, confidentiality line) are cleaned too', async () => {
    t = openTestWorkspace();
    const dep = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const tpl = await t.ok('reportTemplates.create', {
      departmentId: dep.id,
      name: 'Revue \u202Efdp.exe',
      sections: [{ kind: 'cover', title: 'Cou\u200Bverture\u2069' }],
      companyName: '\u2067Acme\u2069 SA',
      confidentiality: 'Interne\u200F',
    });
    expect(tpl).toMatchObject({ name: 'Revue fdp.exe', sections: [{ kind: 'cover', title: 'Couverture' }], companyName: 'Acme SA', confidentiality: 'Interne' });
  });

  it('are cleaned through the API; a name of controls only is refused', async () => {
    t = openTestWorkspace();
    const dep = await t.ok('departments.create', { name: 'Fi\u200Bnance \u202Eexe.pdf', code: 'FIN' });
    expect(dep.name).toBe('Finance exe.pdf');
    const proc = await t.ok('processes.create', { departmentId: dep.id, name: 'Re\u0301conciliation' });
    expect(proc.name).toBe('Réconciliation');
    const gap = await t.ok('gaps.create', { processId: proc.id, title: '\u2067Approval waits\u2069', type: 'coordination' });
    expect(gap.title).toBe('Approval waits');
    const refused = await t.core.call('gaps.create', { processId: proc.id, title: '\u202E\u200B\u2066', type: 'coordination' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'title', key: 'common.required' } });
    const stored = t.ws.db.prepare(`SELECT title FROM gaps`).pluck().all();
    expect(stored).toEqual(['Approval waits']);
  });
});
