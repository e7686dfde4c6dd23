import { useEffect } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/fr';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, INTERVENTION_STATUSES, type Currency, type InterventionStatus } from '@shared/domain';
import type { Intervention } from '@shared/interventions/schemas';
import { rampUpMonths } from '@shared/impact/ramp-up';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import { VocabularySelect } from './vocabulary-select';

export interface InterventionFormModalProps {
  opened: boolean;
  onClose(): void;
  /** The intervention to edit; absent = create. */
  intervention?: Intervention | null;
  /** For a new one: its department (default: the header's). */
  departmentId?: string | null;
  onSaved?(intervention: Intervention): void;
}

interface Values {
  departmentId: string;
  title: string;
  kind: string | null;
  platform: string | null;
  owner: string;
  status: InterventionStatus;
  startDate: string | null;
  endDate: string | null;
  oneOffCost: number | string;
  recurringCost: number | string;
  currency: Currency;
  /** 1 unit of `currency` in the department's currency, when they differ. */
  fxRate: number | string;
  rampUpMonths: number | string;
  expectedBenefit: string;
  description: string;
}

const orNull = (s: string) => (s.trim() === '' ? null : s);
/** Amounts are typed in currency units and stored as whole cents, exactly. */
const toCents = (v: number | string): number | undefined => {
  if (v === '') return 0;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? Math.round(n * 100) : undefined;
};

function valuesOf(i: Intervention | null, departmentId: string, departmentCurrency: Currency | undefined): Values {
  return {
    departmentId: i?.departmentId ?? departmentId,
    title: i?.title ?? '',
    kind: i?.kind ?? null,
    platform: i?.platform ?? null,
    owner: i?.owner ?? '',
    status: i?.status ?? 'idea',
    startDate: i?.startDate ?? null,
    endDate: i?.endDate ?? null,
    oneOffCost: i ? i.oneOffCostCents / 100 : '',
    recurringCost: i ? i.recurringCostCents / 100 : '',
    currency: (i?.currency as Currency | undefined) ?? departmentCurrency ?? 'EUR',
    fxRate: i?.fxRate ?? '',
    rampUpMonths: i?.rampUpMonths ?? '',
    expectedBenefit: i?.expectedBenefit ?? '',
    description: i?.description ?? '',
  };
}

