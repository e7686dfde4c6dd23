import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChartArrows, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Gap, Indicator, Intervention } from '@shared/api';
import type { BenefitModel } from '@shared/roi/schemas';
import type { InterventionRoi, RoiModelLine } from '@shared/roi/results';
import { formatMessage, messageLocale } from '@shared/messages';
import { formatDate, formatMoney, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { askToDelete } from '../../components/confirm-delete';
import { useLoad } from '../../components/use-load';
import { HowComputed } from '../../components/how-computed';
import { BenefitModelForm } from './benefit-model-form';
import { BenefitDeriveModal } from './benefit-derive-modal';
import { RoiFiguresView } from './roi-figures';
import { RoiMonthsTable } from './roi-months';

interface Props {
  intervention: Intervention;
  from: string;
  to: string;
  validWindow: boolean;
  indicators: Indicator[];
  closedGaps: Gap[];
  currency: string;
}

/** One intervention: its figures over the window and its lifetime, its benefit models and where they came from, month by month. */
export function InterventionRoiPanel({ intervention, from, to, validWindow, indicators, closedGaps, currency }: Props) {
  const { t, i18n } = useTranslation('roi');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const [formOpen, setFormOpen] = useState(false);
  const [deriveOpen, setDeriveOpen] = useState(false);
  const [editing, setEditing] = useState<BenefitModel | null>(null);
  const data = useLoad(async () => {
    const models = await api.call('benefitModels.list', { interventionId: intervention.id });
    const roi: InterventionRoi | null =
      validWindow && intervention.startDate ? await api.call('roi.intervention', { interventionId: intervention.id, ...(from ? { from } : {}), ...(to ? { to } : {}) }) : null;
    return { models, roi };
  }, [intervention.id, from, to, validWindow]);

  const lineOf = new Map((data.data?.roi?.models ?? []).map((l) => [l.benefitModelId, l]));
  const m = (c: number, cur = currency) => formatMoney(c, cur, lang);
  const confirmDelete = (bm: BenefitModel) =>
    askToDelete({
      title: t('deleteTitle'),
      body: t('deleteBody', { name: bm.label ?? t(`kind.${bm.kind}`) }),
      remove: () => api.call('benefitModels.delete', { id: bm.id }),
    });

  return (
    <Paper withBorder radius="md" p="md" data-testid="roi-intervention-panel">
      <Group justify="space-between" mb="sm" align="flex-start">
        <div>
          <Text fw={600} size="lg">{intervention.title}</Text>
          <Text size="sm" c="dimmed">
            {intervention.startDate ? t('started', { date: formatDate(intervention.startDate, lang) }) : t('noStart')}
            {intervention.endDate ? ` · ${t('ended', { date: formatDate(intervention.endDate, lang) })}` : ''}
            {' · '}{t('costs', { oneOff: m(intervention.oneOffCostCents, intervention.currency), recurring: m(intervention.recurringCostCents, intervention.currency) })}
            {intervention.fxRate !== null && ` · ${t('converted', { currency: intervention.currency, rate: intervention.fxRate, department: currency })}`}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconChartArrows size={16} />} onClick={() => setDeriveOpen(true)} data-testid="benefit-derive" disabled={!intervention.startDate}>
            {t('derive.open')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => { setEditing(null); setFormOpen(true); }} data-testid="benefit-create">
            {t('addModel')}
          </Button>
        </Group>
      </Group>
      {!intervention.startDate && <Alert color="yellow" icon={<IconAlertTriangle size={18} />} mb="sm">{t('needsStart')}</Alert>}
      {data.loading && !data.data ? <Center h={80}><Loader size="sm" /></Center> : data.error ? <Alert color="red">{data.error}</Alert> : data.data && (
        <Stack gap="md">
          {data.data.roi && (
            <>
              <Text size="sm" fw={600}>{t('periodTitle', { from: formatDate(data.data.roi.from, lang), to: formatDate(data.data.roi.to, lang) })}</Text>
              <RoiFiguresView f={data.data.roi} lifetime={data.data.roi.lifetime} testId="roi-figures" />
              <Text size="xs" c="dimmed" data-testid="roi-spread">
                {data.data.roi.oneOffSpread.totalCents > 0
                  ? t(`spread.${data.data.roi.oneOffSpread.rule}`, {
                      total: m(data.data.roi.oneOffSpread.totalCents), inWindow: m(data.data.roi.oneOffSpread.inWindowCents),
                      from: formatDate(data.data.roi.oneOffSpread.from, lang), to: formatDate(data.data.roi.oneOffSpread.to, lang),
                    })
                  : t('spread.none')}
                {' · '}
                {data.data.roi.lifetime.started
                  ? t('lifetimeLine', { from: formatDate(data.data.roi.lifetime.from, lang), to: formatDate(data.data.roi.lifetime.to, lang), cost: m(data.data.roi.lifetime.costCents), hard: m(data.data.roi.lifetime.benefit.hardCents) })
                  : t('notStarted')}
              </Text>
            </>
          )}
          {data.data.models.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="benefit-empty">{t('noModels')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table fz="sm" data-testid="benefit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('model')}</Table.Th>
                    <Table.Th>{t('form.classification')}</Table.Th>
                    <Table.Th>{t('formula')}</Table.Th>
                    <Table.Th ta="right">{t('benefitWindow')}</Table.Th>
                    <Table.Th w={80} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.data.models.map((bm) => (
                    <ModelRow key={bm.id} bm={bm} line={lineOf.get(bm.id)} currency={currency}
                      onEdit={() => { setEditing(bm); setFormOpen(true); }} onDelete={() => confirmDelete(bm)} editLabel={tc('actions.edit')} deleteLabel={tc('actions.delete')} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.data.roi && data.data.roi.months.length > 0 && <RoiMonthsTable roi={data.data.roi} />}
          {data.data.roi && <HowComputed method={data.data.roi.method} testId="roi-method" />}
        </Stack>
      )}
      <BenefitModelForm opened={formOpen} onClose={() => setFormOpen(false)} intervention={intervention} model={editing} indicators={indicators} currency={currency} />
      <BenefitDeriveModal opened={deriveOpen} onClose={() => setDeriveOpen(false)} intervention={intervention} indicators={indicators} closedGaps={closedGaps} currency={currency} />
    </Paper>
  );
}

function ModelRow({ bm, line, currency, onEdit, onDelete, editLabel, deleteLabel }: {
  bm: BenefitModel; line: RoiModelLine | undefined; currency: string; onEdit(): void; onDelete(): void; editLabel: string; deleteLabel: string;
}) {
  const { t, i18n } = useTranslation('roi');
  const lang = i18n.language;
  const loc = messageLocale(lang);
  const d = bm.derivedFrom;
  return (
    <Table.Tr data-testid="benefit-row">
      <Table.Td>
        <Text size="sm" fw={500}>{bm.label ?? t(`kind.${bm.kind}`)}</Text>
        <Text size="xs" c="dimmed">{t(`kind.${bm.kind}`)}{bm.lastsMonthsAfterEnd !== null ? ` · ${t('lasts', { count: bm.lastsMonthsAfterEnd })}` : ''}</Text>
        {d && (
          <Text size="xs" c="violet.8" data-testid="benefit-derived">
            {d.source === 'impact'
              ? t('derivedImpact', {
                  indicator: d.indicatorName, improvement: formatNumber(d.improvement, lang), unit: d.unit,
                  low: formatNumber(d.low, lang), high: formatNumber(d.high, lang), date: formatDate(d.derivedOn, lang),
                })
              : t('derivedGap', { gap: d.gapTitle, cost: d.monthlyCostCents === null ? '—' : formatMoney(d.monthlyCostCents, currency, lang), date: formatDate(d.derivedOn, lang) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td><Badge tt="none" variant="light" color={bm.classification === 'hard' ? 'teal' : 'indigo'}>{t(bm.classification)}</Badge></Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace">{line ? formatMessage(line.formula.key, line.formula.params, loc) : '—'}</Text>
        {line && <Text size="xs" c="dimmed">{t('life', { from: formatDate(line.life.from, lang), until: line.life.until ? formatDate(line.life.until, lang) : t('open') })}</Text>}
        {line?.missing && <Text size="xs" c="orange.7">{t(`missing.${line.missing}`)}</Text>}
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {line ? formatMoney(line.benefitCents, currency, lang) : '—'}
        {line && line.cashCents > 0 && <Text size="xs" c="dimmed">{t('cashLine', { cash: formatMoney(line.cashCents, currency, lang) })}</Text>}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label={editLabel}><ActionIcon variant="subtle" aria-label={editLabel} onClick={onEdit}><IconPencil size={16} /></ActionIcon></Tooltip>
          <Tooltip label={deleteLabel}><ActionIcon variant="subtle" color="red" aria-label={deleteLabel} onClick={onDelete}><IconTrash size={16} /></ActionIcon></Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
