import { useMemo, useState } from 'react';
import {
  Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title,
} from '@mantine/core';
import { IconArrowLeft, IconFileImport, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildIndicatorTrendOption, INDICATOR_TREND_LABELS } from '@shared/charts/indicator-trend';
import { formatDate, formatNumber, formatPercent } from '@shared/format';
import { api } from '../../api/client';
import { LazyEChart as EChart } from '../../charts/lazy-chart';
import { askToDelete } from '../../components/confirm-delete';
import { useApp } from '../../stores';
import { ImpactPanel } from '../impact/impact-panel';
import { ImportWizard } from '../imports/lazy-import-wizard';
import { IndicatorFormModal } from './indicator-form-modal';
import { IndicatorLinks } from './indicator-links';
import { MeasurementGridEditor } from './measurement-grid';
import { RagBadge } from './rag-badge';
import { HowComputed } from '../../components/how-computed';
import HistoryPanel from '../history/HistoryPanel';
import { useLoad } from '../../components/use-load';
import { AfterFirstPaint } from '../../components/after-first-paint';

// Every read at once: only the department's lists wait for the indicator (they need its department),
// and they start as soon as it is here, not after the others.
async function loadAll(indicatorId: string) {
  const indicatorP = api.call('indicators.get', { id: indicatorId });
  const departmentLists = indicatorP.then((indicator) =>
    Promise.all([
      api.call('interventions.list', { departmentId: indicator.departmentId, limit: 1000 }),
      api.call('gaps.list', { departmentId: indicator.departmentId, limit: 1000 }),
    ]),
  );
  const [indicator, status, grid, xmr, links, [interventions, gaps]] = await Promise.all([
    indicatorP,
    api.call('indicators.status', { indicatorId }),
    api.call('measurements.grid', { indicatorId }),
    api.call('indicators.xmr', { indicatorId }),
    api.call('links.indicator.list', { indicatorId }),
    departmentLists,
  ]);
  return { indicator, status, grid, xmr, links, interventions: interventions.items, gaps: gaps.items };
}

