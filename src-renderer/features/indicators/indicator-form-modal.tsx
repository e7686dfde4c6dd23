import { useEffect } from 'react';
import { Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@shared/api';
import { INDICATOR_AGGREGATIONS, INDICATOR_CATEGORIES, INDICATOR_DIRECTIONS, INDICATOR_FREQUENCIES, INDICATOR_SOURCES } from '@shared/domain';
import { aggregationForUnit } from '@shared/indicators/aggregation';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { DateField } from '../../components/date-field';
import { NumberField } from '../../components/number-field';
import { resetForm, useConfirmClose } from '../../components/use-confirm-close';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';

export interface IndicatorFormModalProps {
  opened: boolean;
  onClose(): void;
  indicator?: Indicator | null;
  onSaved?(indicator: Indicator): void;
}

interface Values {
  departmentId: string;
  name: string;
  unit: string;
  direction: string;
  category: string;
  baselineValue: number | string;
  baselineDate: string;
  targetValue: number | string;
  targetDate: string;
  tolerancePct: number | string;
  frequency: string;
  /** '' = from the unit (the core decides on create). */
  aggregation: string;
  source: string;
  sourceDetail: string;
  formula: string;
  reference: string;
  processId: string | null;
}

const EMPTY: Values = {
  departmentId: '', name: '', unit: '', direction: 'lower', category: 'outcome', baselineValue: '', baselineDate: '', targetValue: '',
  targetDate: '', tolerancePct: 10, frequency: 'monthly', aggregation: '', source: 'manual', sourceDetail: '', formula: '', reference: '', processId: null,
};

const orNull = (s: string | null) => (!s || s.trim() === '' ? null : s.trim());
const numOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));

