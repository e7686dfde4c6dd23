import { Anchor, Badge, Card, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { severityColour } from '../gaps/gap-style';
import { useLoad } from '../../components/use-load';
import { useWorkspaceInfo } from '../../components/use-workspace-info';
import { FirstRun, showsFirstRun } from '../workspace/first-run';

const COUNTED = ['departments', 'processes', 'steps', 'gaps', 'interventions', 'indicators', 'measurements'] as const;

export default function DashboardPage() {
  const { t, i18n } = useTranslation('dashboard');
  const { t: tc } = useTranslation();
  const info = useWorkspaceInfo();
  const departmentId = useApp((s) => s.departmentId);
  const navigate = useApp((s) => s.navigate);
  const locale = i18n.language;
  const scope = departmentId ? { departmentId } : {};
  // The core ranks by estimated monthly cost (computed in SQL); the page only shows the first ten.
  const gaps = useLoad(
    () => api.call('gaps.list', { ...scope, status: ['open', 'addressing'], sortBy: 'cost', sortDir: 'desc', limit: 10 }),
    [departmentId],
  );
  const interventions = useLoad(() => api.call('interventions.list', { ...scope, limit: 6 }), [departmentId]);
  // A workspace with nothing to show yet gets the first-run choices instead of empty tables.
  if (info && showsFirstRun(info.counts)) {
    return (
      <Stack gap="lg">
        <Title order={2}>{t('title')}</Title>
        <FirstRun departments={info.counts.departments ?? 0} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">{t('subtitle')}</Text>
      </div>

      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} data-testid="dashboard-counts">
        {COUNTED.map((k) => (
          <Paper key={k} withBorder p="md" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t(`counts.${k}`)}</Text>
            <Text fz={28} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{info ? (info.counts[k] ?? 0) : '—'}</Text>
          </Paper>
        ))}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder padding="lg" style={{ gridColumn: 'span 2' }}>
          <Title order={4}>{t('topGaps')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('topGapsHelp')}</Text>
          {gaps.loading && !gaps.data ? (
            <Center h={120}><Loader size="sm" /></Center>
          ) : (gaps.data?.items.length ?? 0) === 0 ? (
            <Text c="dimmed" size="sm">{t('noOpenGaps')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={620}>
              <Table verticalSpacing="xs" highlightOnHover data-testid="dashboard-top-gaps">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('gap')}</Table.Th>
                    <Table.Th>{t('process')}</Table.Th>
                    <Table.Th ta="center">{tc('severity')}</Table.Th>
                    <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('monthlyCost')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {gaps.data?.items.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>{g.title}</Text>
                        <Text size="xs" c="dimmed">{tc(`gapType.${g.type}`)} · {tc(`gapStatus.${g.status}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor size="sm" href={`#/processes/${g.processId}/gaps`}
                          onClick={(e) => { e.preventDefault(); navigate('processes', g.processId, 'gaps'); }}>
                          {g.processName ?? '—'}
                        </Anchor>
                        {g.stepName && <Text size="xs" c="dimmed">{g.stepName}</Text>}
                      </Table.Td>
                      <Table.Td ta="center"><Badge tt="none" variant="light" color={severityColour(g.severity)}>{g.severity}</Badge></Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {g.monthlyCostCents === null ? <Text span c="dimmed" size="sm">{t('noRate')}</Text> : formatMoney(g.monthlyCostCents, g.currency, locale, 0)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>

        <Card withBorder padding="lg">
          <Title order={4}>{t('recentInterventions')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('recentInterventionsHelp')}</Text>
          {interventions.loading && !interventions.data ? (
            <Center h={120}><Loader size="sm" /></Center>
          ) : (interventions.data?.items.length ?? 0) === 0 ? (
            <Text c="dimmed" size="sm">{t('noInterventions')}</Text>
          ) : (
            <Stack gap="xs" data-testid="dashboard-interventions">
              {interventions.data?.items.map((i) => (
                <Paper key={i.id} withBorder p="xs" radius="sm">
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <Text size="sm" fw={600} lineClamp={2} style={{ flex: 1, minWidth: 0 }}>{i.title}</Text>
                    <Badge tt="none" size="sm" variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>{tc(`interventionStatus.${i.status}`)}</Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {tc(`interventionKind.${i.kind}`, { defaultValue: i.kind })}
                    {i.platform ? ` · ${i.platform}` : ''}
                    {i.startDate ? ` · ${formatDate(i.startDate, locale)}` : ''}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
