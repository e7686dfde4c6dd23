import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { BoucleError } from '../../../src-shared/errors';
import { INDICATOR_AGGREGATIONS, type IndicatorAggregation } from '../../../src-shared/domain';
import { IMPORT_DATE_FORMATS, ON_EXISTING, type ImportBadRow, type ImportJob, type ImportOptions } from '../../../src-shared/imports/schemas';
import { findIndicator } from '../../services/imports/indicator-match';
import { jobEntry } from '../../services/imports/jobs';
import { CliError, withWorkspace } from '../context';

// `boucle import measurements FILE`: the same preview and import as the app (API calls), with the
// progress on stderr, the summary on stdout, and on refusal every bad row on stderr and exit code 1.

interface Opts {
  indicator?: string;
  dateFormat?: string;
  onExisting: string;
  rollUp?: string;
  sheet?: string;
  encoding?: string;
  separator?: string;
  decimal?: string;
  department?: string;
  data?: string;
}

const n = (x: number) => x.toLocaleString('en-US');

export function formatBadRow(e: ImportBadRow): string {
  const where = e.column ? `row ${e.row}, ${e.column}` : `row ${e.row}`;
  return `  ${where}: ${e.reason}`;
}

function progressLine(j: ImportJob): string {
  const pct = Math.floor(j.fraction * 100);
  const what = j.phase === 'writing' ? `writing ${n(j.rowsWritten)} of ${n(j.rowsTotal ?? 0)} rows` : `checking ${n(j.rowsRead)} rows`;
  return `${j.fileName}: ${what} (${pct}%)`;
}