export function IndicatorFormModal({ opened, onClose, indicator, onSaved }: IndicatorFormModalProps) {
  const { t } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const departments = useApp((s) => s.departments);
  const filter = useApp((s) => s.departmentId);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const form = useForm<Values>({ mode: 'controlled', initialValues: EMPTY });
  const departmentId = form.values.departmentId;
  const processes = useLoad(
    () => (departmentId ? api.call('processes.list', { departmentId, limit: 1000 }).then((p) => p.items) : Promise.resolve([])),
    [departmentId],
  );

  useEffect(() => {
    if (!opened) return;
    const i = indicator;
    resetForm(form, 
      i
        ? {
            departmentId: i.departmentId, name: i.name, unit: i.unit, direction: i.direction, category: i.category,
            baselineValue: i.baselineValue ?? '', baselineDate: i.baselineDate ?? '', targetValue: i.targetValue ?? '',
            targetDate: i.targetDate ?? '', tolerancePct: i.tolerancePct, frequency: i.frequency, aggregation: i.aggregation, source: i.source,
            sourceDetail: i.sourceDetail ?? '', formula: i.formula ?? '', reference: i.reference ?? '', processId: i.processId,
          }
        : { ...EMPTY, departmentId: filter ?? (departments.length === 1 ? departments[0]!.id : '') },
    );
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, indicator?.id]);

  const submit = form.onSubmit(async (v) => {
    const fields = {
      name: v.name,
      unit: v.unit,
      direction: v.direction as Indicator['direction'],
      category: v.category as Indicator['category'],
      baselineValue: numOrNull(v.baselineValue),
      baselineDate: orNull(v.baselineDate),
      targetValue: numOrNull(v.targetValue),
      targetDate: orNull(v.targetDate),
      tolerancePct: v.tolerancePct === '' ? 0 : Number(v.tolerancePct),
      frequency: v.frequency as Indicator['frequency'],
      aggregation: (v.aggregation || aggregationForUnit(v.unit)) as Indicator['aggregation'],
      source: v.source as Indicator['source'],
      sourceDetail: orNull(v.sourceDetail),
      formula: orNull(v.formula),
      reference: orNull(v.reference),
      processId: v.processId || null,
    };
    try {
      const saved = indicator
        ? await api.call('indicators.update', { id: indicator.id, ...fields })
        : await api.call('indicators.create', { departmentId: v.departmentId, ...fields });
      notifySaved(indicator ? tc('state.saved') : tc('state.created'));
      bumpRevision();
      onSaved?.(saved);
      onClose();
    } catch (e) {
      showApiError(e, form);
    }
  });

  const options = <T extends string>(codes: readonly T[], ns: string) => codes.map((c) => ({ value: c, label: tc(`${ns}.${c}`) }));

  const close = useConfirmClose(() => form.isDirty(), onClose);

  return (
    <Modal opened={opened} onClose={close} title={indicator ? t('form.editTitle') : t('form.createTitle')} size="xl">
      <form onSubmit={submit} data-testid="indicator-form">
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Select label={t('fields.department')} withAsterisk disabled={!!indicator} data-testid="indicator-department"
              data={departments.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))} placeholder={t('form.chooseDepartment')}
              {...form.getInputProps('departmentId')} />
            <Select label={t('fields.process')} clearable placeholder={t('form.noProcess')} data-testid="indicator-process"
              data={(processes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} {...form.getInputProps('processId')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('fields.name')} withAsterisk data-autofocus style={{ gridColumn: 'span 2' }} placeholder={t('form.namePlaceholder')}
              data-testid="indicator-name" {...form.getInputProps('name')} />
            <TextInput label={t('fields.unit')} placeholder={t('form.unitPlaceholder')} data-testid="indicator-unit" {...form.getInputProps('unit')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <Select label={t('fields.direction')} withAsterisk allowDeselect={false} data={options(INDICATOR_DIRECTIONS, 'direction')}
              data-testid="indicator-direction" {...form.getInputProps('direction')} />
            <Select label={t('fields.category')} allowDeselect={false} data={options(INDICATOR_CATEGORIES, 'category')}
              data-testid="indicator-category" {...form.getInputProps('category')} />
            <Select label={t('fields.frequency')} allowDeselect={false} data={options(INDICATOR_FREQUENCIES, 'frequency')}
              data-testid="indicator-frequency" {...form.getInputProps('frequency')} />
            <Select label={t('fields.aggregation')} description={t('form.aggregationHelp')} allowDeselect={false}
              data={options(INDICATOR_AGGREGATIONS, 'aggregation')} data-testid="indicator-aggregation"
              {...form.getInputProps('aggregation')} value={form.values.aggregation || aggregationForUnit(form.values.unit)} />
          </SimpleGrid>
          <Divider label={t('form.targets')} labelPosition="left" />
          <SimpleGrid cols={{ base: 2, sm: 5 }} style={{ alignItems: 'end' }}>
            <NumberField label={t('fields.baselineValue')} decimalScale={6} data-testid="indicator-baseline" {...form.getInputProps('baselineValue')} />
            <DateField label={t('fields.baselineDate')} data-testid="indicator-baseline-date" {...form.getInputProps('baselineDate')} />
            <NumberField label={t('fields.targetValue')} decimalScale={6} data-testid="indicator-target" {...form.getInputProps('targetValue')} />
            <DateField label={t('fields.targetDate')} data-testid="indicator-target-date" {...form.getInputProps('targetDate')} />
            <NumberField label={t('fields.tolerancePct')} description={t('form.toleranceHelp')} min={0} max={1000} suffix=" %"
              data-testid="indicator-tolerance" {...form.getInputProps('tolerancePct')} />
          </SimpleGrid>
          <Divider label={t('form.origin')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('fields.source')} allowDeselect={false} data={options(INDICATOR_SOURCES, 'source')}
              data-testid="indicator-source" {...form.getInputProps('source')} />
            <TextInput label={t('fields.sourceDetail')} placeholder={t('form.sourceDetailPlaceholder')} style={{ gridColumn: 'span 2' }}
              data-testid="indicator-source-detail" {...form.getInputProps('sourceDetail')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Textarea label={t('fields.formula')} autosize minRows={1} maxRows={4} style={{ gridColumn: 'span 2' }}
              placeholder={t('form.formulaPlaceholder')} data-testid="indicator-formula" {...form.getInputProps('formula')} />
            <TextInput label={t('fields.reference')} placeholder="APQC 10215" data-testid="indicator-reference" {...form.getInputProps('reference')} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="submit" data-testid="indicator-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
