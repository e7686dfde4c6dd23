import { useState } from 'react';
import { Alert, Card, Center, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DepartmentRoi } from '@shared/roi/results';
import { formatDate, formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';
import { HowComputed } from '../../components/how-computed';
import { RoiFiguresView, roiText } from './roi-figures';
import { InterventionRoiPanel } from './roi-intervention-panel';

/**
 * `#/indicators/roi`: what each intervention returns against its cost over a window — by default
 * the 12 last complete months, as the core chooses — with hard ROI as the headline.
 */
export function RoiView() {
  const { t } = useTranslation('roi');
  const { t: tc } = useTranslation();
  const departments = useApp((s) => s.departments);
  const filter = useApp((s) => s.departmentId);
  const [chosenDept, setChosenDept] = useState<string | null>(null);
  const departmentId = filter ?? chosenDept ?? departments[0]?.id ?? null;
  const [window, setWindow] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [interventionId, setInterventionId] = useState<string | null>(null);
  const validWindow = !window.from || !window.to || window.from <= window.to;

  const dept = useLoad(async () => {
    if (!departmentId || !validWindow) return null;
    const [roi, interventions, indicators, gaps] = await Promise.all([
      api.call('roi.department', { departmentId, ...(window.from ? { from: window.from } : {}), ...(window.to ? { to: window.to } : {}) }),
      api.call('interventions.list', { departmentId, limit: 1000 }),
      api.call('indicators.list', { departmentId, limit: 1000 }),
      api.call('gaps.list', { departmentId, status: 'closed', limit: 1000 }),
    ]);
    return { roi, interventions: interventions.items, indicators: indicators.items, closedGaps: gaps.items };
  }, [departmentId, window.from, window.to, validWindow]);

  const shown = { from: window.from ?? dept.data?.roi.from ?? '', to: window.to ?? dept.data?.roi.to ?? '' };
  const interventions = dept.data?.interventions ?? [];
  const current = interventions.find((i) => i.id === interventionId) ?? null;

  if (!departments.length) return <Card withBorder padding="xl"><Text c="dimmed" ta="center">{t('noDepartment')}</Text></Card>;

  return (
    <Stack gap="md" data-testid="roi-view">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('title')}</Title>
          <Text c="dimmed" size="sm">{t('subtitle')}</Text>
        </div>
        <Group gap="sm" align="flex-end">
          {!filter && (
            <Select label={tc('department.filter')} w={220} allowDeselect={false} value={departmentId}
              data={departments.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))} onChange={setChosenDept} />
          )}
          <TextInput type="date" label={t('from')} value={shown.from} data-testid="roi-from"
            onChange={(e) => { const v = e.currentTarget.value; setWindow((w) => ({ ...w, from: v || null })); }} />
          <TextInput type="date" label={t('to')} value={shown.to} data-testid="roi-to" error={!validWindow ? t('badWindow') : undefined}
            onChange={(e) => { const v = e.currentTarget.value; setWindow((w) => ({ ...w, to: v || null })); }} />
        </Group>
      </Group>
      {!window.from && !window.to && dept.data && <Text size="xs" c="dimmed" mt={-8} data-testid="roi-default-window">{t('defaultWindow')}</Text>}

      {dept.loading && !dept.data ? (
        <Center h={120}><Loader size="sm" /></Center>
      ) : dept.error ? (
        <Alert color="red">{dept.error}</Alert>
      ) : dept.data ? (
        <>
          <DepartmentTotals roi={dept.data.roi} selected={interventionId} onSelect={setInterventionId} />
          <Select label={t('pickIntervention')} searchable placeholder={t('pickPlaceholder')} value={interventionId} onChange={setInterventionId}
            data={interventions.map((i) => ({ value: i.id, label: i.title }))} data-testid="roi-intervention" maw={520}
            nothingFoundMessage={t('noInterventions')} />
          {current ? (
            <InterventionRoiPanel key={current.id} intervention={current} from={shown.from} to={shown.to} validWindow={validWindow}
              indicators={dept.data.indicators} closedGaps={dept.data.closedGaps} currency={dept.data.roi.currency} />
          ) : (
            <Text size="sm" c="dimmed">{interventions.length ? t('pickHint') : t('noInterventions')}</Text>
          )}
        </>
      ) : null}
    </Stack>
  );
}

