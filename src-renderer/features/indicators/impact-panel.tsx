import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator, Intervention } from '@shared/api';
import type { ImpactResult, ImpactVerdict } from '@shared/schemas/indicators-analytics';
import { formatDate, formatNumber, formatPercent } from '@shared/format';
import { api } from '../../api/client';
import { useLoad } from './use-load';

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
        <ImpactCard key={itv.id} intervention={itv} impact={impact} unit={indicator.unit} />
      ))}
    </Stack>
  );
}

function ImpactCard({ intervention, impact, unit }: { intervention: Intervention; impact: ImpactResult | null; unit: string }) {
  const { t, i18n } = useTranslation('indicators');
  const lang = i18n.language;
  const u = unit ? ` ${unit}` : '';
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
            <Figure label={t('impact.welch')} value={`t = ${formatNumber(impact.interval.t, lang, 2)} · df = ${formatNumber(impact.interval.df, lang, 1)}`} />
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
                  <Table.Td>{formatDate(impact[side].from, lang)} – {formatDate(impact[side].to, lang)}</Table.Td>
                  <Table.Td ta="right">{impact[side].n}</Table.Td>
                  <Table.Td ta="right">{num(impact[side].mean)}</Table.Td>
                  <Table.Td ta="right">{num(impact[side].sd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {impact.excluded.length > 0 && <Text size="xs" c="dimmed">{t('impact.excluded', { periods: impact.excluded.map((p) => formatDate(p, lang)).join(', ') })}</Text>}
          <div>
            <Text size="sm" fw={600}>{t('impact.signals')}</Text>
            {impact.xmr.signals.length === 0 ? (
              <Text size="sm" c="dimmed">{t('impact.noSignals')}</Text>
            ) : (
              <Stack gap={2} data-testid="impact-signals">
                {impact.xmr.signals.map((s, i) => (
                  <Text size="sm" key={i}>
                    <Badge tt="none" size="sm" mr={6} color={s.effect === 'favourable' ? 'green' : 'red'} variant="light">{t(`impact.effect.${s.effect}`)}</Badge>
                    {t(`impact.rule.${s.rule}`, { side: t(`impact.side.${s.side}`) })} — {s.periods.map((p) => formatDate(p, lang)).join(', ')}
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
