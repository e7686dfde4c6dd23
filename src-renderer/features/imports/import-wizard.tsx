import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Progress, Radio, ScrollArea, Select, SimpleGrid, Stack, Stepper, Table, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@shared/api';
import type { IndicatorAggregation } from '@shared/domain';
import type { ImportDateFormat, ImportJob, ImportOptions, ImportPreview, OnExisting } from '@shared/imports/schemas';
import { formatDate, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import { fileSourceOf, type FileSource } from '../../api/client';
import { ImportOutcome, errorText } from './import-outcome';
import { RollUpChoice } from './roll-up-choice';
import { ACCEPT, SEPARATOR_LABEL, type Mapping } from './file-kinds';

// The measurement import: file → preview and mapping → progress → result. Everything
// the file holds is read and judged by the core (detection, parsing, the all-or-nothing rule); this
// shows what it found and sends back the user's choices.

export interface ImportWizardProps {
  opened: boolean;
  onClose(): void;
  /** Indicator names in the file are matched within this department when set. */
  departmentId: string | null;
  /** Indicators the user can pick as the target of a single-indicator file. */
  indicators: Indicator[];
  /** Opened from an indicator page: the target to start with. */
  indicatorId?: string;
  /** A file dropped on the window: read at once, as if chosen in the first step. */
  initialFile?: File | null;
}

const POLL_MS = 250;

export function ImportWizard({ opened, onClose, departmentId, indicators, indicatorId, initialFile = null }: ImportWizardProps) {
  const { t, i18n } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [source, setSource] = useState<FileSource | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [options, setOptions] = useState<ImportOptions>({});
  const [mapping, setMapping] = useState<Mapping>({ date: null, value: null, note: null, indicator: null });
  const [target, setTarget] = useState<string | null>(indicatorId ?? null);
  const [dateFormat, setDateFormat] = useState<ImportDateFormat | null>(null);
  const [onExisting, setOnExisting] = useState<OnExisting>('replace');
  const [rollUp, setRollUp] = useState<IndicatorAggregation | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const touched = useRef(false);
  // An upload no import took (the wizard closed, another file chosen) is removed from the web shell at once.
  const unused = useRef<string | null>(null);
  const discardUnused = () => {
    const ref = unused.current;
    unused.current = null;
    if (ref) void api.call('imports.uploads.discard', { fileRef: ref }).catch(() => undefined);
  };

  // A fresh wizard each time it opens.
  useEffect(() => {
    if (!opened) {
      discardUnused();
      return;
    }
    setStep(0); setBusy(false); setFileError(null); setSource(null); setPreview(null); setOptions({});
    setMapping({ date: null, value: null, note: null, indicator: null }); setTarget(indicatorId ?? null); setDateFormat(null);
    setOnExisting('replace'); setRollUp(null); setJob(null); setStartError(null); touched.current = false;
  }, [opened, indicatorId]);

  const baseOptions = (o: ImportOptions): ImportOptions => ({ ...o, ...(departmentId ? { departmentId } : {}) });

  // A file dropped on the window: read as soon as the wizard is open (after the reset above).
  const startedWith = useRef<File | null>(null);
  useEffect(() => {
    if (!opened) {
      startedWith.current = null;
      return;
    }
    if (initialFile && startedWith.current !== initialFile) {
      startedWith.current = initialFile;
      void chooseFile(initialFile);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, initialFile]);

    const runPreview = async (src: FileSource, o: ImportOptions, m: Mapping | null, ind: string | null, df: ImportDateFormat | null, ru: IndicatorAggregation | null = null) => {
    const mapped = m && m.date !== null && m.value !== null ? { date: m.date, value: m.value, note: m.note, indicator: m.indicator } : undefined;
    return api.call('imports.measurements.preview', {
      ...src,
      options: baseOptions(o),
      ...(mapped ? { mapping: mapped } : {}),
      ...(ind && (m?.indicator ?? null) === null ? { indicatorId: ind } : {}),
      ...(df ? { dateFormat: df } : {}),
      ...(ru ? { rollUp: ru } : {}),
      sampleRows: 12,
    });
  };

  const chooseFile = async (file: File) => {
    setBusy(true);
    setFileError(null);
    try {
      discardUnused();
      const src = await fileSourceOf(file);
      if ('fileRef' in src) unused.current = src.fileRef;
      const p = await runPreview(src, {}, null, target, null);
      setSource(src);
      setPreview(p);
      setMapping({ ...p.mapping });
      setDateFormat(p.dateFormat.ambiguous || p.dateFormat.conflict ? null : p.dateFormat.detected);
      touched.current = false;
      setStep(1);
    } catch (e) {
      setFileError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  // Re-parse the sample when the user changes a guess, so what they see is what will be imported.
  useEffect(() => {
    if (!source || step !== 1 || !touched.current) return;
    let alive = true;
    const timer = setTimeout(() => {
      runPreview(source, options, mapping, target, dateFormat, rollUp).then(
        (p) => alive && setPreview(p),
        (e: unknown) => alive && showApiError(e),
      );
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, options, mapping, target, dateFormat, rollUp, step]);

  const change = <T,>(set: (v: T) => void) => (v: T) => {
    touched.current = true;
    set(v);
  };

  const start = async () => {
    if (!source || mapping.date === null || mapping.value === null) return;
    setStartError(null);
    setBusy(true);
    try {
      const { jobId } = await api.call('imports.measurements.start', {
        ...source,
        options: baseOptions(options),
        mapping: { date: mapping.date, value: mapping.value, note: mapping.note, indicator: mapping.indicator },
        ...(mapping.indicator === null && target ? { indicatorId: target } : {}),
        ...(dateFormat ? { dateFormat } : {}),
        onExisting,
        ...(rollUp ? { rollUp } : {}),
      });
      // The import owns the upload now: the web shell removes it when the import ends, whatever the outcome.
      unused.current = null;
      const first = await api.call('imports.jobs.get', { jobId });
      setJob(first);
      // A small file may be done before the first look.
      const finished = first.phase !== 'validating' && first.phase !== 'writing';
      setStep(finished ? 3 : 2);
      if (first.phase === 'done') bumpRevision();
    } catch (e) {
      setStartError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  // Follow the job until it finishes.
  const jobId = job?.id;
  const running = job?.phase === 'validating' || job?.phase === 'writing';
  useEffect(() => {
    if (!jobId || !running) return;
    let alive = true;
    const timer = setTimeout(() => {
      api.call('imports.jobs.get', { jobId }).then(
        (j) => {
          if (!alive) return;
          setJob(j);
          if (j.phase !== 'validating' && j.phase !== 'writing') {
            setStep(3);
            if (j.phase === 'done') bumpRevision();
          }
        },
        (e: unknown) => alive && showApiError(e),
      );
    }, POLL_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [jobId, running, job, bumpRevision]);

  const cancel = async () => {
    if (!jobId) return;
    try {
      setJob(await api.call('imports.jobs.cancel', { jobId }));
      setStep(3);
    } catch (e) {
      showApiError(e);
    }
  };

  const p = preview;
  const columnOptions = (p?.columns ?? []).map((c) => ({ value: String(c.index), label: c.name }));
  const colValue = (n: number | null) => (n === null ? null : String(n));
  const colSet = (key: keyof Mapping) => change((v: string | null) => setMapping((m) => ({ ...m, [key]: v === null ? null : Number(v) })));
  const needsDateChoice = !!p && (p.dateFormat.ambiguous || p.dateFormat.conflict) && !dateFormat;
  const needsTarget = mapping.indicator === null && !target;
  const canStart = !!p && mapping.date !== null && mapping.value !== null && !needsDateChoice && !needsTarget;

  return (
    <Modal opened={opened} onClose={running ? () => undefined : onClose} closeOnEscape={!running} title={t('import.title')} size={1100}
      data-testid="import-wizard">
      <Stepper active={step} size="sm" mb="md" allowNextStepsSelect={false}>
        <Stepper.Step label={t('import.steps.file')} />
        <Stepper.Step label={t('import.steps.mapping')} />
        <Stepper.Step label={t('import.steps.progress')} />
        <Stepper.Step label={t('import.steps.result')} />
      </Stepper>

      {step === 0 && (
        <Stack gap="sm">
          <Dropzone onDrop={(files) => files[0] && void chooseFile(files[0])} onReject={() => setFileError(t('import.wrongType'))}
            accept={ACCEPT} multiple={false} loading={busy} inputProps={{ 'data-testid': 'import-file-input' } as never}
            data-testid="import-dropzone">
            <Group justify="center" gap="lg" mih={160} style={{ pointerEvents: 'none' }}>
              <Dropzone.Accept><IconUpload size={48} stroke={1.4} /></Dropzone.Accept>
              <Dropzone.Reject><IconX size={48} stroke={1.4} /></Dropzone.Reject>
              <Dropzone.Idle><IconFileSpreadsheet size={48} stroke={1.4} color="var(--mantine-color-indigo-5)" /></Dropzone.Idle>
              <div>
                <Text size="lg" fw={600}>{t('import.dropTitle')}</Text>
                <Text size="sm" c="dimmed" mt={4}>{t('import.dropHelp')}</Text>
              </div>
            </Group>
          </Dropzone>
          {fileError && <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="import-file-error">{fileError}</Alert>}
        </Stack>
      )}

      {step === 1 && p && (
        <Stack gap="md" data-testid="import-mapping">
          <Group gap="xs" data-testid="import-detected">
            <Text size="sm" fw={600}>{p.fileName}</Text>
            <Badge tt="none" variant="light">{p.format.toUpperCase()}</Badge>
            {p.encoding && <Badge tt="none" variant="light" color="gray">{p.encoding}{p.bom ? ' BOM' : ''}</Badge>}
            <Text size="sm" c="dimmed">{t('import.estimatedRows', { n: formatNumber(p.estimatedRows, lang, 0) })}</Text>
          </Group>

          <SimpleGrid cols={{ base: 2, md: 5 }}>
            {p.format === 'csv' ? (
              <Select label={t('import.separator')} allowDeselect={false} data-testid="import-separator"
                value={options.separator ?? p.separator ?? null}
                data={[';', ',', '\t'].map((s) => ({ value: s, label: SEPARATOR_LABEL[s]! }))}
                onChange={change((v: string | null) => setOptions((o) => ({ ...o, separator: (v ?? undefined) as ImportOptions['separator'] })))} />
            ) : (
              <Select label={t('import.sheet')} allowDeselect={false} value={options.sheet ?? p.sheet} data={p.sheets}
                onChange={change((v: string | null) => setOptions((o) => ({ ...o, sheet: v ?? undefined })))} />
            )}
            {p.format === 'csv' && (
              <Select label={t('import.encoding')} allowDeselect={false} value={options.encoding ?? p.encoding ?? null}
                data={['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']}
                onChange={change((v: string | null) => setOptions((o) => ({ ...o, encoding: (v ?? undefined) as ImportOptions['encoding'] })))} />
            )}
            <Select label={t('import.decimal')} allowDeselect={false} data-testid="import-decimal" value={options.decimal ?? p.decimal}
              description={p.decimalAmbiguous ? t('import.decimalAmbiguous') : p.thousands.length ? t('import.thousands', { list: p.thousands.map((s) => (s.trim() ? s : '␣')).join(' ') }) : undefined}
              data={[{ value: ',', label: t('import.decimalComma') }, { value: '.', label: t('import.decimalPoint') }]}
              onChange={change((v: string | null) => setOptions((o) => ({ ...o, decimal: (v ?? undefined) as ImportOptions['decimal'] })))} />
            <Select label={t('import.header')} allowDeselect={false} value={String(options.headerRow === undefined ? (p.headerRow ?? 0) : (options.headerRow ?? 0))}
              data={[{ value: '0', label: t('import.noHeader') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('import.headerRow', { n }) }))]}
              onChange={change((v: string | null) => setOptions((o) => ({ ...o, headerRow: v === '0' ? null : Number(v) })))} />
            <Select label={t('import.dateFormat')} data-testid="import-date-format-select" placeholder={t('import.chooseDateFormat')}
              value={dateFormat} error={needsDateChoice ? t('import.dateAmbiguousShort') : undefined}
              description={p.dateFormat.excelDates ? t('import.excelDates') : undefined}
              data={(['iso', 'dd/mm/yyyy', 'mm/dd/yyyy'] as const).map((f) => ({ value: f, label: t(`import.formatsShort.${f === 'iso' ? 'iso' : f === 'dd/mm/yyyy' ? 'dmy' : 'mdy'}`) }))}
              onChange={change((v: string | null) => setDateFormat(v as ImportDateFormat | null))} />
          </SimpleGrid>

          {(p.dateFormat.ambiguous || p.dateFormat.conflict) && (
            <Alert color={dateFormat ? 'gray' : 'orange'} icon={<IconAlertTriangle size={18} />} data-testid="import-date-ambiguous"
              title={p.dateFormat.conflict ? t('import.dateConflict') : t('import.dateAmbiguous')}>
              <Radio.Group value={dateFormat ?? ''} onChange={change((v: string) => setDateFormat(v as ImportDateFormat))}>
                <Group mt="xs">
                  <Radio value="dd/mm/yyyy" label={t('import.formats.dmy')} data-testid="import-date-dmy" />
                  <Radio value="mm/dd/yyyy" label={t('import.formats.mdy')} data-testid="import-date-mdy" />
                </Group>
              </Radio.Group>
            </Alert>
          )}

          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Select label={t('import.map.date')} withAsterisk data={columnOptions} value={colValue(mapping.date)} onChange={colSet('date')}
              data-testid="import-map-date" />
            <Select label={t('import.map.value')} withAsterisk data={columnOptions} value={colValue(mapping.value)} onChange={colSet('value')}
              data-testid="import-map-value" />
            <Select label={t('import.map.note')} clearable placeholder={t('import.map.none')} data={columnOptions} value={colValue(mapping.note)}
              onChange={colSet('note')} data-testid="import-map-note" />
            <Select label={t('import.map.indicator')} clearable placeholder={t('import.map.oneIndicator')} data={columnOptions}
              value={colValue(mapping.indicator)} onChange={colSet('indicator')} data-testid="import-map-indicator" />
          </SimpleGrid>
          {mapping.indicator === null && (
            <Select label={t('import.target')} withAsterisk searchable data-testid="import-target" value={target}
              error={needsTarget ? t('import.chooseTarget') : undefined}
              data={indicators.map((i) => ({ value: i.id, label: i.unit ? `${i.name} (${i.unit})` : i.name }))}
              onChange={change((v: string | null) => setTarget(v))} />
          )}

          <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <div>
            <Text size="sm" fw={600} mb={4}>{t('import.rawTitle')}</Text>
            <ScrollArea.Autosize mah={240} type="auto">
              <Table withTableBorder withColumnBorders fz="xs" data-testid="import-raw">
                <Table.Thead>
                  <Table.Tr>{p.columns.map((c) => <Table.Th key={c.index}>{c.name}{c.guess && <Badge ml={6} size="xs" tt="none" variant="light">{t(`import.map.${c.guess}`)}</Badge>}</Table.Th>)}</Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.raw.slice(p.headerRow ?? 0, (p.headerRow ?? 0) + 12).map((r, i) => (
                    <Table.Tr key={i}>{p.columns.map((c) => <Table.Td key={c.index} ff="monospace">{r[c.index] ?? ''}</Table.Td>)}</Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </div>

          <div>
            <Text size="sm" fw={600} mb={4}>{t('import.parsedTitle')}</Text>
            <ScrollArea.Autosize mah={240} type="auto">
              <Table withTableBorder fz="xs" data-testid="import-parsed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th ta="right">{t('import.row')}</Table.Th>
                    <Table.Th>{t('import.period')}</Table.Th>
                    <Table.Th ta="right">{t('import.map.value')}</Table.Th>
                    <Table.Th>{t('import.map.indicator')}</Table.Th>
                    <Table.Th>{t('import.map.note')}</Table.Th>
                    <Table.Th>{t('import.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.rows.map((r) => (
                    <Table.Tr key={r.row} bg={r.errors.length ? 'var(--mantine-color-red-0)' : undefined}>
                      <Table.Td ta="right">{r.row}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.period ?? r.date, lang)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatNumber(r.value, lang, 6)}</Table.Td>
                      <Table.Td>{r.indicator ?? '—'}</Table.Td>
                      <Table.Td>{r.note ?? ''}</Table.Td>
                      <Table.Td><Text size="xs" c="red">{r.errors.map((e) => errorText(e, lang)).join(' · ')}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </div>
          </SimpleGrid>

          {p.rollUp && <RollUpChoice preview={p.rollUp} value={rollUp} onChange={change(setRollUp)} />}

          <Radio.Group label={t('import.existing')} value={onExisting} onChange={(v) => setOnExisting(v as OnExisting)}>
            <Group mt={4}>
              <Radio value="replace" label={t('import.replace')} data-testid="import-replace" />
              <Radio value="keep" label={t('import.keep')} data-testid="import-keep" />
            </Group>
          </Radio.Group>
          {startError && <Alert color="red" data-testid="import-start-error">{startError}</Alert>}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(0)}>{tc('actions.back')}</Button>
            <Button onClick={() => void start()} disabled={!canStart} loading={busy} data-testid="import-start">{t('import.start')}</Button>
          </Group>
        </Stack>
      )}

      {step === 2 && job && (
        <Stack gap="md" data-testid="import-progress">
          <Text>{t(`import.phase.${job.phase}`)} — {job.fileName}</Text>
          <Progress value={Math.round(job.fraction * 100)} size="lg" striped animated aria-label={t('import.steps.progress')} />
          <Text size="sm" c="dimmed">
            {t('import.progressRows', { read: formatNumber(job.rowsRead, lang, 0), written: formatNumber(job.rowsWritten, lang, 0) })}
          </Text>
          <Group justify="flex-end">
            <Button color="red" variant="light" onClick={() => void cancel()} data-testid="import-cancel">{tc('actions.cancel')}</Button>
          </Group>
        </Stack>
      )}

      {step === 3 && job && <ImportOutcome job={job} onClose={onClose} onAgain={() => (source && 'fileRef' in source ? (setSource(null), setStep(0)) : setStep(1))} />}
      {busy && step === 0 && <Group justify="center" mt="sm"><Loader size="sm" /></Group>}
    </Modal>
  );
}