export function IndicatorDetail({ indicatorId }: { indicatorId: string }) {
  const { t, i18n } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const { t: tf } = useTranslation('figures');
  const lang = i18n.language;
  const navigate = useApp((s) => s.navigate);
  const data = useLoad(() => loadAll(indicatorId), [indicatorId]);
  const [editOpen, setEditOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [tab, setTab] = useState<string | null>('measurements');

  const d = data.data;
  const linkedInterventions = useMemo(() => {
    if (!d) return [];
    const ids = new Set(d.links.map((l) => l.interventionId).filter(Boolean));
    return d.interventions.filter((i) => ids.has(i.id));
  }, [d]);

  const option = useMemo(() => {
    if (!d) return null;
    return buildIndicatorTrendOption({
      indicator: d.indicator,
      measurements: d.grid.rows.flatMap((r) => (r.value === null ? [] : [{ period: r.period, value: r.value }])),
      xmr: d.xmr.status === 'ok' ? d.xmr.limits : null,
      phases: d.xmr.status === 'ok'
        ? d.xmr.phases.map((p) => ({ from: p.from.period, to: p.to.period, centre: p.limits.centre, unpl: p.limits.unpl, lnpl: p.limits.lnpl }))
        : null,
      rangesAboveLimit: d.xmr.status === 'ok' ? d.xmr.rangesAboveLimit.map((r) => r.period) : null,
      interventions: linkedInterventions.flatMap((i) => (i.startDate ? [{ title: i.title, startDate: i.startDate }] : [])),
      status: d.status.status,
      labels: INDICATOR_TREND_LABELS[lang.startsWith('fr') ? 'fr' : 'en'],
      locale: lang,
    });
  }, [d, linkedInterventions, lang]);

  if (data.loading && !d) return <Center h={200}><Loader size="sm" /></Center>;
  if (data.error || !d) return <Alert color="red" title={tc('errors.generic')}>{data.error}</Alert>;

  const ind = d.indicator;
  const unit = ind.unit ? ` ${ind.unit}` : '';
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${formatNumber(v, lang)}${unit}`);

  const confirmDelete = () =>
    askToDelete({
      title: t('delete.title', { name: ind.name }),
      body: t('delete.body'),
      remove: () => api.call('indicators.delete', { id: ind.id }),
      after: () => {
        navigate('indicators');
      },
    });

  return (
    <Stack gap="md">
      <Anchor href="#/indicators" size="sm" onClick={(e) => { e.preventDefault(); navigate('indicators'); }}>
        <Group gap={4}><IconArrowLeft size={14} />{t('backToList')}</Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2} data-testid="indicator-title">{ind.name}</Title>
            <RagBadge status={d.status.status} watch={d.status.watch ? d.status.latestStatus : null} size="lg" />
          </Group>
          <Group gap={6} mt={6}>
            <Badge tt="none" variant="light" color="gray">{tc(`category.${ind.category}`)}</Badge>
            <Badge tt="none" variant="light" color="gray">{tc(`direction.${ind.direction}`)}</Badge>
            <Badge tt="none" variant="light" color="gray">{tc(`frequency.${ind.frequency}`)}</Badge>
            <Badge tt="none" variant="light" color="gray">{tc(`source.${ind.source}`)}{ind.sourceDetail ? ` · ${ind.sourceDetail}` : ''}</Badge>
            {ind.reference && <Badge tt="none" variant="outline" color="gray">{ind.reference}</Badge>}
          </Group>
          {ind.formula && <Text size="sm" c="dimmed" mt={6}>{tc('colon', { label: t('fields.formula') })} {ind.formula}</Text>}
        </div>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImportOpen(true)} data-testid="indicator-import">
            {t('import.open')}
          </Button>
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditOpen(true)} data-testid="indicator-edit">
            {tc('actions.edit')}
          </Button>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>{tc('actions.delete')}</Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 6 }}>
        <Stat label={t('fields.latest')} value={num(d.status.latest?.value)} sub={d.status.latest ? formatDate(d.status.latest.period, lang) : undefined} testId="stat-latest" />
        <Stat label={tf('status.judged')} value={num(d.status.judged?.value)} testId="stat-judged"
          sub={d.status.judged ? tf(`status.rule.${d.status.judged.rule}`, { count: d.status.judged.points.length }) : undefined} />
        <Stat label={t('fields.targetValue')} value={num(ind.targetValue)} sub={ind.targetDate ? formatDate(ind.targetDate, lang) : undefined} />
        <Stat label={t('fields.baselineValue')} value={num(ind.baselineValue)} sub={ind.baselineDate ? formatDate(ind.baselineDate, lang) : undefined} />
        <Stat label={t('stats.band')} value={d.status.band ? `${formatNumber(d.status.band.low, lang)} – ${formatNumber(d.status.band.high, lang)}${unit}` : '—'}
          sub={t('stats.tolerance', { pct: formatPercent(ind.tolerancePct, lang) })} />
        <Stat label={t('stats.missing')} value={String(d.status.missingPeriods)} sub={d.status.stale ? t('stats.stale') : undefined} warn={d.status.missingPeriods > 0} />
      </SimpleGrid>
      <HowComputed method={d.status.method} testId="status-method" />

      <Paper withBorder radius="md" p="md">
        {option && d.grid.rows.some((r) => r.value !== null) ? (
          <EChart option={option} height={380} locale={lang} ariaLabel={t('chart.aria', { name: ind.name })} data-testid="indicator-chart" />
        ) : (
          <Center h={160} data-testid="indicator-chart-empty">
            <Stack align="center" gap={6}>
              <Text fw={600}>{t('chart.emptyTitle')}</Text>
              <Text size="sm" c="dimmed">{t('chart.emptyBody')}</Text>
            </Stack>
          </Center>
        )}
        {d.xmr.status === 'ok' ? (
          <Text size="xs" c="dimmed" mt={4} data-testid="xmr-summary">
            {t('chart.xmr', {
              centre: formatNumber(d.xmr.limits.centre, lang), lnpl: formatNumber(d.xmr.limits.lnpl, lang), unpl: formatNumber(d.xmr.limits.unpl, lang),
              n: d.xmr.limits.n, basis: t(`chart.basis.${d.xmr.basis}`),
            })}
            {d.xmr.phases.length > 1 && ` ${tf('xmr.phases', { count: d.xmr.phases.length, centre: formatNumber(d.xmr.phases.at(-1)!.limits.centre, lang), from: formatDate(d.xmr.phases.at(-1)!.from.period, lang) })}`}
            {d.xmr.rangesAboveLimit.length > 0 && ` ${tf('xmr.jumps', { count: d.xmr.rangesAboveLimit.length })}`}
          </Text>
        ) : (
          <Text size="xs" c="dimmed" mt={4}>{t('chart.xmrNotEnough', { have: d.xmr.have, need: d.xmr.needed })}</Text>
        )}
        <HowComputed method={d.xmr.method} testId="xmr-method" />
      </Paper>

      {/* The tabs (a grid of two inputs per period) after the figures and the chart. */}
      <AfterFirstPaint fallback={<Center h={120}><Loader size="sm" /></Center>}>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="measurements" data-testid="tab-measurements">{t('tabs.measurements')}</Tabs.Tab>
          <Tabs.Tab value="impact" data-testid="tab-impact">{t('tabs.impact')} ({linkedInterventions.length})</Tabs.Tab>
          <Tabs.Tab value="links" data-testid="tab-links">{t('tabs.links')} ({d.links.length})</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">{t('tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="measurements" pt="md">
          <MeasurementGridEditor indicator={ind} grid={d.grid} onImport={() => setImportOpen(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="impact" pt="md">
          <ImpactPanel indicator={ind} interventions={linkedInterventions} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel entity="indicators" id={d.indicator.id} />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <IndicatorLinks indicator={ind} links={d.links} gaps={d.gaps} interventions={d.interventions} />
        </Tabs.Panel>
      </Tabs>
      </AfterFirstPaint>

      <IndicatorFormModal opened={editOpen} onClose={() => setEditOpen(false)} indicator={ind} />
      <ImportWizard opened={importOpen} onClose={() => setImportOpen(false)} departmentId={ind.departmentId} indicators={[ind]} indicatorId={ind.id} />
    </Stack>
  );
}

function Stat({ label, value, sub, warn, testId }: { label: string; value: string; sub?: string | undefined; warn?: boolean; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} c={warn ? 'orange.7' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      {sub && <Text size="xs" c="dimmed">{sub}</Text>}
    </Paper>
  );
}
