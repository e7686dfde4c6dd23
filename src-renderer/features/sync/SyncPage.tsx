import { useState } from 'react';
import { Alert, Badge, Button, Card, Code, Group, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SyncRunResult } from '@shared/sync/schemas';
import { api } from '../../api/client';
import { LoadState } from '../../components/load-state';
import { useLoad } from '../../components/use-load';
import { useWorkspaceInfo } from '../../components/use-workspace-info';
import { useApp } from '../../stores';
import { SyncConflicts } from './sync-conflicts';
import { SyncConnection } from './sync-connection';
import { SyncProgressBar } from './sync-progress';
import { formatMoment } from './sync-format';

/** The optional central sync: where it stands in words, Sync now, the departments shared, the conflicts. */
export default function SyncPage() {
  const { t, i18n } = useTranslation('sync');
  const info = useWorkspaceInfo();
  const status = useLoad(() => api.call('sync.status', {}), []);
  const conflicts = useLoad(() => api.call('sync.conflicts', {}), []);
  const bump = useApp((s) => s.bumpRevision);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SyncRunResult | null>(null);

  const run = async (confirm = false) => {
    setRunning(true);
    try {
      setResult(await api.call('sync.run', { confirm }));
    } finally {
      setRunning(false);
      bump();
    }
  };
  const s = status.data;

  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">{t('subtitle')}</Text>
      </div>
      <LoadState load={status}>
        {s && (
          <>
            <SyncConnection status={s} onChange={() => status.reload()} />
            {s.configured && (
              <Card withBorder padding="lg" data-testid="sync-status">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Title order={4}>{t('statusTitle')}</Title>
                    <Text size="sm" mt={6} data-testid="sync-last">{s.lastSyncAt ? t('lastSync', { when: formatMoment(s.lastSyncAt, i18n.language) }) : t('neverSynced')}</Text>
                    <Text size="sm" data-testid="sync-pending">{t('pending', { count: s.pending })}</Text>
                    {s.heldBack > 0 && <Text size="sm" c="orange.8" data-testid="sync-held-back">{t('heldBack', { count: s.heldBack })}</Text>}
                    <Text size="sm">{t('conflictCount', { count: s.conflicts })}</Text>
                  </div>
                  <Button leftSection={<IconRefresh size={16} />} loading={running} onClick={() => run(false)} data-testid="sync-now">{t('syncNow')}</Button>
                </Group>
                <SyncProgressBar active={running || s.running !== null} />
                {result && !running && (
                  <Alert mt="md" color={result.ok ? 'green' : result.confirm ? 'yellow' : 'red'} icon={result.ok ? undefined : <IconAlertTriangle size={18} />} data-testid="sync-result">
                    {result.ok
                      ? t('done', { pushed: result.pushed, pulled: result.pulled })
                      : result.confirm
                        ? t(`confirm.${result.confirm.reason}`)
                        : (result.error ? t(`error.${result.error.code}`, { defaultValue: t('error.other') }) : t('partly'))}
                    {result.error && !result.confirm && <Text size="xs" mt={4}>{result.error.message}</Text>}
                    {result.confirm && (
                      <Button mt="sm" size="xs" color="yellow" onClick={() => run(true)} data-testid="sync-confirm">{t('confirmButton')}</Button>
                    )}
                  </Alert>
                )}
                {!result && s.lastError && <Alert mt="md" color="red" variant="light">{s.lastError}</Alert>}
                {s.repaired.filter((c) => !s.stillDiffer.includes(c)).length > 0 && (
                  <Alert mt="md" color="blue" variant="light" data-testid="sync-repaired">
                    {t('repaired', { codes: s.repaired.filter((c) => !s.stillDiffer.includes(c)).join(', ') })}
                  </Alert>
                )}
                {s.stillDiffer.length > 0 && (
                  <Alert mt="md" color="orange" variant="light" data-testid="sync-still-differ">{t('stillDiffer', { codes: s.stillDiffer.join(', ') })}</Alert>
                )}
                {s.refusals.length > 0 && (
                  <Alert mt="md" color="orange" variant="light" title={t('refusalsTitle')} data-testid="sync-refusals">
                    {s.refusals.map((r) => <Text key={r} size="sm">{r}</Text>)}
                  </Alert>
                )}
              </Card>
            )}
            {s.configured && s.departments.length > 0 && (
              <Card withBorder padding="lg">
                <Title order={4} mb="xs">{t('departmentsTitle')}</Title>
                <Table verticalSpacing={6} data-testid="sync-departments">
                  <Table.Tbody>
                    {s.departments.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td><Code>{d.code}</Code></Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={d.access === 'write' ? 'blue' : d.access === 'read' ? 'gray' : 'red'}>
                            {t(d.access === 'none' && !d.revokedAt ? 'access.noGrant' : `access.${d.access}`)}
                          </Badge>
                          {d.held && <Badge ml="xs" variant="light" color="orange">{d.heldChanges ? t('heldCount', { count: d.heldChanges }) : t('held')}</Badge>}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Switch
                            label={t('shared')}
                            checked={d.shared}
                            disabled={d.access === 'none'}
                            onChange={async (e) => {
                              await api.call('sync.share', { departmentId: d.id, shared: e.currentTarget.checked });
                              status.reload();
                            }}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Text size="xs" c="dimmed" mt="sm">{t('revokedHelp')}</Text>
              </Card>
            )}
          </>
        )}
      </LoadState>
      {s?.configured && <SyncConflicts conflicts={conflicts.data ?? []} onResolved={() => (conflicts.reload(), status.reload())} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={4} mb="xs">{t('machine')}</Title>
          <Table withRowBorders={false} verticalSpacing={6}>
            <Table.Tbody>
              <Table.Tr><Table.Th c="dimmed" fw={500}>{t('nodeId')}</Table.Th><Table.Td><Code data-testid="sync-node-id">{info?.nodeId ?? '—'}</Code></Table.Td></Table.Tr>
              <Table.Tr><Table.Th c="dimmed" fw={500}>{t('dataDir')}</Table.Th><Table.Td><Code style={{ wordBreak: 'break-all' }}>{info?.dataDir ?? '—'}</Code></Table.Td></Table.Tr>
              <Table.Tr><Table.Th c="dimmed" fw={500}>{t('schemaVersion')}</Table.Th><Table.Td>{info?.schemaVersion ?? '—'}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="sm">{t('nodeIdHelp')}</Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
