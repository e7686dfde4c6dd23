import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jobEntry } from '../../src-main/services/imports/jobs';
import { en } from '../../src-shared/messages/en';
import { fr } from '../../src-shared/messages/fr';
import { formatMessage, isMessageKey, placeholderNames, type MessageKey, type MessageParams } from '../../src-shared/messages';
import type { ApiError } from '../../src-shared/errors';
import { openTestWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace';

// Every message the core sends exists in English and French: the catalogues agree (keys, placeholders,
// no text left untranslated), every key the code names is in them, and real failures through the core
// carry a key and params whose French is the sentence a French user reads — the English unchanged.

const NB = '\u00a0';
/** Texts that are the same word in both languages. */
const SAME_IN_BOTH = new Set<MessageKey>(['zodType.null', 'zodType.date', 'zodType.NaN']);

let t: TestWorkspace | undefined;
let dir: string | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the catalogues', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('have the same keys, no empty or untranslated French text, and the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual([...keys].sort());
    const untranslated = keys.filter((k) => !SAME_IN_BOTH.has(k) && fr[k] === en[k]);
    expect(untranslated).toEqual([]);
    expect(keys.filter((k) => !fr[k].trim() || !en[k].trim())).toEqual([]);
    const mismatched = keys.filter((k) => placeholderNames(en[k]).join() !== placeholderNames(fr[k]).join());
    expect(mismatched).toEqual([]);
    // French spacing: a no-break space, never a plain one, before : ; ? ! and inside « ».
    expect(keys.filter((k) => / [:;?!]|« | »/.test(fr[k]))).toEqual([]);
  });

  it('hold every key the core names, in both languages', () => {
    const roots = ['src-main', 'src-shared'];
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.includes(`${path.sep}messages${path.sep}`)) files.push(p);
      }
    };
    roots.forEach((r) => walk(path.resolve(__dirname, '../..', r)));
    const literal = /(?:BoucleError\.of\([^,]+,\s*|keyedApiError\([^,]+,\s*|reasonOf\(|msg\(|setMessage\(job,\s*|bad\()['`]([\w.]+)(\$\{)?/g;
    const used: string[] = [];
    const prefixes: string[] = [];
    for (const f of files) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(literal)) (m[2] ? prefixes : used).push(m[1]!);
    }
    // The conversion is wide: dozens of sites name a key (a regression to plain strings shows here).
    expect(new Set(used).size).toBeGreaterThan(120);
    expect(used.filter((k) => !isMessageKey(k))).toEqual([]);
    // Keys built from a code (`notFound.${entity}`): the prefix has entries in both catalogues.
    for (const p of prefixes) {
      expect(keys.some((k) => k.startsWith(p)), p).toBe(true);
      expect(Object.keys(fr).some((k) => k.startsWith(p)), p).toBe(true);
    }
  });

  it('format plurals, codes, lists, dates and numbers the way each language writes them', () => {
    expect(formatMessage('import.file_columns', { count: 1 }, 'en')).toBe('The file has 1 column');
    expect(formatMessage('import.file_columns', { count: 0 }, 'en')).toBe('The file has 0 columns');
    expect(formatMessage('import.file_columns', { count: 0 }, 'fr')).toBe('Le fichier a 0 colonne');
    expect(formatMessage('import.file_columns', { count: 3 }, 'fr')).toBe('Le fichier a 3 colonnes');
    expect(formatMessage('closing.already_closed', { date: '2026-03-31' }, 'fr')).toBe('Cette lacune est déjà fermée (le 31/03/2026)');
    expect(formatMessage('closing.already_closed', { date: '2026-03-31' }, 'en')).toBe('This gap is already closed (on 2026-03-31)');
    expect(formatMessage('import.changed_at_row', { row: 123456 }, 'en')).toBe('The file changed during the import (row 123456): nothing was written');
    expect(formatMessage('import.changed_at_row', { row: 123456 }, 'fr')).toBe(
      `Le fichier a changé pendant l'import (ligne 123\u202f456)${NB}: rien n'a été écrit`,
    );
    expect(formatMessage('common.at_most', { max: 2.5 }, 'fr')).toBe('2,5 au maximum');
  });
});

/** The failure of a call through the core (the test fails if the call succeeds). */
async function failure(name: Parameters<TestWorkspace['core']['call']>[0], input: unknown): Promise<ApiError> {
  const r = await t!.core.call(name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

/** The error has a key and params; English is the message; French is the sentence given. */
function expectBilingual(e: ApiError, key: MessageKey, params: MessageParams | undefined, english: string, french: string) {
  expect(e.message).toBe(english);
  expect(e.key).toBe(key);
  expect(e.params).toEqual(params);
  expect(formatMessage(key, e.params, 'en')).toBe(english);
  expect(formatMessage(key, e.params, 'fr')).toBe(french);
}

async function financeGap() {
  const d = await t!.ok('departments.create', { name: 'Finance', code: 'FIN' });
  const p = await t!.ok('processes.create', { departmentId: d.id, name: 'Purchase-to-pay' });
  const gap = await t!.ok('gaps.create', { processId: p.id, title: 'Invoices wait for approval', type: 'coordination' });
  return { d, p, gap };
}

describe('real failures through the core', () => {
  it('a severity of 9, an unknown gap, a closing without proof, a forbidden status change', async () => {
    t = openTestWorkspace();
    const { d, p, gap } = await financeGap();

    const severity = await failure('gaps.create', { processId: p.id, title: 'Too severe', type: 'coordination', severity: 9 });
    expect(severity.field).toBe('severity');
    expectBilingual(severity, 'gap.severity.range', { min: 1, max: 5 }, 'Severity is from 1 to 5', 'La gravité va de 1 à 5');

    const unknown = await failure('gaps.get', { id: '01890000-0000-7000-8000-000000000000' });
    expect(unknown.code).toBe('not_found');
    expectBilingual(unknown, 'notFound.gaps', undefined, 'This gap does not exist or was deleted', "Cette lacune n'existe pas ou a été supprimée");

    const noProof = await failure('gaps.close', { id: gap.id });
    expect(noProof.field).toBe('evidence');
    expectBilingual(
      noProof,
      'closing.no_proof',
      undefined,
      'A loop is closed only with proof: a linked indicator that met its target, a measured improvement since an intervention started, or a written justification',
      `Une boucle ne se ferme qu'avec une preuve${NB}: un indicateur lié qui a atteint sa cible, une amélioration mesurée depuis le début d'une intervention, ou une justification écrite`,
    );

    const itv = await t.ok('interventions.create', { departmentId: d.id, title: 'Approval clinic', kind: 'qa_forum', platform: 'Teams', status: 'planned' });
    const jump = await failure('interventions.update', { id: itv.id, status: 'done' });
    expectBilingual(
      jump,
      'intervention.transition',
      { from: 'planned', to: 'done', allowed: 'running,idea,stopped' },
      'An intervention cannot go from planned to done; from planned it can go to running or idea or stopped',
      `Une intervention ne peut pas passer de planifiée à terminée${NB}; depuis planifiée, elle peut passer à en cours ou idée ou arrêtée`,
    );
  });

  it("zod's own messages: a number too big, an unknown field", async () => {
    t = openTestWorkspace();
    const tooBig = await failure('gaps.list', { limit: 5000 });
    expect(tooBig.field).toBe('limit');
    expectBilingual(tooBig, 'zod.too_big.number', { maximum: 1000 }, 'Too big: expected number to be <=1000', `Trop grand${NB}: au plus 1000`);

    const unknownField = await failure('departments.create', { name: 'Finance', code: 'FIN', nickname: 'Fi' });
    expectBilingual(unknownField, 'zod.unrecognized_keys', { keys: 'nickname' }, 'Unknown field: nickname', `Champ inconnu${NB}: nickname`);
  });

  it('a bad CSV row in a measurement import: the preview and the refused run', async () => {
    t = openTestWorkspace();
    dir = tempDir('boucle-fr-errors-');
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const ind = await t.ok('indicators.create', { departmentId: d.id, name: 'DSO', direction: 'lower', frequency: 'monthly' });
    const file = path.join(dir, 'dso.csv');
    fs.writeFileSync(file, 'date;value\n2025-01-01;45\n2025-02-01;abc\n');

    const preview = await t.ok('imports.measurements.preview', { path: file, indicatorId: ind.id });
    const bad = preview.rows.flatMap((r) => r.errors);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ row: 3, code: 'bad_number', reason: 'Not a number: "abc"', key: 'row.not_a_number', params: { text: 'abc' } });
    expect(formatMessage(bad[0]!.key!, bad[0]!.params, 'fr')).toBe(`Ce n'est pas un nombre${NB}: «${NB}abc${NB}»`);

    const { jobId } = await t.ok('imports.measurements.start', { path: file, indicatorId: ind.id, mapping: { date: 0, value: 1 }, onExisting: 'replace' });
    await jobEntry(t.ws, jobId).done;
    const job = await t.ok('imports.jobs.get', { jobId });
    expect(job.phase).toBe('rejected');
    expect(job.errors[0]).toMatchObject({ row: 3, reason: 'Not a number: "abc"', key: 'row.not_a_number', params: { text: 'abc' } });
    expect(job.message).toBe('1 bad row (1 problem): the file was not imported, nothing was written');
    expect(job.messageKey).toBe('import.job.rejected');
    expect(formatMessage(job.messageKey!, job.messageParams, 'fr')).toBe(
      `1 ligne incorrecte (1 problème)${NB}: le fichier n'a pas été importé, rien n'a été écrit`,
    );

    const noColumn = await failure('imports.measurements.start', { path: file, indicatorId: ind.id, mapping: { date: 0, value: 5 }, onExisting: 'replace' });
    expect(noColumn.field).toBe('mapping.value');
    expectBilingual(noColumn, 'import.file_columns', { count: 2 }, 'The file has 2 columns', 'Le fichier a 2 colonnes');
  });

  it('a BPMN file that is not BPMN is refused in both languages', async () => {
    t = openTestWorkspace();
    const d = await t.ok('departments.create', { name: 'Finance', code: 'FIN' });
    const e = await failure('bpmn.import', { departmentId: d.id, xml: '<html><body/></html>' });
    expect(e.field).toBe('xml');
    expect(e.key).toBe('bpmn.not_bpmn');
    expect(e.message).toBe(
      'This XML is not BPMN 2.0: root element is <html>; a BPMN file starts with <definitions> in namespace http://www.omg.org/spec/BPMN/20100524/MODEL',
    );
    expect(formatMessage(e.key as MessageKey, e.params, 'fr')).toBe(
      `Ce XML n'est pas du BPMN 2.0${NB}: l'élément racine est <html>${NB}; un fichier BPMN commence par <definitions> dans l'espace de noms http://www.omg.org/spec/BPMN/20100524/MODEL`,
    );
  });
});
