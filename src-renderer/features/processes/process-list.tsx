import { useState } from 'react';
import {
  ActionIcon, Anchor, Badge, Button, Card, Group, Paper, Stack, Table, Text, Title, Tooltip,
} from '@mantine/core';
import { IconBuilding, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Process } from '@shared/api';
import { api } from '../../api/client';
import { askToDelete } from '../../components/confirm-delete';
import { useApp } from '../../stores';
import ProcessImportMenu from './ProcessImportMenu';
import { DepartmentFormModal } from '../departments/department-form-modal';
import { ProcessFormModal } from './process-form-modal';
import { LoadState } from '../../components/load-state';
import { useLoad } from '../../components/use-load';

interface Row {
  process: Process;
  steps: number;
  openGaps: number;
}

async function loadRows(departmentId: string | null): Promise<Row[]> {
  const scope = departmentId ? { departmentId } : {};
  // Both at once: the list and, in one grouped read, every process's counts.
  const [page, counts] = await Promise.all([api.call('processes.list', { limit: 1000, ...scope }), api.call('processes.counts', scope)]);
  const byId = new Map(counts.map((c) => [c.processId, c]));
  return page.items.map((process) => ({ process, steps: byId.get(process.id)?.steps ?? 0, openGaps: byId.get(process.id)?.openGaps ?? 0 }));
}

export function ProcessList() {
  const { t } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const departmentId = useApp((s) => s.departmentId);
  const departments = useApp((s) => s.departments);
  const departmentsLoaded = useApp((s) => s.departmentsLoaded);
  const navigate = useApp((s) => s.navigate);
  const rows = useLoad(() => loadRows(departmentId), [departmentId]);
  const [editing, setEditing] = useState<Process | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [deptOpen, setDeptOpen] = useState(false);
  const deptById = new Map(departments.map((d) => [d.id, d]));

  const openCreate = () => {
    setEditing(null);
    setFormOpen(true);
  };

  const confirmDelete = (row: Row) =>
    askToDelete({
      title: t('delete.title', { name: row.process.name }),
      body: t('delete.body', { steps: row.steps, gaps: row.openGaps }),
      remove: () => api.call('processes.delete', { id: row.process.id }),
    });

  const noDepartment = departmentsLoaded && departments.length === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('title')}</Title>
          <Text c="dimmed" size="sm">{t('subtitle')}</Text>
        </div>
        <Group gap="sm">
          <ProcessImportMenu />
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate} disabled={noDepartment} data-testid="process-create">
            {t('create')}
          </Button>
        </Group>
      </Group>

      {noDepartment ? (
        <Card withBorder padding="xl" data-testid="processes-no-department">
          <Stack align="center" gap="sm">
            <IconBuilding size={40} stroke={1.4} color="var(--mantine-color-indigo-5)" />
            <Title order={4}>{t('empty.noDepartmentTitle')}</Title>
            <Text c="dimmed" ta="center" maw={480}>{t('empty.noDepartmentBody')}</Text>
            <Button onClick={() => setDeptOpen(true)} data-testid="create-first-department">{t('empty.createDepartment')}</Button>
          </Stack>
        </Card>
      ) : (
        <LoadState
          load={rows}
          empty={rows.data?.length === 0 && (
            <Card withBorder padding="xl" data-testid="processes-empty">
              <Stack align="center" gap="sm">
                <Title order={4}>{t('empty.noProcessTitle')}</Title>
                <Text c="dimmed" ta="center" maw={480}>{t('empty.noProcessBody')}</Text>
                <Button onClick={openCreate}>{t('create')}</Button>
              </Stack>
            </Card>
          )}
        >
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={760}>
              <Table highlightOnHover verticalSpacing="sm" data-testid="process-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.name')}</Table.Th>
                    <Table.Th>{t('fields.department')}</Table.Th>
                    <Table.Th>{t('fields.reference')}</Table.Th>
                    <Table.Th>{t('fields.systems')}</Table.Th>
                    <Table.Th ta="right">{t('fields.steps')}</Table.Th>
                    <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('fields.openGaps')}</Table.Th>
                    <Table.Th w={90} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.data?.map((row) => {
                    const dep = deptById.get(row.process.departmentId);
                    return (
                      <Table.Tr key={row.process.id} data-testid="process-row">
                        <Table.Td>
                          <Anchor
                            href={`#/processes/${row.process.id}`}
                            onClick={(e) => {
                              e.preventDefault();
                              navigate('processes', row.process.id);
                            }}
                            fw={600}
                            data-testid="process-link"
                          >
                            {row.process.name}
                          </Anchor>
                          {row.process.owner && <Text size="xs" c="dimmed">{row.process.owner}</Text>}
                        </Table.Td>
                        <Table.Td>
                          {dep && <Badge tt="none" variant="light" color="gray" leftSection={<span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: dep.colour }} />}>{dep.code}</Badge>}
                        </Table.Td>
                        <Table.Td><Text size="sm" ff="monospace">{row.process.referenceId ?? '—'}</Text></Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {row.process.systems.map((s) => <Badge tt="none" key={s} size="sm" variant="outline">{s}</Badge>)}
                          </Group>
                        </Table.Td>
                        <Table.Td ta="right">{row.steps}</Table.Td>
                        <Table.Td ta="right">
                          {row.openGaps > 0 ? <Badge tt="none" color="orange" variant="light">{row.openGaps}</Badge> : <Text size="sm" c="dimmed">0</Text>}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Tooltip label={tc('actions.edit')}>
                              <ActionIcon variant="subtle" aria-label={t('editNamed', { name: row.process.name })}
                                onClick={() => { setEditing(row.process); setFormOpen(true); }}>
                                <IconPencil size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={tc('actions.delete')}>
                              <ActionIcon variant="subtle" color="red" aria-label={t('deleteNamed', { name: row.process.name })} onClick={() => confirmDelete(row)}>
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

      <ProcessFormModal opened={formOpen} onClose={() => setFormOpen(false)} process={editing}
        onSaved={(p) => { if (!editing) navigate('processes', p.id); }} />
      <DepartmentFormModal opened={deptOpen} onClose={() => setDeptOpen(false)} />
    </Stack>
  );
}
