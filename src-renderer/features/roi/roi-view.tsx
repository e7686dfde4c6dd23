import { useState } from 'react';
import {
  ActionIcon, Alert, Badge, Button, Card, Center, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Intervention } from '@shared/api';
import type { BenefitModel, InterventionRoi, RoiFigures } from '@shared/roi/schemas';
import { formatDate, formatMoney, formatNumber, formatPercent } from '@shared/format';
import { api } from '../../api/client';
import { askToDelete } from '../../components/confirm-delete';
import { DateField } from '../../components/date-field';
import { NeedsDepartment } from '../workspace/prerequisites';
import { useApp } from '../../stores';
import { BenefitModelForm } from './benefit-model-form';
import { useLoad } from '../../components/use-load';

const iso = (d: Date) => d.toISOString().slice(0, 10);
function defaultWindow() {
  const now = new Date();
  return { from: iso(new Date(Date.UTC(now.getUTCFullYear() - 1, 0, 1))), to: iso(new Date(Date.UTC(now.getUTCFullYear(), 11, 31))) };
}

/** `#/indicators/roi`: benefit models per intervention and the ROI the core computes over a window. */
export function RoiView() {
  const { t, i18n } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const departments = useApp((s) => s.departments);
  const filter = useApp((s) => s.departmentId);
  const [chosenDept, setChosenDept] = useState<string | null>(null);
  const departmentId = filter ?? chosenDept ?? departments[0]?.id ?? null;
  const [window, setWindow] = useState(defaultWindow);
  const [interventionId, setInterventionId] = useState<string | null>(null);
  const validWindow = !!window.from && !!window.to && window.from <= window.to;

  const dept = useLoad(async () => {
    if (!departmentId || !validWindow) return null;
    const [roi, interventions, indicators] = await Promise.all([
      api.call('roi.department', { departmentId, from: window.from, to: window.to }),
      api.call('interventions.list', { departmentId, limit: 1000 }),
      api.call('indicators.list', { departmentId, limit: 1000 }),
    ]);
    return { roi, interventions: interventions.items, indicators: indicators.items };
  }, [departmentId, window.from, window.to, validWindow]);

  const interventions = dept.data?.interventions ?? [];
  const current = interventions.find((i) => i.id === interventionId) ?? null;

  if (!departments.length) return <Card withBorder padding="xl"><NeedsDepartment /></Card>;

  return (
    <Stack gap="md" data-testid="roi-view">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('roi.title')}</Title>
          <Text c="dimmed" size="sm">{t('roi.subtitle')}</Text>
        </div>
        <Group gap="sm" align="flex-end">
          {!filter && (
            <Select label={tc('department.filter')} w={220} allowDeselect={false} value={departmentId}
              data={departments.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))} onChange={setChosenDept} />
          )}
          <DateField label={t('roi.from')} value={window.from} data-testid="roi-from" clearable={false} w={170}
            onChange={(v) => v && setWindow((w) => ({ ...w, from: v }))} />
          <DateField label={t('roi.to')} value={window.to} data-testid="roi-to" error={!validWindow ? t('roi.badWindow') : undefined}
            clearable={false} w={170} onChange={(v) => v && setWindow((w) => ({ ...w, to: v }))} />
        </Group>
      </Group>

      {dept.loading && !dept.data ? (
        <Center h={120}><Loader size="sm" /></Center>
      ) : dept.error ? (
        <Alert color="red">{dept.error}</Alert>
      ) : dept.data ? (
        <>
          <Paper withBorder radius="md" p="md" data-testid="roi-department">
            <Text fw={600} mb="xs">{t('roi.departmentTotals', { from: formatDate(dept.data.roi.from, lang), to: formatDate(dept.data.roi.to, lang) })}</Text>
            {dept.data.roi.totals.length === 0 ? (
              <Text size="sm" c="dimmed">{t('roi.noTotals')}</Text>
            ) : (
              <Stack gap="sm">{dept.data.roi.totals.map((f) => <Figures key={f.currency} f={f} testId="roi-dept-figures" />)}</Stack>
            )}
            {dept.data.roi.interventions.length > 0 && (
              <Table.ScrollContainer minWidth={800} mt="md">
                <Table fz="sm" highlightOnHover data-testid="roi-interventions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('roi.intervention')}</Table.Th>
                      <Table.Th ta="right">{t('roi.hard')}</Table.Th>
                      <Table.Th ta="right">{t('roi.soft')}</Table.Th>
                      <Table.Th ta="right">{t('roi.cost')}</Table.Th>
                      <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('roi.roiHard')}</Table.Th>
                      <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('roi.roiTotal')}</Table.Th>
                      <Table.Th ta="right">{t('roi.payback')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {dept.data.roi.interventions.map((r) => (
                      <Table.Tr key={r.interventionId} style={{ cursor: 'pointer' }} onClick={() => setInterventionId(r.interventionId)}
                        bg={r.interventionId === interventionId ? 'var(--mantine-color-indigo-0)' : undefined}>
                        <Table.Td>{r.title}</Table.Td>
                        <Table.Td ta="right">{formatMoney(r.benefit.hardCents, r.currency, lang)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(r.benefit.softCents, r.currency, lang)}</Table.Td>
                        <Table.Td ta="right">{formatMoney(r.costCents, r.currency, lang)}</Table.Td>
                        <Table.Td ta="right">{formatPercent(r.roiPct.hard, lang, 0)}</Table.Td>
                        <Table.Td ta="right">{formatPercent(r.roiPct.total, lang, 0)}</Table.Td>
                        <Table.Td ta="right">{months(r.paybackMonths.total, t)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {dept.data.roi.skipped.length > 0 && (
              <Text size="xs" c="dimmed" mt="xs">{t('roi.skipped', { titles: dept.data.roi.skipped.map((s) => s.title).join(', ') })}</Text>
            )}
          </Paper>

          <Select label={t('roi.pickIntervention')} searchable placeholder={t('roi.pickPlaceholder')} value={interventionId} onChange={setInterventionId}
            data={interventions.map((i) => ({ value: i.id, label: i.title }))} data-testid="roi-intervention" maw={520}
            nothingFoundMessage={t('roi.noInterventions')} />
          {current ? (
            <InterventionRoiPanel key={current.id} intervention={current} from={window.from} to={window.to} validWindow={validWindow}
              indicators={dept.data.indicators} />
          ) : (
            <Text size="sm" c="dimmed">{interventions.length ? t('roi.pickHint') : t('roi.noInterventions')}</Text>
          )}
        </>
      ) : null}
    </Stack>
  );
}

function months(n: number | null, t: (k: string, o?: Record<string, unknown>) => string) {
  return n === null ? t('roi.noPayback') : t('roi.months', { count: n });
}

function Figures({ f, testId }: { f: RoiFigures; testId?: string }) {
  const { t, i18n } = useTranslation('indicators');
  const lang = i18n.language;
  const m = (c: number) => formatMoney(c, f.currency, lang);
  const cell = (label: string, value: string, sub?: string, colour?: string) => (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} size="lg" c={colour} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      {sub && <Text size="xs" c="dimmed">{sub}</Text>}
    </div>
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 6 }} data-testid={testId}>
      {cell(t('roi.benefitHard'), m(f.benefit.hardCents), undefined, 'teal.8')}
      {cell(t('roi.benefitSoft'), m(f.benefit.softCents), undefined, 'indigo.6')}
      {cell(t('roi.benefitTotal'), m(f.benefit.totalCents))}
      {cell(t('roi.cost'), m(f.costCents), t('roi.costSplit', { oneOff: m(f.oneOffCostCents), recurring: m(f.recurringCostCents) }))}
      {cell(t('roi.roiPct'), formatPercent(f.roiPct.total, lang, 0), t('roi.hardOnly', { v: formatPercent(f.roiPct.hard, lang, 0) }))}
      {cell(t('roi.payback'), months(f.paybackMonths.total, t), t('roi.hardOnly', { v: months(f.paybackMonths.hard, t) }))}
    </SimpleGrid>
  );
}