export function registerImportMeasurements(program: Command) {
  const parent = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data from files');
  parent
    .command('measurements')
    .description('import measurements from a CSV or XLSX file, all or nothing (bad rows are listed, nothing is written)')
    .argument('<file>', 'a .csv, .tsv, .txt or .xlsx file')
    .option('--indicator <nameOrId>', 'the indicator of a single-indicator file (else a column names each row’s indicator)')
    .option('--date-format <format>', `how to read dates like 03/04/2025: ${IMPORT_DATE_FORMATS.join(', ')}`)
    .option('--on-existing <what>', `a value already stored for the same period: ${ON_EXISTING.join(' or ')}`, 'keep')
    .option('--roll-up <how>', `several rows in one period of the indicator make one value: ${INDICATOR_AGGREGATIONS.join(', ')}`)
    .option('--sheet <name>', 'XLSX: the worksheet to read (default: the first)')
    .option('--encoding <name>', 'CSV: utf-8, windows-1252, utf-16le or utf-16be (default: detected)')
    .option('--separator <char>', 'CSV: ";", "," or "tab" (default: detected)')
    .option('--decimal <mark>', 'decimal mark, "," or "." (default: detected)')
    .option('--department <codeOrName>', 'match indicator names within this department only')
    .option('--data <dir>', 'data folder of the workspace')
    .action(async (file: string, opts: Opts) => {
      const full = path.resolve(file);
      if (!fs.existsSync(full)) throw new CliError(`cannot read ${file}: no such file`);
      if (opts.dateFormat && !(IMPORT_DATE_FORMATS as readonly string[]).includes(opts.dateFormat)) {
        throw new CliError(`--date-format must be one of ${IMPORT_DATE_FORMATS.join(', ')}`);
      }
      if (!(ON_EXISTING as readonly string[]).includes(opts.onExisting)) throw new CliError('--on-existing must be replace or keep');
      if (opts.rollUp !== undefined && !(INDICATOR_AGGREGATIONS as readonly string[]).includes(opts.rollUp)) {
        throw new CliError(`--roll-up must be one of ${INDICATOR_AGGREGATIONS.join(', ')}`);
      }
      const separator = opts.separator === 'tab' ? '\t' : opts.separator;

      await withWorkspace(opts.data, async ({ ws, call }) => {
        let departmentId: string | undefined;
        if (opts.department) {
          const key = opts.department.toLowerCase();
          const deps = await call('departments.list', { search: opts.department, limit: 1000 });
          const dep = deps.items.find((d) => d.code.toLowerCase() === key || d.name.toLowerCase() === key);
          if (!dep) throw new CliError(`no department has the code or name "${opts.department}"`);
          departmentId = dep.id;
        }
        const options: ImportOptions = {
          ...(opts.encoding ? { encoding: opts.encoding as ImportOptions['encoding'] } : {}),
          ...(separator ? { separator: separator as ImportOptions['separator'] } : {}),
          ...(opts.decimal ? { decimal: opts.decimal as ImportOptions['decimal'] } : {}),
          ...(opts.sheet ? { sheet: opts.sheet } : {}),
          ...(departmentId ? { departmentId } : {}),
        };
        let indicatorId: string | undefined;
        if (opts.indicator) {
          try {
            indicatorId = findIndicator(ws, opts.indicator, departmentId).id;
          } catch (e) {
            if (e instanceof BoucleError) throw new CliError(`--indicator: ${e.message}`);
            throw e;
          }
        }
        const preview = await call('imports.measurements.preview', { path: full, options, ...(indicatorId ? { indicatorId } : {}) });
        const m = preview.mapping;
        // A workbook whose first sheet is a cover page: say which sheet was read and which others there are.
        const others = preview.sheets.filter((n) => n !== preview.sheet);
        const where = !opts.sheet && preview.sheet && others.length ? ` in its sheet "${preview.sheet}" (it also has ${others.map((n) => `"${n}"`).join(', ')}: choose with --sheet NAME)` : '';
        if (m.date === null) throw new CliError(`${file}: no column of dates was found${where}`);
        if (m.value === null) throw new CliError(`${file}: no column of numbers was found${where}`);
        if (!indicatorId && m.indicator === null) {
          throw new CliError(`${file} has no column naming the indicator: give it with --indicator NAME_OR_ID`);
        }
        const dateFormat = opts.dateFormat ?? preview.dateFormat.detected ?? undefined;
        if (!dateFormat) {
          const example = preview.rows.find((r) => r.errors.some((e) => e.code === 'needs_date_format'))?.errors[0]?.value ?? '03/04/2025';
          throw new CliError(
            preview.dateFormat.conflict
              ? `${file}: the dates mix day-first and month-first forms; choose with --date-format dd/mm/yyyy or mm/dd/yyyy`
              : `${file}: dates like ${example} can be day-first or month-first; choose with --date-format dd/mm/yyyy or mm/dd/yyyy`,
          );
        }
        const { jobId } = await call('imports.measurements.start', {
          path: full,
          options,
          mapping: { date: m.date, value: m.value, note: m.note, indicator: indicatorId ? null : m.indicator },
          ...(indicatorId ? { indicatorId } : {}),
          dateFormat,
          onExisting: opts.onExisting,
          ...(opts.rollUp ? { rollUp: opts.rollUp as IndicatorAggregation } : {}),
        });

        // Progress: redrawn in place on a terminal, one line per phase otherwise (logs, tests).
        const tty = process.stderr.isTTY === true;
        let lastPhase = '';
        const show = async () => {
          const j = await call('imports.jobs.get', { jobId });
          if (tty) process.stderr.write(`\r${progressLine(j)}\u001b[K`);
          else if (j.phase !== lastPhase && (j.phase === 'validating' || j.phase === 'writing')) process.stderr.write(`${progressLine(j)}\n`);
          lastPhase = j.phase;
        };
        await show();
        const timer = setInterval(() => void show(), tty ? 200 : 1000);
        try {
          await jobEntry(ws, jobId).done;
        } finally {
          clearInterval(timer);
        }
        const job = await call('imports.jobs.get', { jobId });
        if (tty) process.stderr.write(`\r${progressLine(job)}\u001b[K\n`);

        if (job.phase === 'rejected') {
          process.stderr.write(`${file}: ${job.message}\n`);
          for (const e of job.errors) process.stderr.write(`${formatBadRow(e)}\n`);
          if (job.errorCount > job.errors.length) process.stderr.write(`  … and ${n(job.errorCount - job.errors.length)} more problems\n`);
          throw new CliError(`${file} was not imported`);
        }
        if (job.phase !== 'done' || !job.result) throw new CliError(`${file}: ${job.message ?? job.phase}`);
        const r = job.result;
        const out = (s: string) => process.stdout.write(`${s}\n`);
        out(`Imported ${path.basename(file)} into ${ws.databaseFile}:`);
        out(
          `  ${n(r.rows)} rows: ${n(r.inserted)} new, ${n(r.replaced)} replaced, ${n(r.kept)} kept as they were, ${n(r.unchanged)} unchanged` +
            (r.skippedEmpty ? `; ${n(r.skippedEmpty)} empty values skipped` : ''),
        );
        if (r.rolledUp) out(`  rolled up (${r.rolledUp.aggregation}) into ${n(r.rolledUp.periods)} ${r.rolledUp.periods === 1 ? 'period' : 'periods'}`);
        for (const i of r.indicators) out(`  ${i.name}: ${n(i.rows)} values, ${i.from} … ${i.to}`);
      }, { program: 'boucle import measurements' });
    });
}
