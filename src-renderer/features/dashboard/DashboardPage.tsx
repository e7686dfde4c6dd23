import { useMemo, useState } from 'react';
import { Alert, Card, Center, Group, Loader, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GapType, InterventionStatus } from '@shared/domain';
import type { RelativePeriod } from '@shared/reports/period';
import { buildGapCostOption, type GapCostDatum } from '@shared/charts/gap-cost';
import { buildGapFlowOption } from '@shared/charts/gap-flow';
import { buildInterventionMixOption } from '@shared/charts/intervention-mix';
import { buildBenefitCostOption } from '@shared/charts/benefit-cost';
import { buildDepartmentsCompareOption } from '@shared/charts/departments-compare';
import { buildPlaybookOption, type PlaybookDatum } from '@shared/charts/playbook';
import { formatDate, formatPercent } from '@shared/format';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';
import { AfterFirstPaint } from '../../components/after-first-paint';
import { useWorkspaceInfo } from '../../components/use-workspace-info';
import { LazyEChart as EChart } from '../../charts/lazy-chart';
import { EMPTY_REGISTER } from '../gaps/register-filters';
import { FirstRun, showsFirstRun } from '../workspace/first-run';
import { appChartLabels } from './chart-labels';
import { DEFAULT_PERIOD, dashboardInput, dashboardWindow } from './dashboard-query';
import { HeadlineTiles } from './headline-tiles';
import { IndicatorGrid } from './indicator-grid';

// The dashboard of the department chosen in the header (or of all): every figure from one core call
// (dashboard.get), charts from the same option builders as the reports; each chart opens the list behind it.

const PERIODS: RelativePeriod[] = ['last_quarter', 'ytd', 'last_12_months'];
const lastDay = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);

