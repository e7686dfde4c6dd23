import type { Command } from 'commander';
import type { Lang, TemplateApplySummary } from '../../../src-shared/processes/templates';
import { listTemplates } from '../../services/processes/templates';
import { CliError, withWorkspace } from '../context';

const out = (s: string) => process.stdout.write(`${s}\n`);

function langOf(value: string | undefined): Lang {
  const lang = (value ?? 'en').toLowerCase();
  if (lang !== 'en' && lang !== 'fr') throw new CliError(`--lang: use en or fr, not ${value}`);
  return lang;
}

const line = (what: string, c: { created: number; skipped: number }) =>
  `  ${what.padEnd(14)} ${String(c.created).padStart(3)} created${c.skipped ? `, ${c.skipped} already there` : ''}`;

export function registerTemplate(program: Command) {
  const template = program
    .command('template')
    .description('department templates: standard processes with typical gaps, interventions and indicators');

  template
    .command('list')
    .description('list the department templates and their processes')
    .option('--lang <lang>', 'language of the names: en or fr', 'en')
    .action((opts: { lang?: string }) => {
      const lang = langOf(opts.lang);
      for (const pack of listTemplates()) {
        const c = pack.counts;
        out(`${pack.key} — ${pack.name[lang]} (department code ${pack.department.code})`);
        out(`  ${c.processes} processes, ${c.steps} steps, ${c.gaps} typical gaps, ${c.interventions} interventions, ${c.indicators} indicators`);
        for (const p of pack.processes) {
          out(`  · ${p.name[lang]}${p.referenceId ? ` [${p.referenceId}]` : ''}: ${p.counts.steps} steps, ${p.counts.lanes} lanes`);
        }
      }
    });

  template
    .command('apply')
    .description('add a template to a department (again: adds only what is missing)')
    .argument('<name>', 'template key (finance, hr, supply-chain), or its department code')
    .option('--department <codeOrName>', 'department code or name (created when missing); default: the template\'s own department')
    .option('--lang <lang>', 'language of the stored names: en or fr', 'en')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (name: string, opts: { department?: string; lang?: string; data?: string }) => {
      const lang = langOf(opts.lang);
      await withWorkspace(opts.data, async ({ call }) => {
        const r: TemplateApplySummary = await call('templates.apply', {
          template: name,
          lang,
          ...(opts.department ? { departmentName: opts.department } : {}),
        });
        const dep = await call('departments.get', { id: r.departmentId });
        out(`Applied template ${r.template} (${r.lang}) to ${dep.name} (${dep.code})${r.departmentCreated ? ', a new department' : ''}:`);
        out(line('processes', r.processes));
        out(line('steps', r.steps));
        out(line('flows', r.flows));
        out(line('gaps', r.gaps));
        out(line('interventions', r.interventions));
        out(line('indicators', r.indicators));
        out(line('links', r.links));
      }, { program: 'boucle template apply' });
    });
}