/** Create or edit an intervention; the core validates and its error lands at the field it names. */
export function InterventionFormModal({ opened, onClose, intervention, departmentId, onSaved }: InterventionFormModalProps) {
  const { t, i18n } = useTranslation('interventions');
  const { t: tc } = useTranslation();
  const departments = useApp((s) => s.departments);
  const headerDept = useApp((s) => s.departmentId);
  const { t: tf } = useTranslation('figures');
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(null, '', undefined) });
  const currencyOf = (id: string | null | undefined) => departments.find((d) => d.id === id)?.currency as Currency | undefined;
  const editing = !!intervention;

  useEffect(() => {
    if (!opened) return;
    const dep = intervention?.departmentId ?? departmentId ?? headerDept ?? departments[0]?.id ?? '';
    form.setValues(valuesOf(intervention ?? null, dep, currencyOf(dep)));
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, intervention?.id]);

  const submit = form.onSubmit(async (v) => {
    const oneOff = toCents(v.oneOffCost);
    const recurring = toCents(v.recurringCost);
    if (oneOff === undefined) return form.setFieldError('oneOffCost', t('form.notANumber'));
    if (recurring === undefined) return form.setFieldError('recurringCost', t('form.notANumber'));
    const body = {
      title: v.title,
      kind: v.kind ?? '',
      platform: v.platform,
      owner: orNull(v.owner),
      startDate: v.startDate || null,
      endDate: v.endDate || null,
      oneOffCostCents: oneOff,
      recurringCostCents: recurring,
      currency: v.currency,
      fxRate: v.currency === currencyOf(v.departmentId) || v.fxRate === '' ? null : Number(v.fxRate),
      rampUpMonths: v.rampUpMonths === '' ? null : Number(v.rampUpMonths),
      expectedBenefit: orNull(v.expectedBenefit),
      description: orNull(v.description),
    };
    try {
      const saved = intervention
        ? await api.call('interventions.update', { id: intervention.id, ...body })
        : await api.call('interventions.create', { departmentId: v.departmentId, status: v.status, ...body });
      notifySaved(editing ? tc('state.saved') : tc('state.created'));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      showApiError(e, form, { oneOffCostCents: 'oneOffCost', recurringCostCents: 'recurringCost' });
    }
  });

  const locale = i18n.language;
  const dept = form.values.departmentId || null;
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={editing ? t('form.editTitle') : t('form.createTitle')}>
      <form onSubmit={submit} data-testid="intervention-form">
        <Stack gap="sm">
          <TextInput label={t('form.title')} withAsterisk data-autofocus data-testid="intervention-title" {...form.getInputProps('title')} />
          {!editing && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label={tc('department.filter')} withAsterisk allowDeselect={false}
                data={departments.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))}
                data-testid="intervention-department" {...form.getInputProps('departmentId')} />
              <Select label={t('form.status')} allowDeselect={false}
                data={INTERVENTION_STATUSES.map((s) => ({ value: s, label: tc(`interventionStatus.${s}`) }))}
                data-testid="intervention-status" {...form.getInputProps('status')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <VocabularySelect kind="intervention_kind" departmentId={dept} label={t('form.kind')} withAsterisk
              description={t('form.kindHelp')} data-testid="intervention-kind" {...form.getInputProps('kind')} />
            <VocabularySelect kind="platform" departmentId={dept} label={t('form.platform')} clearable
              description={t('form.platformHelp')} data-testid="intervention-platform" {...form.getInputProps('platform')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('form.owner')} data-testid="intervention-owner" {...form.getInputProps('owner')} />
            <DatesProvider settings={{ locale: locale.startsWith('fr') ? 'fr' : 'en', firstDayOfWeek: 1 }}>
              <DateInput label={t('form.startDate')} valueFormat="YYYY-MM-DD" clearable data-testid="intervention-start" {...form.getInputProps('startDate')} />
              <DateInput label={t('form.endDate')} valueFormat="YYYY-MM-DD" clearable data-testid="intervention-end" {...form.getInputProps('endDate')} />
            </DatesProvider>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('form.oneOffCost')} decimalScale={2} min={0} thousandSeparator=" " data-testid="intervention-oneoff"
              {...form.getInputProps('oneOffCost')} />
            <NumberInput label={t('form.recurringCost')} decimalScale={2} min={0} thousandSeparator=" "
              data-testid="intervention-recurring" {...form.getInputProps('recurringCost')} />
            <Select label={t('form.currency')} allowDeselect={false} data={[...CURRENCIES]} data-testid="intervention-currency"
              {...form.getInputProps('currency')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {currencyOf(form.values.departmentId) && form.values.currency !== currencyOf(form.values.departmentId) ? (
              <NumberInput label={tf('intervention.fxRate', { currency: form.values.currency, department: currencyOf(form.values.departmentId) })}
                description={tf('intervention.fxRateHelp')} withAsterisk min={0} decimalScale={6} data-testid="intervention-fx-rate" {...form.getInputProps('fxRate')} />
            ) : (
              <div />
            )}
            <NumberInput label={tf('intervention.rampUp')} description={tf('intervention.rampUpHelp', { count: rampUpMonths(form.values.kind ?? '', null).months })}
              min={0} max={36} allowDecimal={false} placeholder={String(rampUpMonths(form.values.kind ?? '', null).months)}
              data-testid="intervention-ramp-up" {...form.getInputProps('rampUpMonths')} />
          </SimpleGrid>
          <Textarea label={t('form.expectedBenefit')} autosize minRows={2} maxRows={5} data-testid="intervention-benefit"
            {...form.getInputProps('expectedBenefit')} />
          <Textarea label={t('form.description')} autosize minRows={2} maxRows={6} data-testid="intervention-description"
            {...form.getInputProps('description')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" data-testid="intervention-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
