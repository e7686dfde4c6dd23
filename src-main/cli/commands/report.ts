import path from 'node:path';
import type { Command } from 'commander';
import { REPORT_FORMATS, type ReportJob } from '../../../src-shared/reports/schemas';
import { BUILTIN_TEMPLATES } from '../../../src-shared/reports/builtin-templates';
import { reportJobDone } from '../../reports/jobs';
import { closePdfEngine } from '../../reports/pdf/engine';
import { CliError, withWorkspace } from '../context';
import { departmentsOf, interventionOf, specOf, templateOf, type ReportOpts } from './report-spec';

// `boucle report`: the management-review pack from the command line, through the same core calls as
// the app (reports.build, reports.jobs.get); `boucle report templates` lists what can be used.

const out = (s: string) => process.stdout.write(`${s}\n`);
const collect = (v: string, prev: string[] = []) => [...prev, v];

function stepLine(j: ReportJob): string {
  const what = j.phase === 'collecting' && j.step?.section ? j.step.section.replace(/_/g, ' ') : j.phase;
  return `report: ${what} (${Math.floor(j.fraction * 100)}%)`;
}

export function registerReport(program: Command) {
  program
    .command('report')
    .description('build a management-review report (PDF, XLSX, PPTX or HTML); "boucle report templates" lists the templates')
    .argument('[what]', '"templates" to list the report templates')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')}`)
    .option('--out <file>', 'the file to write')
    .option('--template <name>', `a ready template (${BUILTIN_TEMPLATES.map((t) => t.key).join(', ')}) or a saved one by name`)
    .option('--department <nameOrCode>', 'a department in scope (repeat for several; none: the template’s scope)', collect)
    .option('--from <date>', 'first day of the period (YYYY-MM-DD), with --to')
    .option('--to <date>', 'last day of the period (YYYY-MM-DD), with --from')
    .option('--period <period>', 'last-quarter, ytd or last-12-months')
    .option('--lang <lang>', 'language of the report: en or fr')
    .option('--intervention <titleOrId>', 'the intervention of a case study')
    .option('--paper <size>', 'a4 or letter')
    .option('--title <title>', 'the report title')
    .option('--company <name>', 'the company name on the cover')
    .option('--confidentiality <line>', 'the confidentiality line in every footer')
    .option('--force', 'replace the file if it exists')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (what: string | undefined, o: ReportOpts) => {
      if (what !== undefined && what !== 'templates') throw new CliError(`unknown report command "${what}" (use: boucle report templates)`);
      if (what === 'templates') return listTemplates(o);
      if (!o.format || !(REPORT_FORMATS as readonly string[]).includes(o.format)) throw new CliError(`--format must be ${REPORT_FORMATS.join(', ')}`);
      if (!o.out) throw new CliError('--out FILE is required: where to write the report');
      await withWorkspace(o.data, async ({ ws, core, call }) => {
        const all = (await call('departments.list', { limit: 1000 })).items;
        const deps = departmentsOf(all, o.department);
        const saved = (await call('reportTemplates.list', { limit: 1000 })).items;
        const choice = templateOf(o.template, saved, deps);
        const focus = o.intervention ? interventionOf((await call('interventions.list', { limit: 1000 })).items, o.intervention) : null;
        const spec = specOf(o, choice, deps, all, focus);
        const started = await core.call('reports.build', { spec, format: o.format, out: o.out, force: o.force === true });
        if (!started.ok) throw new CliError(started.error.message);
        const { jobId } = started.data;
        const tty = process.stderr.isTTY === true;
        let last = '';
        const show = async () => {
          const j = await call('reports.jobs.get', { jobId });
          const line = stepLine(j);
          if (tty) process.stderr.write(`\r${line}\u001b[K`);
          else if (line.split(' (')[0] !== last) process.stderr.write(`${line}\n`);
          last = line.split(' (')[0]!;
        };
        const timer = setInterval(() => void show(), tty ? 200 : 1000);
        try {
          await reportJobDone(ws, jobId);
        } finally {
          clearInterval(timer);
          await closePdfEngine();
        }
        const job = await call('reports.jobs.get', { jobId });
        if (tty) process.stderr.write('\r\u001b[K');
        if (job.phase !== 'done' || !job.result) throw new CliError(job.error?.message ?? `the report was not written (${job.phase})`);
        out(`Wrote ${path.relative(process.cwd(), job.result.path) || job.result.path} (${String(o.format).toUpperCase()}, ${(job.result.bytes / 1024).toFixed(0)} kB): ${spec.title}`);
      });
    });
}

async function listTemplates(o: ReportOpts) {
  const lang = o.lang === 'fr' ? 'fr' : 'en';
  out('Ready templates (--template KEY):');
  for (const t of BUILTIN_TEMPLATES) {
    out(`  ${t.key.padEnd(28)} ${t.name[lang]}${t.needsIntervention ? ' (needs --intervention)' : ''}`);
    out(`  ${''.padEnd(28)} ${t.sections.map((s) => s.kind.replace(/_/g, ' ')).join(', ')}`);
  }
  await withWorkspace(o.data, async ({ call }) => {
    const saved = (await call('reportTemplates.list', { limit: 1000 })).items;
    const deps = new Map((await call('departments.list', { limit: 1000 })).items.map((d) => [d.id, d.code]));
    out(saved.length ? 'Saved templates (--template "NAME"):' : 'No saved template yet (save one from the Reports page of the app).');
    for (const t of saved) out(`  ${`"${t.name}"`.padEnd(28)} ${deps.get(t.departmentId) ?? ''} · ${t.language} · ${t.sections.length} sections`);
  });
}
