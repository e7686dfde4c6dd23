import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorTile } from '@shared/dashboard/schemas';
import { buildSparklineOption } from '@shared/charts/sparkline';
import { RAG_COLOURS } from '@shared/charts/indicator-trend';
import { formatNumber } from '@shared/format';
import { LazyEChart as EChart } from '../../charts/lazy-chart';

// The indicator status grid: one tile per indicator with its status and a sparkline; a click opens it.
export function IndicatorGrid({ tiles, locale, onOpen }: { tiles: IndicatorTile[]; locale: string; onOpen(id: string): void }) {
  const { t: tc } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} data-testid="dashboard-indicators">
      {tiles.map((i) => (
        <Paper key={i.indicatorId} withBorder p="sm" radius="md" onClick={() => onOpen(i.indicatorId)} style={{ cursor: 'pointer', borderLeft: `4px solid ${RAG_COLOURS[i.status]}` }}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={600} lineClamp={1}>{i.name}</Text>
            <Badge size="sm" variant="light" tt="none" color={{ green: 'teal', amber: 'orange', red: 'red', no_data: 'gray', no_target: 'gray' }[i.status]}>{tc(`rag.${i.status}`)}</Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {i.latest ? `${formatNumber(i.latest.value, locale)}${i.unit ? ` ${i.unit}` : ''}` : '—'}
            {i.targetValue !== null ? ` · ${formatNumber(i.targetValue, locale)}` : ''}
          </Text>
          <EChart option={buildSparklineOption(i.spark, i.status, i.targetValue)} height={40} ariaLabel={i.name} locale={locale} />
        </Paper>
      ))}
    </SimpleGrid>
  );
}