function InterventionRoiPanel({ intervention, from, to, validWindow, indicators }: {
  intervention: Intervention;
  from: string;
  to: string;
  validWindow: boolean;
  indicators: import('@shared/api').Indicator[];
}) {
  const { t, i18n } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<BenefitModel | null>(null);
  const data = useLoad(async () => {
    const models = await api.call('benefitModels.list', { interventionId: intervention.id });
    const roi: InterventionRoi | null = validWindow && intervention.startDate
      ? await api.call('roi.intervention', { interventionId: intervention.id, from, to })
      : null;
    return { models, roi };
  }, [intervention.id, from, to, validWindow]);

  const lineOf = new Map((data.data?.roi?.models ?? []).map((l) => [l.benefitModelId, l]));
  const confirmDelete = (m: BenefitModel) =>
    askToDelete({
      title: t('roi.deleteTitle'),
      body: t('roi.deleteBody', { name: m.label ?? t(`roi.kind.${m.kind}`) }),
      remove: () => api.call('benefitModels.delete', { id: m.id }),
    });

  return (
    <Paper withBorder radius="md" p="md" data-testid="roi-intervention-panel">
      <Group justify="space-between" mb="sm">
        <div>
          <Text fw={600} size="lg">{intervention.title}</Text>
          <Text size="sm" c="dimmed">
            {intervention.startDate ? t('impact.started', { date: formatDate(intervention.startDate, lang) }) : t('impact.noStart')}
            {' · '}{t('roi.costs', { oneOff: formatMoney(intervention.oneOffCostCents, intervention.currency, lang), recurring: formatMoney(intervention.recurringCostCents, intervention.currency, lang) })}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => { setEditing(null); setFormOpen(true); }} data-testid="benefit-create">
          {t('roi.addModel')}
        </Button>
      </Group>
      {!intervention.startDate && <Alert color="yellow" icon={<IconAlertTriangle size={18} />} mb="sm">{t('roi.needsStart')}</Alert>}
      {data.loading && !data.data ? <Center h={80}><Loader size="sm" /></Center> : data.error ? <Alert color="red">{data.error}</Alert> : data.data && (
        <Stack gap="md">
          {data.data.roi && <Figures f={data.data.roi} testId="roi-figures" />}
          {data.data.models.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="benefit-empty">{t('roi.noModels')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table fz="sm" data-testid="benefit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('roi.model')}</Table.Th>
                    <Table.Th>{t('roi.form.classification')}</Table.Th>
                    <Table.Th>{t('roi.formula')}</Table.Th>
                    <Table.Th ta="right">{t('roi.benefitWindow')}</Table.Th>
                    <Table.Th w={80} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.data.models.map((m) => {
                    const line = lineOf.get(m.id);
                    return (
                      <Table.Tr key={m.id} data-testid="benefit-row">
                        <Table.Td>
                          <Text size="sm" fw={500}>{m.label ?? t(`roi.kind.${m.kind}`)}</Text>
                          {m.label && <Text size="xs" c="dimmed">{t(`roi.kind.${m.kind}`)}</Text>}
                        </Table.Td>
                        <Table.Td><Badge tt="none" variant="light" color={m.classification === 'hard' ? 'teal' : 'indigo'}>{t(`roi.${m.classification}`)}</Badge></Table.Td>
                        <Table.Td>
                          <Text size="xs" ff="monospace">{line?.formula ?? '—'}</Text>
                          {line?.missingRate && <Text size="xs" c="orange.7">{t('roi.missingRate')}</Text>}
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{line ? formatMoney(line.benefitCents, intervention.currency, lang) : '—'}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap" justify="flex-end">
                            <Tooltip label={tc('actions.edit')}>
                              <ActionIcon variant="subtle" aria-label={tc('actions.edit')} onClick={() => { setEditing(m); setFormOpen(true); }}><IconPencil size={16} /></ActionIcon>
                            </Tooltip>
                            <Tooltip label={tc('actions.delete')}>
                              <ActionIcon variant="subtle" color="red" aria-label={tc('actions.delete')} onClick={() => confirmDelete(m)}><IconTrash size={16} /></ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.data.roi && data.data.roi.months.length > 0 && (
            <Text size="xs" c="dimmed">{t('roi.monthsCounted', { n: formatNumber(data.data.roi.months.length, lang, 0) })}</Text>
          )}
        </Stack>
      )}
      <BenefitModelForm opened={formOpen} onClose={() => setFormOpen(false)} intervention={intervention} model={editing} indicators={indicators} />
    </Paper>
  );
}
