import { useEffect } from 'react';
import { Autocomplete, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Step } from '@shared/api';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { resetForm, useConfirmClose } from '../../components/use-confirm-close';

export interface StepFormModalProps {
  opened: boolean;
  onClose(): void;
  processId: string;
  /** The step to edit; absent = a new step at the end. */
  step?: Step | null;
  lanes: string[];
  systems: string[];
  onSaved(step: Step): void;
}

interface Values {
  name: string;
  lane: string;
  system: string;
  inputs: string;
  outputs: string;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function StepFormModal({ opened, onClose, processId, step, lanes, systems, onSaved }: StepFormModalProps) {
  const { t } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const form = useForm<Values>({ mode: 'controlled', initialValues: { name: '', lane: '', system: '', inputs: '', outputs: '' } });

  useEffect(() => {
    if (!opened) return;
    resetForm(form, {
      name: step?.name ?? '',
      lane: step?.lane ?? '',
      system: step?.system ?? '',
      inputs: step?.inputs ?? '',
      outputs: step?.outputs ?? '',
    });
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, step?.id]);

  const submit = form.onSubmit(async (v) => {
    const body = { name: v.name, lane: orNull(v.lane), system: orNull(v.system), inputs: orNull(v.inputs), outputs: orNull(v.outputs) };
    try {
      const saved = step ? await api.call('steps.update', { id: step.id, ...body }) : await api.call('steps.create', { processId, ...body });
      notifySaved(step ? tc('state.saved') : tc('state.created'));
      onSaved(saved);
      onClose();
    } catch (e) {
      showApiError(e, form);
    }
  });

  const close = useConfirmClose(() => form.isDirty(), onClose);

  return (
    <Modal opened={opened} onClose={close} title={step ? t('steps.editTitle') : t('steps.createTitle')} size="lg">
      <form onSubmit={submit} data-testid="step-form">
        <Stack gap="sm">
          <TextInput label={t('steps.name')} withAsterisk data-autofocus data-testid="step-name" {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <Autocomplete label={t('steps.lane')} description={t('steps.laneHelp')} data={lanes} data-testid="step-lane" {...form.getInputProps('lane')} />
            <Autocomplete label={t('steps.system')} description={t('steps.systemHelp')} data={systems} data-testid="step-system" {...form.getInputProps('system')} />
          </Group>
          <Group grow align="flex-start">
            <Textarea label={t('steps.inputs')} autosize minRows={2} maxRows={5} data-testid="step-inputs" {...form.getInputProps('inputs')} />
            <Textarea label={t('steps.outputs')} autosize minRows={2} maxRows={5} data-testid="step-outputs" {...form.getInputProps('outputs')} />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="submit" data-testid="step-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
