import { useEffect } from 'react';
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Indicator, Intervention } from '@shared/api';
import { AMOUNT_PER, BENEFIT_KINDS, type BenefitKind, type BenefitModel } from '@shared/roi/schemas';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import { fromCents, toCents } from '../../components/typed-numbers';

interface Props {
  opened: boolean;
  onClose(): void;
  intervention: Intervention;
  model: BenefitModel | null;
  indicators: Indicator[];
  /** The department's currency: benefit models are valued in it. */
  currency: string;
}

// Field names are the core's, so that its errors land at the right field; money is typed in currency
// units and sent as cents.
interface Values {
  kind: BenefitKind;
  classification: 'hard' | 'soft';
  label: string;
  hoursPerMonth: number | string;
  hourlyRateCents: string;
  realisationPct: number | string;
  amountCents: string;
  amountPer: string;
  annualRevenueCents: string;
  daysImproved: number | string;
  financingRatePct: number | string;
  lastsMonthsAfterEnd: number | string;
  startDate: string;
  endDate: string;
  indicatorId: string | null;
  note: string;
}

const EMPTY: Values = {
  kind: 'time_released', classification: 'soft', label: '', hoursPerMonth: '', hourlyRateCents: '', realisationPct: '', amountCents: '',
  amountPer: 'month', annualRevenueCents: '', daysImproved: '', financingRatePct: '', lastsMonthsAfterEnd: '', startDate: '', endDate: '', indicatorId: null, note: '',
};

const num = (v: number | string) => (v === '' ? null : Number(v));
const text = (s: string) => (s.trim() === '' ? null : s.trim());

