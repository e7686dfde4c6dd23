import { useEffect } from 'react';
import { Button, ColorInput, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Department } from '@shared/api';
import { CURRENCIES } from '@shared/domain';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { NumberField } from '../../components/number-field';
import { useConfirmClose } from '../../components/use-confirm-close';
import { useApp } from '../../stores';

export interface DepartmentFormModalProps {
  opened: boolean;
  onClose(): void;
  /** The department to edit; absent = create. */
  department?: Department | null;
  onSaved?(department: Department): void;
}

interface Values {
  name: string;
  code: string;
  colour: string;
  /** In currency units as typed (e.g. 65.50); stored in cents. */
  rate: number | string;
  currency: string;
}

const COLOURS = ['#1c7ed6', '#2f9e44', '#e8590c', '#9c36b5', '#0c8599', '#c2255c', '#5f3dc4', '#868e96'];

/** Converts the typed amount to cents exactly as the user sees it (65.1 → 6510, not 6509). */
function toCents(value: number | string): number | null {
  if (value === '' || value === null) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

export function DepartmentFormModal({ opened, onClose, department, onSaved }: DepartmentFormModalProps) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const bumpRevision = useApp((s) => s.bumpRevision);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', code: '', colour: COLOURS[0]!, rate: '', currency: 'EUR' },
  });

  useEffect(() => {
    if (!opened) return;
    const initial: Values =
      department
        ? {
            name: department.name,
            code: department.code,
            colour: department.colour,
            rate: department.loadedHourlyRateCents === null ? '' : department.loadedHourlyRateCents / 100,
            currency: department.currency,
          }
        : { name: '', code: '', colour: COLOURS[0]!, rate: '', currency: 'EUR' };
    form.setValues(initial);
    form.resetDirty(initial);
    form.clearErrors();
    // Reset only when the dialog opens or switches department.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, department?.id]);

  const submit = form.onSubmit(async (v) => {
    const body = {
      name: v.name,
      code: v.code,
      colour: v.colour,
      loadedHourlyRateCents: toCents(v.rate),
      currency: v.currency as (typeof CURRENCIES)[number],
    };
    try {
      const saved = department
        ? await api.call('departments.update', { id: department.id, ...body })
        : await api.call('departments.create', body);
      notifySaved(department ? tc('state.saved') : tc('state.created'));
      bumpRevision();
      onSaved?.(saved);
      onClose();
    } catch (e) {
      showApiError(e, form, { loadedHourlyRateCents: 'rate' });
    }
  });

  const close = useConfirmClose(() => form.isDirty(), onClose);

  return (
    <Modal opened={opened} onClose={close} title={department ? t('department.editTitle') : t('department.createTitle')} size="md">
      <form onSubmit={submit} data-testid="department-form">
        <Stack gap="sm">
          <TextInput label={t('department.name')} placeholder={t('department.namePlaceholder')} withAsterisk data-autofocus
            data-testid="department-name" {...form.getInputProps('name')} />
          <TextInput label={t('department.code')} description={t('department.codeHelp')} withAsterisk maxLength={12}
            data-testid="department-code" {...form.getInputProps('code')} />
          <ColorInput label={t('department.colour')} swatches={COLOURS} swatchesPerRow={8} format="hex"
            data-testid="department-colour" {...form.getInputProps('colour')} />
          <Group grow align="flex-start">
            <NumberField label={t('department.rate')} description={t('department.rateHelp')} min={0} decimalScale={2}
              allowNegative={false} data-testid="department-rate"
              {...form.getInputProps('rate')} />
            <Select label={t('department.currency')} data={[...CURRENCIES]} allowDeselect={false} data-testid="department-currency"
              {...form.getInputProps('currency')} />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="submit" data-testid="department-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
