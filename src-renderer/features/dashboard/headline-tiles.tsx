import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconEqual } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DashboardHeadline, Figure } from '@shared/dashboard/schemas';
import { formatMoney, formatNumber, formatPercent } from '@shared/format';

// The headline figures with their change against the previous period: an arrow and the %, green when
// the change is good news (fewer open gaps, more loops closed), red when it is not.

interface Tile {
  key: string;
  label: string;
  value: string;
  change: number | null;
  unit: '%' | 'pts';
  higherIsBetter: boolean;
  onClick?: () => void;
}

function Change({ tile, locale }: { tile: Tile; locale: string }) {
  const { t } = useTranslation('dashboard');
  if (tile.change === null) return <Text size="xs" c="dimmed">{t('headline.noPrevious')}</Text>;
  const flat = Math.abs(tile.change) < 0.05;
  const good = tile.change > 0 === tile.higherIsBetter;
  const Icon = flat ? IconEqual : tile.change > 0 ? IconArrowUpRight : IconArrowDownRight;
  const text = tile.unit === 'pts' ? `${formatNumber(Math.abs(tile.change), locale, 0)} pts` : formatPercent(Math.abs(tile.change), locale, 0);
  return (
    <Group gap={2} c={flat ? 'dimmed' : good ? 'teal.7' : 'red.7'}>
      <Icon size={14} stroke={2} />
      <Text size="xs" fw={600}>{flat ? t('headline.noChange') : text}</Text>
      <Text size="xs" c="dimmed">{t('headline.vsPrevious')}</Text>
    </Group>
  );
}

export function HeadlineTiles({ h, locale, open }: { h: DashboardHeadline; locale: string; open: { gaps(): void; closed(): void; indicators(): void; interventions(): void } }) {
  const { t } = useTranslation('dashboard');
  const count = (key: string, f: Figure, higherIsBetter: boolean, onClick?: () => void): Tile => ({
    key, label: t(`headline.${key}`), value: formatNumber(f.current, locale, 0), change: f.changePct, unit: '%', higherIsBetter, onClick,
  });
  const tiles: Tile[] = [
    count('openGaps', h.openGaps, false, open.gaps),
    ...h.openGapCost.map((m) => ({ key: `cost-${m.currency}`, label: t('headline.openGapCost'), value: formatMoney(m.current, m.currency, locale, 0), change: m.changePct, unit: '%' as const, higherIsBetter: false, onClick: open.gaps })),
    count('loopsClosed', h.loopsClosed, true, open.closed),
    ...h.costRemoved.map((m) => ({ key: `removed-${m.currency}`, label: t('headline.costRemoved'), value: formatMoney(m.current, m.currency, locale, 0), change: m.changePct, unit: '%' as const, higherIsBetter: true, onClick: open.closed })),
    count('onTarget', h.indicators.green, true, open.indicators),
    count('nearTarget', h.indicators.amber, false, open.indicators),
    count('offTarget', h.indicators.red, false, open.indicators),
    count('interventionsRunning', h.interventionsRunning, true, open.interventions),
    ...h.roi.flatMap((r) => [
      {
        key: `roi-${r.currency}`, label: t('headline.hardRoi'),
        value: r.costCents.current === 0 ? t('headline.noCost') : formatPercent(r.hardRoiPct.current, locale, 0),
        change: r.hardRoiPct.changePoints, unit: 'pts' as const, higherIsBetter: true, onClick: open.interventions,
      },
      { key: `soft-${r.currency}`, label: t('headline.softBenefit'), value: formatMoney(r.softBenefitCents.current, r.currency, locale, 0), change: r.softBenefitCents.changePct, unit: '%' as const, higherIsBetter: true, onClick: open.interventions },
      // Working capital, not income: apart from the ROI, and only when there is some.
      ...(r.cashReleasedCents.current || r.cashReleasedCents.previous
        ? [{ key: `cash-${r.currency}`, label: t('headline.cashReleased'), value: formatMoney(r.cashReleasedCents.current, r.currency, locale, 0), change: r.cashReleasedCents.changePct, unit: '%' as const, higherIsBetter: true, onClick: open.interventions }]
        : []),
    ]),
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="dashboard-headline">
      {tiles.map((tile) => (
        <Paper key={tile.key} withBorder p="md" radius="md" onClick={tile.onClick} style={{ cursor: tile.onClick ? 'pointer' : undefined }} data-testid={`kpi-${tile.key}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{tile.label}</Text>
          <Text fz={26} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{tile.value}</Text>
          <Change tile={tile} locale={locale} />
        </Paper>
      ))}
    </SimpleGrid>
  );
}
