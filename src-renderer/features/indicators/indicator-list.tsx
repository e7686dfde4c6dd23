import { useEffect, useState } from 'react';
import {
  ActionIcon, Anchor, Badge, Button, Card, Group, Paper, Stack, Table, Text, Title, Tooltip,
} from '@mantine/core';
import { IconFileImport, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/export-button';
import type { Indicator } from '@shared/api';
import type { IndicatorStatus } from '@shared/indicators/status';
import { formatDate, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { askToDelete } from '../../components/confirm-delete';
import { NeedsDepartment } from '../workspace/prerequisites';
import { useApp } from '../../stores';
import { ImportWizard } from '../imports/lazy-import-wizard';
import { useImportRequest } from '../../app/import-requests';
import { IndicatorFormModal } from './indicator-form-modal';
import { RagBadge } from './rag-badge';
import { LoadState } from '../../components/load-state';
import { useLoad } from '../../components/use-load';

interface Row {
  indicator: Indicator;
  status: IndicatorStatus | null;
}

async function loadRows(departmentId: string | null): Promise<Row[]> {
  const page = await api.call('indicators.list', { limit: 1000, ...(departmentId ? { departmentId } : {}) });
  if (!page.items.length) return [];
  const statuses = await api.call('indicators.statusList', { indicatorIds: page.items.map((i) => i.id) });
  const byId = new Map(statuses.map((s) => [s.indicatorId, s]));
  return page.items.map((indicator) => ({ indicator, status: byId.get(indicator.id) ?? null }));
}

export function IndicatorList() {
  const { t, i18n } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const departmentId = useApp((s) => s.departmentId);
  const departments = useApp((s) => s.departments);
  const departmentsLoaded = useApp((s) => s.departmentsLoaded);
  const navigate = useApp((s) => s.navigate);
  const rows = useLoad(() => loadRows(departmentId), [departmentId]);
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  // A CSV/XLSX dropped on the window, or File ▸ Import measurements…: open the wizard with it.
  const [request, take] = useImportRequest('measurements');
  const [dropped, setDropped] = useState<File | null>(null);
  useEffect(() => {
    if (!request) return;
    setDropped(request.file);
    setImportOpen(true);
    take();
  }, [request, take]);
  const deptById = new Map(departments.map((d) => [d.id, d]));
  const noDepartment = departmentsLoaded && departments.length === 0;

  const openCreate = () => {
    setEditing(null);
    setFormOpen(true);
  };

  const confirmDelete = (ind: Indicator) =>
    askToDelete({
      title: t('delete.title', { name: ind.name }),
      body: t('delete.body'),
      remove: () => api.call('indicators.delete', { id: ind.id }),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('title')}</Title>
          <Text c="dimmed" size="sm">{t('subtitle')}</Text>
        </div>
        <Group gap="sm">
          <ExportButton request={{ list: 'indicators', filters: departmentId ? { departmentId } : {} }} disabled={noDepartment || !rows.data?.length} />
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)}
            disabled={noDepartment || !rows.data?.length} data-testid="indicators-import">
            {t('import.open')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate} disabled={noDepartment} data-testid="indicator-create">
            {t('create')}
          </Button>
        </Group>
      </Group>

      {noDepartment ? (
        <Card withBorder padding="xl"><NeedsDepartment /></Card>
      ) : (
        <LoadState
          load={rows}
          empty={rows.data?.length === 0 && (
            <Card withBorder padding="xl" data-testid="indicators-empty">
              <Stack align="center" gap="sm">
                <Title order={4}>{t('empty.title')}</Title>
                <Text c="dimmed" ta="center" maw={520}>{t('empty.body')}</Text>
                <Button onClick={openCreate}>{t('create')}</Button>
              </Stack>
            </Card>
          )}
        >
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={1100}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="indicator-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('fields.category')}</Table.Th>
                    <Table.Th>{t('fields.direction')}</Table.Th>
                    <Table.Th ta="right">{t('fields.latest')}</Table.Th>
                    <Table.Th ta="right">{t('fields.targetValue')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                    <Table.Th>{t('fields.frequency')}</Table.Th>
                    <Table.Th>{t('fields.source')}</Table.Th>
                    <Table.Th w={90} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.data?.map(({ indicator: ind, status }) => {
                    const dep = deptById.get(ind.departmentId);
                    const unit = ind.unit ? ` ${ind.unit}` : '';
                    return (
                      <Table.Tr key={ind.id} data-testid="indicator-row">
                        <Table.Td>
                          <Anchor href={`#/indicators/${ind.id}`} fw={600} data-testid="indicator-link"
                            onClick={(e) => { e.preventDefault(); navigate('indicators', ind.id); }}>
                            {ind.name}
                          </Anchor>
                          <Group gap={6}>
                            {dep && <Text size="xs" c="dimmed">{dep.code}</Text>}
                            {ind.unit && <Text size="xs" c="dimmed">· {ind.unit}</Text>}
                          </Group>
                        </Table.Td>
                        <Table.Td><Badge tt="none" variant="light" color="gray" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>{tc(`category.${ind.category}`)}</Badge></Table.Td>
                        <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{tc(`direction.${ind.direction}`)}</Text></Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {status?.latest ? (
                            <>
                              <Text size="sm" fw={500}>{formatNumber(status.latest.value, lang)}{unit}</Text>
                              <Text size="xs" c="dimmed">{formatDate(status.latest.period, lang)}</Text>
                            </>
                          ) : <Text size="sm" c="dimmed">—</Text>}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{ind.targetValue === null ? '—' : `${formatNumber(ind.targetValue, lang)}${unit}`}</Text>
                          {ind.targetDate && <Text size="xs" c="dimmed">{formatDate(ind.targetDate, lang)}</Text>}
                        </Table.Td>
                        <Table.Td><RagBadge status={status?.status} watch={status?.watch ? status.latestStatus : null} size="sm" /></Table.Td>
                        <Table.Td><Text size="sm">{tc(`frequency.${ind.frequency}`)}</Text></Table.Td>
                        <Table.Td>
                          <Text size="sm">{tc(`source.${ind.source}`)}</Text>
                          {ind.sourceDetail && <Text size="xs" c="dimmed" lineClamp={1}>{ind.sourceDetail}</Text>}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Tooltip label={tc('actions.edit')}>
                              <ActionIcon variant="subtle" aria-label={t('editNamed', { name: ind.name })}
                                onClick={() => { setEditing(ind); setFormOpen(true); }}>
                                <IconPencil size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={tc('actions.delete')}>
                              <ActionIcon variant="subtle" color="red" aria-label={t('deleteNamed', { name: ind.name })} onClick={() => confirmDelete(ind)}>
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </LoadState>
      )}

      <IndicatorFormModal opened={formOpen} onClose={() => setFormOpen(false)} indicator={editing}
        onSaved={(i) => { if (!editing) navigate('indicators', i.id); }} />
      <ImportWizard opened={importOpen} onClose={() => { setImportOpen(false); setDropped(null); }} departmentId={departmentId} initialFile={dropped}
        indicators={(rows.data ?? []).map((r) => r.indicator)} />
    </Stack>
  );
}
