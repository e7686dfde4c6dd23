import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RoiFigures, RoiLifetime } from '@shared/roi/results';
import { formatMoney, formatPercent } from '@shared/format';

/** A percentage, or the words "no cost" when there is nothing to divide by. */
export function roiText(f: RoiFigures, which: 'hard' | 'withSoft', lang: string, noCost: string): string {
  if (f.noCost) return noCost;
  return formatPercent(f.roiPct[which], lang, 0);
}

function Cell({ label, value, sub, colour, big, testId }: { label: string; value: string; sub?: string | undefined; colour?: string; big?: boolean; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={800} size={big ? '2rem' : 'lg'} lh={big ? 1.15 : undefined} c={colour} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      {sub && <Text size="xs" c="dimmed">{sub}</Text>}
    </div>
  );
}

/**
 * The figures a finance reviewer reads, in that order: hard ROI as the headline; the hard benefit and
 * the cost it rests on; soft benefit beside, with the ROI that adds it under its own name; the cash
 * released apart, as balance sheet.
 */
export function RoiFiguresView({ f, lifetime, testId }: { f: RoiFigures; lifetime?: RoiLifetime | RoiFigures | null; testId: string }) {
  const { t, i18n } = useTranslation('roi');
  const lang = i18n.language;
  const m = (c: number) => formatMoney(c, f.currency, lang);
  const hard = f.roiPct.hard;
  const colour = f.noCost ? undefined : hard !== null && hard >= 0 ? 'teal.8' : 'red.7';
  const months = (n: number | null) => (n === null ? t('noPayback') : t('months', { count: n }));
  const payback = lifetime && 'paybackMonths' in lifetime ? lifetime.paybackMonths : null;
  return (
    <Stack gap="sm" data-testid={testId}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
        <Cell big label={t('figures.roiHard')} value={roiText(f, 'hard', lang, t('noCost'))} colour={colour} testId={`${testId}-roi-hard`}
          sub={payback && lifetime ? t('figures.lifetimeRoi', { v: roiText(lifetime, 'hard', lang, t('noCost')) }) : undefined} />
        <Cell label={t('figures.benefitHard')} value={m(f.benefit.hardCents)} colour="teal.8" testId={`${testId}-hard`} />
        <Cell label={t('figures.cost')} value={m(f.costCents)} testId={`${testId}-cost`}
          sub={t('figures.costSplit', { oneOff: m(f.oneOffCostCents), recurring: m(f.recurringCostCents) })} />
        {payback ? (
          <Cell label={t('figures.payback')} value={months(payback.hard)} testId={`${testId}-payback`} sub={t('figures.paybackSoft', { v: months(payback.withSoft) })} />
        ) : lifetime ? (
          <Cell label={t('figures.lifetime')} value={roiText(lifetime, 'hard', lang, t('noCost'))} testId={`${testId}-lifetime`}
            sub={t('figures.lifetimeSub', { hard: m(lifetime.benefit.hardCents), cost: m(lifetime.costCents) })} />
        ) : (
          <div />
        )}
      </SimpleGrid>
      <Group gap="md" align="stretch" wrap="wrap">
        <Paper withBorder radius="sm" px="sm" py={6} bg="var(--mantine-color-indigo-0)" data-testid={`${testId}-soft`}>
          <Text size="xs" c="indigo.8" fw={600}>{t('figures.besideSoft')}</Text>
          <Text size="sm">
            {t('figures.softLine', { soft: m(f.benefit.softCents), roi: roiText(f, 'withSoft', lang, t('noCost')) })}
          </Text>
        </Paper>
        {f.cashReleasedCents > 0 && (
          <Paper withBorder radius="sm" px="sm" py={6} bg="var(--mantine-color-gray-0)" data-testid={`${testId}-cash`}>
            <Group gap={6} wrap="nowrap">
              <IconBuildingBank size={16} />
              <Text size="xs" fw={600}>{t('figures.cash')}</Text>
              <Badge tt="none" size="xs" variant="outline" color="gray">{t('figures.balanceSheet')}</Badge>
            </Group>
            <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{m(f.cashReleasedCents)}</Text>
            <Text size="xs" c="dimmed">{t('figures.cashSub')}</Text>
          </Paper>
        )}
      </Group>
    </Stack>
  );
}
