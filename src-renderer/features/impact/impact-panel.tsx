import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator, Intervention } from '@shared/api';
import type { ImpactResult, ImpactVerdict } from '@shared/impact/schemas';
import type { XmrSignal } from '@shared/indicators/xmr';
import { formatDate, formatNumber, formatPercent } from '@shared/format';
import { api } from '../../api/client';
import { periodLabel } from '../indicators/period-label';
import { useLoad } from '../../components/use-load';

/** One line per rule and side: a run of 12 points beyond the limits reads as one finding, not twelve. */
function groupSignals(signals: XmrSignal[]): XmrSignal[] {
  const groups = new Map<string, XmrSignal>();
  for (const s of signals) {
    const key = `${s.rule}|${s.side}|${s.effect}`;
    const g = groups.get(key);
    if (g) g.periods = [...new Set([...g.periods, ...s.periods])].sort();
    else groups.set(key, { ...s, periods: [...s.periods] });
  }
  return [...groups.values()];
}

const VERDICT_COLOR: Record<ImpactVerdict, string> = { improved: 'green', worsened: 'red', no_clear_change: 'gray' };

/** Before vs after each linked intervention's start, as the core computed it (impact.compute). */
export function ImpactPanel({ indicator, interventions }: { indicator: Indicator; interventions: Intervention[] }) {
  const { t } = useTranslation('indicators');
  const ids = interventions.map((i) => i.id).join(',');
  const results = useLoad(
    () =>
      Promise.all(
        interventions.map(async (itv) => ({
          itv,
          impact: itv.startDate ? await api.call('impact.compute', { interventionId: itv.id, indicatorId: indicator.id }) : null,
        })),
      ),
    [indicator.id, ids],
  );
  if (!interventions.length) {
    return <Alert color="gray" icon={<IconInfoCircle size={18} />} data-testid="impact-none">{t('impact.noLinks')}</Alert>;
  }
  if (results.error) return <Alert color="red">{results.error}</Alert>;
  return (
    <Stack gap="md" data-testid="impact-panel">
      {(results.data ?? []).map(({ itv, impact }) => (
        <ImpactCard key={itv.id} intervention={itv} impact={impact} indicator={indicator} />
      ))}
    </Stack>
  );
}

function ImpactCard({ intervention, impact, indicator }: { intervention: Intervention; impact: ImpactResult | null; indicator: Indicator }) {
  const { t, i18n } = useTranslation('indicators');
  const lang = i18n.language;
  const u = indicator.unit ? ` ${indicator.unit}` : '';
  const period = (p: string) => periodLabel(p, indicator.frequency, lang);
  const num = (v: number) => `${formatNumber(v, lang)}${u}`;
  const signed = (v: number) => `${v > 0 ? '+' : ''}${formatNumber(v, lang)}${u}`;
  return (
    <Card withBorder radius="md" padding="md" data-testid="impact-card">
      <Group justify="space-between" mb="xs">
        <div>
          <Text fw={600}>{intervention.title}</Text>
          <Text size="sm" c="dimmed">
            {intervention.startDate ? t('impact.started', { date: formatDate(intervention.startDate, lang) }) : t('impact.noStart')}
          </Text>
        </div>
        {impact?.status === 'ok' && (
          <Badge tt="none" size="lg" color={VERDICT_COLOR[impact.verdict]} data-testid="impact-verdict" data-verdict={impact.verdict}>
            {t(`impact.verdict.${impact.verdict}`)}
          </Badge>
        )}
      </Group>
      {!impact ? null : impact.status === 'not_enough_data' ? (
        <Alert color="yellow" data-testid="impact-not-enough">
          {t('impact.notEnough', { before: impact.have.before, after: impact.have.after, need: impact.needed })}
        </Alert>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('impact.change')} value={signed(impact.change)} testId="impact-change" />
            <Figure label={t('impact.changePct')} value={impact.changePct === null ? '—' : `${impact.changePct > 0 ? '+' : ''}${formatPercent(impact.changePct, lang)}`} testId="impact-change-pct" />
            <Figure label={t('impact.interval')} value={`${signed(impact.interval.low)} … ${signed(impact.interval.high)}`} testId="impact-interval" />
            <Figure label={t('impact.welch')} value={t('impact.welchValue', { se: formatNumber(impact.interval.se, lang, 3), df: formatNumber(impact.interval.df, lang, 1) })} />
          </SimpleGrid>
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('impact.periods')}</Table.Th>
                <Table.Th ta="right">{t('impact.n')}</Table.Th>
                <Table.Th ta="right">{t('impact.mean')}</Table.Th>
                <Table.Th ta="right">{t('impact.sd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['before', 'after'] as const).map((side) => (
                <Table.Tr key={side} data-testid={`impact-${side}`}>
                  <Table.Td fw={600}>{t(`impact.${side}`)}</Table.Td>
                  <Table.Td>{period(impact[side].from)} – {period(impact[side].to)}</Table.Td>
                  <Table.Td ta="right">{impact[side].n}</Table.Td>
                  <Table.Td ta="right">{num(impact[side].mean)}</Table.Td>
                  <Table.Td ta="right">{num(impact[side].sd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {impact.excluded.length > 0 && <Text size="xs" c="dimmed">{t('impact.excluded', { periods: impact.excluded.map(period).join(', ') })}</Text>}
          <div>
            <Text size="sm" fw={600}>{t('impact.signals')}</Text>
            {impact.xmr.signals.length === 0 ? (
              <Text size="sm" c="dimmed">{t('impact.noSignals')}</Text>
            ) : (
              <Stack gap={2} data-testid="impact-signals">
                {groupSignals(impact.xmr.signals).map((s, i) => (
                  <Text size="sm" key={i}>
                    <Badge tt="none" size="sm" mr={6} color={s.effect === 'favourable' ? 'green' : 'red'} variant="light">{t(`impact.effect.${s.effect}`)}</Badge>
                    {t(`impact.rule.${s.rule}`, { side: t(`impact.side.${s.side}`) })}{' '}
                    <Text span c="dimmed" size="sm">({t('common:colon', { label: t('impact.points', { count: s.periods.length }) })} {s.periods.length > 6
                      ? `${period(s.periods[0]!)} – ${period(s.periods.at(-1)!)}`
                      : s.periods.map(period).join(', ')})</Text>
                  </Text>
                ))}
              </Stack>
            )}
          </div>
        </Stack>
      )}
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
    </div>
  );
}
