import { Badge, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@shared/api';
import type { ImpactResult } from '@shared/impact/schemas';
import type { PhaseSignal } from '@shared/indicators/xmr';
import { formatNumber, formatPercent } from '@shared/format';
import { periodLabel } from '../indicators/period-label';

function Figure({ label, value, sub, testId }: { label: string; value: string; sub?: string | undefined; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      {sub && <Text size="xs" c="dimmed">{sub}</Text>}
    </div>
  );
}

/** The effect with its interval (Newey–West), the AR(1) second opinion, the trend before, the placebo check, the XmR reading and Welch. */
export function ImpactFigures({ impact, indicator }: { impact: ImpactResult; indicator: Indicator }) {
  const { t, i18n } = useTranslation('impact');
  const lang = i18n.language;
  const u = indicator.unit ? ` ${indicator.unit}` : '';
  const signed = (v: number) => `${v > 0 ? '+' : ''}${formatNumber(v, lang)}${u}`;
  const range = (low: number, high: number) => `${signed(low)} … ${signed(high)}`;
  const its = impact.its;
  const e = impact.effect;
  const placebo = its?.placebo;
  const xmr = impact.xmr;
  return (
    <Stack gap="xs">
      {e && (
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure label={t('figures.effect')} value={signed(e.estimate)} sub={t('figures.effectSub')} testId="impact-effect" />
          <Figure label={t('figures.interval')} value={range(e.low, e.high)} sub={t('figures.intervalSub', { lag: its?.model?.lag ?? 0 })} testId="impact-interval" />
          <Figure label={t('figures.changePct')} value={impact.changePct === null ? '—' : `${impact.changePct > 0 ? '+' : ''}${formatPercent(impact.changePct, lang)}`}
            sub={t('figures.changePctSub')} testId="impact-change-pct" />
          <Figure label={t('figures.ar1')} value={its?.ar1 ? range(its.ar1.effect.low, its.ar1.effect.high) : '—'}
            sub={its?.ar1 ? t('figures.ar1Sub', { rho: formatNumber(its.ar1.rho, lang) }) : t('figures.ar1None')} testId="impact-ar1" />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        {its?.preTrend && (
          <Text size="sm" data-testid="impact-pretrend">
            <Text span fw={600}>{t('figures.preTrend')}</Text>{' '}
            {its.preTrend.significant
              ? t(its.preTrend.estimate > 0 ? 'figures.preTrendUp' : 'figures.preTrendDown', { slope: formatNumber(Math.abs(its.preTrend.estimate), lang, 3), unit: u })
              : t('figures.preTrendNone')}
          </Text>
        )}
        {placebo && (
          <Text size="sm" data-testid="impact-placebo" data-status={placebo.status}>
            <Text span fw={600}>{t('figures.placebo')}</Text>{' '}
            <Badge tt="none" size="sm" variant="light" color={placebo.status === 'passed' ? 'green' : placebo.status === 'failed' ? 'red' : 'gray'} mr={4}>
              {t(`placebo.${placebo.status}`)}
            </Badge>
            {placebo.status === 'not_possible'
              ? t('placebo.notPossibleSub')
              : t('placebo.sub', { significant: placebo.significant, tried: placebo.tried, allowed: placebo.allowed })}
          </Text>
        )}
        {xmr && (
          <Text size="sm" data-testid="impact-xmr">
            <Text span fw={600}>{t('figures.xmr')}</Text>{' '}
            {xmr.effect
              ? t('figures.xmrShift', { before: formatNumber(xmr.effect.baselineCentre, lang), after: formatNumber(xmr.effect.afterCentre, lang), difference: signed(xmr.effect.difference) })
              : t('figures.xmrNone')}
          </Text>
        )}
        {its?.welch && (
          <Text size="sm" c="dimmed" data-testid="impact-welch">
            <Text span fw={600}>{t('figures.welch')}</Text>{' '}
            {t('figures.welchValue', { diff: signed(its.welch.diff), low: signed(its.welch.low), high: signed(its.welch.high) })}
          </Text>
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** One line per rule and side: a run of 12 points beyond the limits reads as one finding, not twelve. */
function groupSignals(signals: PhaseSignal[]): PhaseSignal[] {
  const groups = new Map<string, PhaseSignal>();
  for (const s of signals) {
    const key = `${s.rule}|${s.side}|${s.effect}`;
    const g = groups.get(key);
    if (g) g.periods = [...new Set([...g.periods, ...s.periods])].sort();
    else groups.set(key, { ...s, periods: [...s.periods] });
  }
  return [...groups.values()];
}

/** Process-behaviour signals after the start, each against its own phase's limits. */
export function ImpactSignals({ impact, indicator }: { impact: ImpactResult; indicator: Indicator }) {
  const { t, i18n } = useTranslation('impact');
  const period = (p: string) => periodLabel(p, indicator.frequency, i18n.language);
  if (!impact.xmr) return null;
  const signals = groupSignals(impact.xmr.signalsAfter);
  return (
    <div>
      <Text size="sm" fw={600}>{t('signals.title')}</Text>
      {signals.length === 0 ? (
        <Text size="sm" c="dimmed">{t('signals.none')}</Text>
      ) : (
        <Stack gap={2} data-testid="impact-signals">
          {signals.map((s, i) => (
            <Text size="sm" key={i}>
              <Badge tt="none" size="sm" mr={6} color={s.effect === 'favourable' ? 'green' : 'red'} variant="light">{t(`signals.effect.${s.effect}`)}</Badge>
              {t(`signals.rule.${s.rule}`, { side: t(`signals.side.${s.side}`) })}{' '}
              <Text span c="dimmed" size="sm">({t('signals.points', { count: s.periods.length })}: {s.periods.length > 6
                ? `${period(s.periods[0]!)} – ${period(s.periods.at(-1)!)}`
                : s.periods.map(period).join(', ')})</Text>
            </Text>
          ))}
        </Stack>
      )}
    </div>
  );
}
