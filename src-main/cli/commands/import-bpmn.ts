import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BoucleError } from '../../../src-shared/errors';
import { prepareBpmnImport } from '../../services/processes/bpmn-import';
import { CliError, withWorkspace } from '../context';

const out = (s: string) => process.stdout.write(`${s}\n`);

export function registerImportBpmn(program: Command) {
  program
    .command('import-bpmn')
    .description('import the processes of a BPMN 2.0 file (again: updates what the first import created)')
    .argument('<file>', 'a .bpmn or .xml file exported by a modelling tool')
    .requiredOption('--department <codeOrName>', 'department code or name (created when missing)')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (file: string, opts: { department: string; data?: string }) => {
      let xml: string;
      try {
        xml = fs.readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      // Refuse a bad file before the workspace is even opened: it must not create or touch anything.
      try {
        await prepareBpmnImport(xml, path.basename(file));
      } catch (e) {
        if (e instanceof BoucleError) throw new CliError(`${file}: ${e.message}`);
        throw e;
      }
      await withWorkspace(opts.data, async ({ call }) => {
        const r = await call('bpmn.import', { xml, fileName: path.basename(file), departmentName: opts.department });
        const dep = await call('departments.get', { id: r.departmentId });
        out(`Imported ${path.basename(file)} into ${dep.name} (${dep.code})${r.departmentCreated ? ', a new department' : ''}:`);
        for (const p of r.processes) {
          const changes =
            p.status === 'created'
              ? 'new'
              : `updated: ${p.stepsCreated} new, ${p.stepsUpdated} changed, ${p.stepsRemoved} removed steps`;
          out(`  ${p.name}: ${p.steps} steps, ${p.lanes} lanes, ${p.flows} flows (${changes})`);
        }
        out(`  ${r.created} processes created, ${r.updated} updated; ${r.steps} steps, ${r.lanes} lanes, ${r.flows} flows`);
        for (const w of r.warnings) process.stderr.write(`boucle: warning: ${w}\n`);
      }, { program: 'boucle import-bpmn' });
    });
}
