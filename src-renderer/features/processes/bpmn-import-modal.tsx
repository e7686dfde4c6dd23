import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Autocomplete, Badge, Button, Group, List, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconAlertTriangle, IconCheck, IconFileUpload, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BpmnImportSummary, BpmnJob } from '@shared/processes/bpmn';
import { formatNumber } from '@shared/format';
import { ApiCallError, api, fileSourceOf } from '../../api/client';
import { useApp } from '../../stores';

const ACCEPT = {
  'application/xml': ['.bpmn', '.xml'],
  'text/xml': ['.bpmn', '.xml'],
  'application/octet-stream': ['.bpmn'],
  'application/bpmn+xml': ['.bpmn'],
};

interface Props {
  opened: boolean;
  onClose(): void;
  /** A BPMN file dropped on the window: already chosen when the dialog opens. */
  initialFile?: File | null;
}

/**
 * Import a BPMN 2.0 file: pick or drop it, say which department it goes to (an existing one, or a new
 * name the core creates), read it here and hand the text to the core, which writes all or nothing.
 */
export function BpmnImportModal({ opened, onClose, initialFile = null }: Props) {
  const { t, i18n } = useTranslation('processes', { keyPrefix: 'map' });
  const { t: tc } = useTranslation();
  const departments = useApp((s) => s.departments);
  const departmentId = useApp((s) => s.departmentId);
  const navigate = useApp((s) => s.navigate);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [file, setFile] = useState<File | null>(null);
  const [department, setDepartment] = useState('');
  const [deptError, setDeptError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<BpmnImportSummary | null>(null);
  const [job, setJob] = useState<BpmnJob | null>(null);
  const openRef = useRef<() => void>(null);

  useEffect(() => {
    if (!opened) return;
    setFile(initialFile);
    setError(null);
    setDeptError(null);
    setSummary(null);
    setDepartment(departments.find((d) => d.id === departmentId)?.name ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const match = departments.find((d) => d.name.toLowerCase() === department.trim().toLowerCase() || d.code.toLowerCase() === department.trim().toLowerCase());
  const locale = i18n.language;

  const submit = async () => {
    setError(null);
    setDeptError(null);
    if (!file) {
      setError(t('import.noFile'));
      return;
    }
    if (!department.trim()) {
      setDeptError(t('import.chooseDepartment'));
      return;
    }
    setBusy(true);
    setJob(null);
    try {
      // The file goes as it lies (desktop) or as an upload (browser), never in the call itself: a large
      // model is read, checked and written off the thread that answers calls, with its progress here.
      const source = await fileSourceOf(file);
      let j = await api.call('bpmn.importStart', {
        ...source,
        fileName: file.name,
        ...(match ? { departmentId: match.id } : { departmentName: department.trim() }),
      });
      while (j.phase !== 'done' && j.phase !== 'failed') {
        setJob(j);
        await new Promise((r) => setTimeout(r, 250));
        j = await api.call('bpmn.jobs.get', { jobId: j.id });
      }
      if (j.phase === 'failed' && j.error) throw new ApiCallError(j.error as ConstructorParameters<typeof ApiCallError>[0]);
      setSummary(j.result);
      bumpRevision();
    } catch (e) {
      if (e instanceof ApiCallError && (e.field === 'departmentName' || e.field === 'departmentId')) setDeptError(e.message);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setJob(null);
    }
  };

  const open = (id: string) => {
    onClose();
    navigate('processes', id, 'map');
  };

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('import.title')} data-testid="bpmn-modal">
      {summary ? (
        <Stack gap="sm" data-testid="bpmn-summary">
          <Alert color="teal" icon={<IconCheck size={18} />} title={t('import.doneTitle')}>
            {t('import.doneBody', {
              created: formatNumber(summary.created, locale),
              updated: formatNumber(summary.updated, locale),
              steps: formatNumber(summary.steps, locale),
              lanes: formatNumber(summary.lanes, locale),
              flows: formatNumber(summary.flows, locale),
            })}
            {summary.departmentCreated && <Text size="sm" mt={4}>{t('import.departmentCreated')}</Text>}
          </Alert>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.process')}</Table.Th>
                <Table.Th>{t('import.status')}</Table.Th>
                <Table.Th ta="right">{t('import.steps')}</Table.Th>
                <Table.Th ta="right">{t('import.lanes')}</Table.Th>
                <Table.Th ta="right">{t('import.flows')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.processes.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor
                      href={`#/processes/${p.id}/map`}
                      onClick={(e) => { e.preventDefault(); open(p.id); }}
                      data-testid="bpmn-open-process"
                      data-process-id={p.id}
                    >
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge tt="none" variant="light" color={p.status === 'created' ? 'teal' : 'blue'}>{t(`import.${p.status}`)}</Badge>
                    {p.stepsRemoved > 0 && <Text size="xs" c="dimmed">{t('import.removed', { count: p.stepsRemoved })}</Text>}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(p.steps, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.lanes, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.flows, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {summary.warnings.length > 0 && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('import.warnings', { count: summary.warnings.length })} data-testid="bpmn-warnings">
              <List size="sm" spacing={2}>
                {summary.warnings.slice(0, 20).map((w, i) => <List.Item key={i}>{w}</List.Item>)}
              </List>
              {summary.warnings.length > 20 && <Text size="xs" c="dimmed">{t('import.moreWarnings', { count: summary.warnings.length - 20 })}</Text>}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSummary(null)}>{t('import.another')}</Button>
            <Button onClick={onClose} data-testid="bpmn-done">{tc('actions.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">{t('import.intro')}</Text>
            {/* Above the drop zone, so its suggestions never hide the Import button. */}
            <Autocomplete
              label={t('import.department')}
              description={match ? t('import.departmentExisting') : department.trim() ? t('import.departmentNew') : t('import.departmentHelp')}
              placeholder={t('import.departmentPlaceholder')}
              data={departments.map((d) => d.name)}
              value={department}
              onChange={(v) => { setDepartment(v); setDeptError(null); }}
              error={deptError}
              withAsterisk
              data-testid="bpmn-department"
            />
            <Dropzone
              openRef={openRef}
              onDrop={(files) => { setFile(files[0] ?? null); setError(null); }}
              onReject={() => setError(t('import.wrongType'))}
              accept={ACCEPT}
              multiple={false}
              maxSize={30 * 1024 * 1024}
              data-testid="bpmn-dropzone"
              aria-label={t('import.dropHere')}
            >
              <Group justify="center" gap="lg" mih={110} style={{ pointerEvents: 'none' }}>
                <Dropzone.Accept><IconUpload size={40} stroke={1.5} color="var(--mantine-color-indigo-6)" /></Dropzone.Accept>
                <Dropzone.Reject><IconX size={40} stroke={1.5} color="var(--mantine-color-red-6)" /></Dropzone.Reject>
                <Dropzone.Idle><IconFileUpload size={40} stroke={1.5} color="var(--mantine-color-dimmed)" /></Dropzone.Idle>
                <div>
                  <Text size="md" fw={500}>{file ? file.name : t('import.dropHere')}</Text>
                  <Text size="sm" c="dimmed">
                    {file ? t('import.fileSize', { kb: formatNumber(Math.max(1, Math.round(file.size / 1024)), locale) }) : t('import.dropHelp')}
                  </Text>
                </div>
              </Group>
            </Dropzone>
            <Group>
              <Button variant="default" size="xs" onClick={() => openRef.current?.()} data-testid="bpmn-pick">{t('import.pick')}</Button>
              {file && <Badge tt="none" variant="light" data-testid="bpmn-file-name">{file.name}</Badge>}
            </Group>
            {job && (
              <Stack gap={4} data-testid="bpmn-progress">
                <Text size="sm" c="dimmed">{t(`import.phase.${job.phase}`)}</Text>
                <Progress value={Math.round(job.fraction * 100)} animated />
              </Stack>
            )}
            {error && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('import.errorTitle')} data-testid="bpmn-error">
                {error}
              </Alert>
            )}
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={onClose}>{tc('actions.cancel')}</Button>
              <Button type="submit" loading={busy} data-testid="bpmn-submit">{t('import.submit')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