export function BenefitModelForm({ opened, onClose, intervention, model, indicators, currency }: Props) {
  const { t } = useTranslation('roi');
  const { t: tc } = useTranslation();
  const bumpRevision = useApp((s) => s.bumpRevision);
  const form = useForm<Values>({ mode: 'controlled', initialValues: EMPTY });

  useEffect(() => {
    if (!opened) return;
    const m = model;
    form.setValues(
      m
        ? {
            kind: m.kind, classification: m.classification, label: m.label ?? '', hoursPerMonth: m.hoursPerMonth ?? '',
            hourlyRateCents: fromCents(m.hourlyRateCents), realisationPct: m.realisationPct ?? '', amountCents: fromCents(m.amountCents),
            amountPer: m.amountPer ?? 'month', annualRevenueCents: fromCents(m.annualRevenueCents), daysImproved: m.daysImproved ?? '',
            financingRatePct: m.financingRatePct ?? '', lastsMonthsAfterEnd: m.lastsMonthsAfterEnd ?? '', startDate: m.startDate ?? '', endDate: m.endDate ?? '', indicatorId: m.indicatorId, note: m.note ?? '',
          }
        : EMPTY,
    );
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, model?.id]);

  const submit = form.onSubmit(async (v) => {
    const money: Record<'hourlyRateCents' | 'amountCents' | 'annualRevenueCents', number | null> = {
      hourlyRateCents: toCents(v.hourlyRateCents), amountCents: toCents(v.amountCents), annualRevenueCents: toCents(v.annualRevenueCents),
    };
    let bad = false;
    for (const [k, c] of Object.entries(money)) {
      if (Number.isNaN(c)) {
        form.setFieldError(k, t('form.badAmount'));
        bad = true;
      }
    }
    if (bad) return;
    const k = v.kind;
    // Only the fields of the chosen kind are sent; the others are cleared.
    const fields = {
      kind: k,
      classification: v.classification,
      label: text(v.label),
      hoursPerMonth: k === 'time_released' ? num(v.hoursPerMonth) : null,
      hourlyRateCents: k === 'time_released' ? money.hourlyRateCents : null,
      realisationPct: k === 'time_released' ? num(v.realisationPct) : null,
      amountCents: k === 'cost_avoided' || k === 'custom' ? money.amountCents : null,
      amountPer: k === 'cost_avoided' || k === 'custom' ? (v.amountPer as (typeof AMOUNT_PER)[number]) : null,
      annualRevenueCents: k === 'cash_released' ? money.annualRevenueCents : null,
      daysImproved: k === 'cash_released' ? num(v.daysImproved) : null,
      financingRatePct: k === 'cash_released' ? num(v.financingRatePct) : null,
      lastsMonthsAfterEnd: num(v.lastsMonthsAfterEnd),
      startDate: text(v.startDate),
      endDate: text(v.endDate),
      indicatorId: v.indicatorId || null,
      note: text(v.note),
    };
    try {
      if (model) await api.call('benefitModels.update', { id: model.id, ...fields });
      else await api.call('benefitModels.create', { interventionId: intervention.id, ...fields });
      notifySaved(model ? tc('state.saved') : tc('state.created'));
      bumpRevision();
      onClose();
    } catch (e) {
      showApiError(e, form);
    }
  });

  const cur = currency;
  const kind = form.values.kind;
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={model ? t('form.editTitle') : t('form.createTitle')}>
      <form onSubmit={submit} data-testid="benefit-form">
        <Stack gap="sm">
          <SegmentedControl fullWidth data={BENEFIT_KINDS.map((c) => ({ value: c, label: t(`kind.${c}`) }))} data-testid="benefit-kind"
            {...form.getInputProps('kind')} />
          <Text size="xs" c="dimmed">{t(`kindHelp.${kind}`)}</Text>
          <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
            <TextInput label={t('form.label')} data-autofocus data-testid="benefit-label" {...form.getInputProps('label')} />
            <div>
              <Text size="sm" fw={500} mb={4}>{t('form.classification')}</Text>
              <SegmentedControl fullWidth data={[{ value: 'hard', label: t('hard') }, { value: 'soft', label: t('soft') }]}
                data-testid="benefit-class" {...form.getInputProps('classification')} />
            </div>
          </SimpleGrid>
          {kind === 'time_released' && (
            <SimpleGrid cols={3} style={{ alignItems: 'end' }}>
              <NumberInput label={t('form.hoursPerMonth')} withAsterisk min={0} data-testid="benefit-hours" {...form.getInputProps('hoursPerMonth')} />
              <TextInput label={t('form.hourlyRate', { currency: cur })} placeholder={t('form.departmentRate')} inputMode="decimal"
                data-testid="benefit-rate" {...form.getInputProps('hourlyRateCents')} />
              <NumberInput label={t('form.realisationPct')} placeholder="100" min={0} max={100} suffix=" %" {...form.getInputProps('realisationPct')} />
            </SimpleGrid>
          )}
          {(kind === 'cost_avoided' || kind === 'custom') && (
            <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
              <TextInput label={t('form.amount', { currency: cur })} withAsterisk inputMode="decimal" data-testid="benefit-amount"
                {...form.getInputProps('amountCents')} />
              <Select label={t('form.amountPer')} allowDeselect={false} data={AMOUNT_PER.map((p) => ({ value: p, label: t(`per.${p}`) }))}
                data-testid="benefit-per" {...form.getInputProps('amountPer')} />
            </SimpleGrid>
          )}
          {kind === 'cash_released' && (
            <SimpleGrid cols={3} style={{ alignItems: 'end' }}>
              <TextInput label={t('form.annualRevenue', { currency: cur })} withAsterisk inputMode="decimal" data-testid="benefit-revenue"
                {...form.getInputProps('annualRevenueCents')} />
              <NumberInput label={t('form.daysImproved')} withAsterisk min={0} data-testid="benefit-days" {...form.getInputProps('daysImproved')} />
              <NumberInput label={t('form.financingRatePct')} description={t('form.financingHelp')} withAsterisk min={0} max={100} suffix=" %"
                data-testid="benefit-financing" {...form.getInputProps('financingRatePct')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={3} style={{ alignItems: 'end' }}>
            <TextInput type="date" label={t('form.startDate')} description={t('form.startHelp')} {...form.getInputProps('startDate')} />
            <TextInput type="date" label={t('form.endDate')} description={t('form.endHelp')} {...form.getInputProps('endDate')} />
            <NumberInput label={t('form.lastsMonthsAfterEnd')} description={t('form.lastsHelp')} min={0} max={120} allowDecimal={false}
              data-testid="benefit-lasts" {...form.getInputProps('lastsMonthsAfterEnd')} />
          </SimpleGrid>
          <SimpleGrid cols={1}>
            <Select label={t('form.indicator')} clearable data={indicators.map((i) => ({ value: i.id, label: i.name }))}
              {...form.getInputProps('indicatorId')} />
          </SimpleGrid>
          <Textarea label={t('form.note')} autosize minRows={1} maxRows={4} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" data-testid="benefit-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