function ChartCard({ title, help, children, span }: { title: string; help?: string; children: React.ReactNode; span?: number }) {
  return (
    <Card withBorder padding="md" style={span ? { gridColumn: `span ${span}` } : undefined}>
      <Text fw={600}>{title}</Text>
      {help && <Text size="xs" c="dimmed" mb={4}>{help}</Text>}
      {children}
    </Card>
  );
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation('dashboard');
  const { t: tc } = useTranslation();
  const locale = i18n.language;
  const info = useWorkspaceInfo();
  const departmentId = useApp((s) => s.departmentId);
  const setDepartmentId = useApp((s) => s.setDepartmentId);
  const navigate = useApp((s) => s.navigate);
  const patchRegister = useApp((s) => s.patchRegister);
  const patchInterventions = useApp((s) => s.patchInterventionFilter);
  const [period, setPeriod] = useState<RelativePeriod>(DEFAULT_PERIOD);
  const w = dashboardWindow(period);
  const data = useLoad(() => api.call('dashboard.get', dashboardInput(departmentId, period)), [departmentId, w.from, w.to]);
  const d = data.data;
  const currency = d?.headline.openGapCost[0]?.currency ?? d?.charts.benefitCost[0]?.currency ?? 'EUR';
  const L = useMemo(() => appChartLabels(t, tc, locale, currency), [t, tc, locale, currency]);

  const openRegister = (patch: Partial<typeof EMPTY_REGISTER>) => {
    patchRegister({ ...EMPTY_REGISTER, ...patch });
    navigate('gaps');
  };
  const openInterventions = (status: InterventionStatus | null, kind: string | null) => {
    patchInterventions({ status, kind });
    navigate('interventions');
  };
  const open = {
    gaps: () => openRegister({ status: ['open', 'addressing'] }),
    closed: () => openRegister({ status: ['closed'], closed: w }),
    indicators: () => navigate('indicators'),
    interventions: () => openInterventions('running', null),
  };

  // A workspace with nothing to show yet gets the first-run choices instead of empty charts.
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
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('title')}</Title>
          <Text c="dimmed" size="sm">{t('subtitle')}</Text>
        </div>
        <Stack gap={2} align="flex-end">
          <SegmentedControl value={period} onChange={(v) => setPeriod(v as RelativePeriod)} data={PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))} data-testid="dashboard-period" />
          <Text size="xs" c="dimmed">{formatDate(w.from, locale)} – {formatDate(w.to, locale)}{d ? ` · ${t('comparedWith', { from: formatDate(d.previous.from, locale), to: formatDate(d.previous.to, locale) })}` : ''}</Text>
        </Stack>
      </Group>

      {data.error && <Alert color="red">{data.error}</Alert>}
      {!d ? (
        <Center h={200}><Loader size="sm" /></Center>
      ) : (
        <>
          <HeadlineTiles h={d.headline} locale={locale} open={open} />
          {/* The figures first; the charts (options built, ECharts drawn) in the render after. */}
          <AfterFirstPaint fallback={<SimpleGrid cols={{ base: 1, lg: 2 }}><Skeleton height={340} animate={false} /><Skeleton height={340} animate={false} /></SimpleGrid>}>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartCard title={t('charts.gapCost')} help={t('charts.clickHelp')}>
              <EChart option={buildGapCostOption(d.charts.gapCost[0]?.cells ?? [], L)} height={300} ariaLabel={t('charts.gapCost')} locale={locale} data-testid="chart-gap-cost"
                onItemClick={(x) => { const c = x as GapCostDatum; openRegister({ type: [c.type as GapType], severityMin: c.severity, severityMax: c.severity, status: ['open', 'addressing'] }); }} />
            </ChartCard>
            <ChartCard title={t('charts.gapFlow')} help={t('charts.clickHelp')}>
              <EChart option={buildGapFlowOption(d.charts.gapFlow, L)} height={300} ariaLabel={t('charts.gapFlow')} locale={locale} data-testid="chart-gap-flow"
                onItemClick={(x) => {
                  const { month, flow } = x as { month: string; flow: 'opened' | 'closed' };
                  const range = { from: `${month}-01`, to: lastDay(month) };
                  openRegister(flow === 'closed' ? { status: ['closed'], closed: range } : { found: range });
                }} />
            </ChartCard>
          </SimpleGrid>
          <ChartCard title={t('charts.indicators')} help={t('charts.indicatorsHelp')}>
            <IndicatorGrid tiles={d.charts.indicators} locale={locale} onOpen={(id) => navigate('indicators', id)} />
          </ChartCard>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartCard title={t('charts.interventionMix')} help={t('charts.clickHelp')}>
              <EChart option={buildInterventionMixOption(d.charts.interventionMix, L)} height={300} ariaLabel={t('charts.interventionMix')} locale={locale} data-testid="chart-intervention-mix"
                onItemClick={(x) => { const c = x as { kind: string; status: InterventionStatus }; openInterventions(c.status, c.kind); }} />
            </ChartCard>
            <ChartCard title={t('charts.benefitCost')} help={t('charts.benefitCostHelp')}>
              <EChart option={buildBenefitCostOption(d.charts.benefitCost[0]?.months ?? [], L)} height={300} ariaLabel={t('charts.benefitCost')} locale={locale} data-testid="chart-benefit-cost"
                onItemClick={() => openInterventions('running', null)} />
            </ChartCard>
          </SimpleGrid>
          {d.departments && (
            <ChartCard title={t('charts.departments')} help={t('charts.departmentsHelp')}>
              <EChart option={buildDepartmentsCompareOption(d.departments, { openGaps: t('headline.openGaps'), loopsClosed: t('headline.loopsClosed'), interventionsRunning: t('headline.interventionsRunning'), indicatorsGreen: t('headline.onTarget') })}
                height={300} ariaLabel={t('charts.departments')} locale={locale} data-testid="chart-departments"
                onItemClick={(x) => setDepartmentId((x as { departmentId: string }).departmentId)} />
            </ChartCard>
          )}
          <ChartCard title={t('charts.playbook')} help={t('charts.playbookHelp')}>
            {d.playbook.length === 0 ? (
              <Text size="sm" c="dimmed">{t('charts.playbookEmpty')}</Text>
            ) : (
              <EChart option={buildPlaybookOption(d.playbook, L, (v) => formatPercent(v, locale, 0))} height={Math.max(240, 110 + new Set(d.playbook.map((c) => c.kind)).size * 40)}
                ariaLabel={t('charts.playbook')} locale={locale} data-testid="chart-playbook"
                onItemClick={(x) => { const c = x as PlaybookDatum; openRegister({ status: ['closed'], type: [c.gapType as GapType], interventionKind: c.kind }); }} />
            )}
          </ChartCard>
          </AfterFirstPaint>
        </>
      )}
    </Stack>
  );
}
