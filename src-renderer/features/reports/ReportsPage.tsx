import { Alert, Badge, Card, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Department, Process } from '@shared/api';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';

interface ProcessScope {
  process: Process;
  openGaps: number;
  closedGaps: number;
  indicators: number;
}
interface DepartmentScope {
  department: Department;
  processes: ProcessScope[];
  runningInterventions: number;
  indicators: number;
}

const total = (p: Promise<{ total: number }>) => p.then((r) => r.total);

/** Real counts per department and process, read with `limit: 1` queries (only `total` is used). */
async function loadScope(departments: Department[]): Promise<DepartmentScope[]> {
  return Promise.all(
    departments.map(async (department) => {
      const departmentId = department.id;
      const [procs, runningInterventions, indicators] = await Promise.all([
        api.call('processes.list', { departmentId, limit: 1000 }),
        total(api.call('interventions.list', { departmentId, status: 'running', limit: 1 })),
        total(api.call('indicators.list', { departmentId, limit: 1 })),
      ]);
      const processes = await Promise.all(
        procs.items.map(async (process) => {
          const [openGaps, closedGaps, ind] = await Promise.all([
            total(api.call('gaps.list', { processId: process.id, status: ['open', 'addressing'], limit: 1 })),
            total(api.call('gaps.list', { processId: process.id, status: 'closed', limit: 1 })),
            total(api.call('indicators.list', { processId: process.id, limit: 1 })),
          ]);
          return { process, openGaps, closedGaps, indicators: ind };
        }),
      );
      return { department, processes, runningInterventions, indicators };
    }),
  );
}

export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const departments = useApp((s) => s.departments);
  const departmentId = useApp((s) => s.departmentId);
  const chosen = departmentId ? departments.filter((d) => d.id === departmentId) : departments;
  const scope = useLoad(() => loadScope(chosen), [departmentId, departments.map((d) => d.id).join()]);

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">{t('subtitle')}</Text>
      </div>
      <Alert color="gray" icon={<IconFileExport size={20} />} data-testid="reports-export-note">{t('exportNote')}</Alert>
      {scope.loading && !scope.data ? (
        <Center h={160}><Loader size="sm" /></Center>
      ) : (scope.data?.length ?? 0) === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        scope.data?.map((d) => (
          <Card key={d.department.id} withBorder padding="lg" data-testid="report-department">
            <Group justify="space-between" mb="sm">
              <Group gap="xs">
                <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: d.department.colour }} />
                <Title order={4}>{d.department.name}</Title>
                <Badge tt="none" variant="light" color="gray">{d.department.code}</Badge>
              </Group>
              <Group gap="xs">
                <Badge tt="none" variant="light" color="blue">{t('runningInterventions', { count: d.runningInterventions })}</Badge>
                <Badge tt="none" variant="light" color="grape">{t('indicators', { count: d.indicators })}</Badge>
              </Group>
            </Group>
            {d.processes.length === 0 ? (
              <Text size="sm" c="dimmed">{t('noProcess')}</Text>
            ) : (
              <Table verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('process')}</Table.Th>
                    <Table.Th ta="right">{t('openGaps')}</Table.Th>
                    <Table.Th ta="right">{t('closedGaps')}</Table.Th>
                    <Table.Th ta="right">{t('linkedIndicators')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.processes.map((p) => (
                    <Table.Tr key={p.process.id}>
                      <Table.Td>{p.process.name}</Table.Td>
                      <Table.Td ta="right">{p.openGaps}</Table.Td>
                      <Table.Td ta="right">{p.closedGaps}</Table.Td>
                      <Table.Td ta="right">{p.indicators}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        ))
      )}
    </Stack>
  );
}