function DepartmentTotals({ roi, selected, onSelect }: { roi: DepartmentRoi; selected: string | null; onSelect(id: string): void }) {
  const { t, i18n } = useTranslation('roi');
  const lang = i18n.language;
  const m = (c: number) => formatMoney(c, roi.currency, lang);
  return (
    <Paper withBorder radius="md" p="md" data-testid="roi-department">
      <Text fw={600} mb="xs">{t('departmentTotals', { from: formatDate(roi.from, lang), to: formatDate(roi.to, lang), currency: roi.currency })}</Text>
      {roi.interventions.length === 0 ? (
        <Text size="sm" c="dimmed">{t('noTotals')}</Text>
      ) : (
        <RoiFiguresView f={roi.total} lifetime={roi.lifetime} testId="roi-dept-figures" />
      )}
      {roi.interventions.length > 0 && (
        <Table.ScrollContainer minWidth={960} mt="md">
          <Table fz="sm" highlightOnHover data-testid="roi-interventions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('table.intervention')}</Table.Th>
                <Table.Th ta="right">{t('table.roiHard')}</Table.Th>
                <Table.Th ta="right">{t('table.hard')}</Table.Th>
                <Table.Th ta="right">{t('table.cost')}</Table.Th>
                <Table.Th ta="right">{t('table.soft')}</Table.Th>
                <Table.Th ta="right">{t('table.roiWithSoft')}</Table.Th>
                <Table.Th ta="right">{t('table.cash')}</Table.Th>
                <Table.Th ta="right">{t('table.lifetime')}</Table.Th>
                <Table.Th ta="right">{t('table.payback')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roi.interventions.map((r) => (
                <Table.Tr key={r.interventionId} style={{ cursor: 'pointer' }} onClick={() => onSelect(r.interventionId)}
                  bg={r.interventionId === selected ? 'var(--mantine-color-indigo-0)' : undefined} data-testid="roi-row">
                  <Table.Td>{r.title}{r.fxRate !== null && <Text span size="xs" c="dimmed"> · {t('converted', { currency: r.interventionCurrency, rate: r.fxRate, department: r.currency })}</Text>}</Table.Td>
                  <Table.Td ta="right" fw={700}>{roiText(r, 'hard', lang, t('noCost'))}</Table.Td>
                  <Table.Td ta="right">{m(r.benefit.hardCents)}</Table.Td>
                  <Table.Td ta="right">{m(r.costCents)}</Table.Td>
                  <Table.Td ta="right" c="indigo.7">{m(r.benefit.softCents)}</Table.Td>
                  <Table.Td ta="right" c="dimmed">{roiText(r, 'withSoft', lang, t('noCost'))}</Table.Td>
                  <Table.Td ta="right" c="dimmed">{r.cashReleasedCents ? m(r.cashReleasedCents) : '—'}</Table.Td>
                  <Table.Td ta="right">{r.lifetime.started ? roiText(r.lifetime, 'hard', lang, t('noCost')) : t('notStarted')}</Table.Td>
                  <Table.Td ta="right">{r.lifetime.paybackMonths.hard === null ? t('noPayback') : t('months', { count: r.lifetime.paybackMonths.hard })}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700} data-testid="roi-total-row">
                <Table.Td>{t('table.total')}</Table.Td>
                <Table.Td ta="right">{roiText(roi.total, 'hard', lang, t('noCost'))}</Table.Td>
                <Table.Td ta="right">{m(roi.total.benefit.hardCents)}</Table.Td>
                <Table.Td ta="right">{m(roi.total.costCents)}</Table.Td>
                <Table.Td ta="right" c="indigo.7">{m(roi.total.benefit.softCents)}</Table.Td>
                <Table.Td ta="right" c="dimmed">{roiText(roi.total, 'withSoft', lang, t('noCost'))}</Table.Td>
                <Table.Td ta="right" c="dimmed">{roi.total.cashReleasedCents ? m(roi.total.cashReleasedCents) : '—'}</Table.Td>
                <Table.Td ta="right">{roiText(roi.lifetime, 'hard', lang, t('noCost'))}</Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {roi.skipped.length > 0 && (
        <Stack gap={2} mt="xs" data-testid="roi-skipped">
          {roi.skipped.map((s) => (
            <Text key={s.interventionId} size="xs" c={s.reason === 'currency_without_rate' ? 'orange.8' : 'dimmed'}>
              {t(`skipped.${s.reason}`, { title: s.title, currency: s.currency ?? '', department: roi.currency })}
            </Text>
          ))}
        </Stack>
      )}
      <HowComputed method={roi.method} testId="roi-dept-method" />
    </Paper>
  );
}
