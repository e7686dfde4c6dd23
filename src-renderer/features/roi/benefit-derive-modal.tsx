import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Gap, Indicator, Intervention } from '@shared/api';
import type { BenefitDeriveInput, BenefitDerived } from '@shared/roi/derivation';
import { formatMoney, formatNumber } from '@shared/format';
import { api, ApiCallError } from '../../api/client';
import { notifySaved } from '../../components/api-form';
import { NumberField } from '../../components/number-field';
import { useApp } from '../../stores';
import { toCents } from '../../components/typed-numbers';

interface Props {
  opened: boolean;
  onClose(): void;
  intervention: Intervention;
  indicators: Indicator[];
  closedGaps: Gap[];
  currency: string;
}

type As = 'time_released' | 'cost_avoided' | 'cash_released';

/**
 * A benefit model from the data: a measured impact (only one the Impact tab calls an improvement),
 * × what one unit of it is worth; or a closed gap's hours no longer lost. The core computes it; the
 * preview shows its figures and where they come from before it is saved.
 */
export function BenefitDeriveModal({ opened, onClose, intervention, indicators, closedGaps, currency }: Props) {
  const { t, i18n } = useTranslation('roi');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [source, setSource] = useState<'impact' | 'gap'>('impact');
  const [indicatorId, setIndicatorId] = useState<string | null>(null);
  const [gapId, setGapId] = useState<string | null>(null);
  const [as, setAs] = useState<As>('time_released');
  const [perUnit, setPerUnit] = useState<number | string>('');
  const [revenue, setRevenue] = useState('');
  const [rate, setRate] = useState<number | string>('');
  const [label, setLabel] = useState('');
  const [preview, setPreview] = useState<BenefitDerived | null>(null);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);

  useEffect(() => {
    if (!opened) return;
    setPreview(null);
    setError(null);
  }, [opened, source, indicatorId, gapId, as, perUnit, revenue, rate]);

  const linkedGaps = closedGaps.filter((g) => g.status === 'closed');
  const unit = indicators.find((i) => i.id === indicatorId)?.unit || '1';

  const input = (): BenefitDeriveInput | null => {
    const common = { interventionId: intervention.id, ...(label.trim() ? { label: label.trim() } : {}) };
    if (source === 'gap') return gapId ? { source: 'gap', gapId, ...common } : null;
    if (!indicatorId) return null;
    const n = (v: number | string) => (v === '' ? undefined : Number(v));
    const cents = toCents(revenue);
    return {
      source: 'impact', indicatorId, as, ...common,
      ...(as === 'time_released' ? { hoursPerUnit: n(perUnit) } : {}),
      ...(as === 'cost_avoided' ? { amountPerUnitCents: (() => { const c = toCents(String(perUnit)); return c === null || Number.isNaN(c) ? undefined : c; })() } : {}),
      ...(as === 'cash_released' ? { annualRevenueCents: cents === null || Number.isNaN(cents) ? undefined : cents, financingRatePct: n(rate) } : {}),
    } as BenefitDeriveInput;
  };

  const run = async (dryRun: boolean) => {
    const i = input();
    if (!i) return;
    try {
      const r = await api.call('benefitModels.derive', { ...i, dryRun });
      if (dryRun) setPreview(r);
      else {
        notifySaved(tc('state.created'));
        bumpRevision();
        onClose();
      }
    } catch (e) {
      setError({ message: e instanceof Error ? e.message : String(e), field: e instanceof ApiCallError ? e.field : undefined });
    }
  };

  const p = preview?.model;
  const d = p?.derivedFrom;
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('derive.title')}>
      <Stack gap="sm" data-testid="benefit-derive-form">
        <SegmentedControl fullWidth value={source} onChange={(v) => setSource(v as 'impact' | 'gap')} data-testid="derive-source"
          data={[{ value: 'impact', label: t('derive.fromImpact') }, { value: 'gap', label: t('derive.fromGap') }]} />
        <Text size="xs" c="dimmed">{t(`derive.help.${source}`)}</Text>
        {source === 'impact' ? (
          <>
            <SimpleGrid cols={2}>
              <Select label={t('derive.indicator')} value={indicatorId} onChange={setIndicatorId} searchable data-testid="derive-indicator"
                data={indicators.map((i) => ({ value: i.id, label: i.name }))} error={error?.field === 'indicatorId' ? error.message : undefined} />
              <Select label={t('derive.as')} value={as} onChange={(v) => v && setAs(v as As)} allowDeselect={false} data-testid="derive-as"
                data={(['time_released', 'cost_avoided', 'cash_released'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </SimpleGrid>
            {as === 'time_released' && (
              <NumberField label={t('derive.hoursPerUnit', { unit })} min={0} value={perUnit} onChange={setPerUnit} data-testid="derive-per-unit"
                error={error?.field === 'hoursPerUnit' ? error.message : undefined} />
            )}
            {as === 'cost_avoided' && (
              <TextInput label={t('derive.amountPerUnit', { unit, currency })} inputMode="decimal" value={String(perUnit)} onChange={(e) => setPerUnit(e.currentTarget.value)}
                data-testid="derive-per-unit" error={error?.field === 'amountPerUnitCents' ? error.message : undefined} />
            )}
            {as === 'cash_released' && (
              <SimpleGrid cols={2}>
                <TextInput label={t('form.annualRevenue', { currency })} inputMode="decimal" value={revenue} onChange={(e) => setRevenue(e.currentTarget.value)}
                  error={error?.field === 'annualRevenueCents' ? error.message : undefined} />
                <NumberField label={t('form.financingRatePct')} min={0} max={100} suffix=" %" value={rate} onChange={setRate}
                  error={error?.field === 'financingRatePct' ? error.message : undefined} />
              </SimpleGrid>
            )}
          </>
        ) : (
          <Select label={t('derive.gap')} value={gapId} onChange={setGapId} searchable data-testid="derive-gap" nothingFoundMessage={t('derive.noClosedGap')}
            data={linkedGaps.map((g) => ({ value: g.id, label: g.title }))} error={error?.field === 'gapId' ? error.message : undefined} />
        )}
        <TextInput label={t('form.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
        {error && !['indicatorId', 'gapId', 'hoursPerUnit', 'amountPerUnitCents', 'annualRevenueCents', 'financingRatePct'].includes(error.field ?? '') && (
          <Alert color="orange" data-testid="derive-error">{error.message}</Alert>
        )}
        {p && d && (
          <Alert color="violet" variant="light" data-testid="derive-preview">
            <Text size="sm" fw={600}>{t(`kind.${p.kind}`)} · {t(p.classification)}</Text>
            <Text size="sm">
              {p.kind === 'time_released' && t('derive.previewHours', { hours: formatNumber(p.hoursPerMonth, lang) })}
              {p.kind === 'cost_avoided' && t('derive.previewAmount', { amount: formatMoney(p.amountCents, currency, lang) })}
              {p.kind === 'cash_released' && t('derive.previewDays', { days: formatNumber(p.daysImproved, lang) })}
            </Text>
            <Text size="xs" c="dimmed">
              {d.source === 'impact'
                ? t('derivedImpact', { indicator: d.indicatorName, improvement: formatNumber(d.improvement, lang), unit: d.unit, low: formatNumber(d.low, lang), high: formatNumber(d.high, lang), date: d.derivedOn })
                : t('derivedGap', { gap: d.gapTitle, cost: d.monthlyCostCents === null ? '—' : formatMoney(d.monthlyCostCents, currency, lang), date: d.derivedOn })}
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{tc('actions.cancel')}</Button>
          <Button variant="light" onClick={() => void run(true)} disabled={!input()} data-testid="derive-preview-button">{t('derive.preview')}</Button>
          <Button onClick={() => void run(false)} disabled={!preview} data-testid="derive-save">{tc('actions.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
