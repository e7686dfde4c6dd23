import { useEffect, useState } from 'react';
import { Autocomplete, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { FlowKind, MapStep, StepFlow } from '@shared/processes/map';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { resetForm, useConfirmClose } from '../../components/use-confirm-close';

// Drawing on the map: a flow between two steps (a branch out of a decision carries its label, "yes",
// "no: price differs"…), a decision (a gateway step), each through the API, so the map's undo takes
// any of them back.

export interface FlowTarget {
  from: MapStep;
  to: MapStep;
  /** An existing flow to edit; absent = a new one. */
  flow?: StepFlow;
}

export function FlowDialog({ target, onClose, onDone }: { target: FlowTarget | null; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('processes', { keyPrefix: 'map.edit' });
  const { t: tc } = useTranslation();
  const form = useForm<{ label: string; kind: FlowKind }>({ mode: 'controlled', initialValues: { label: '', kind: 'sequence' } });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!target) return;
    // Out of a decision, a branch is a condition unless said otherwise.
    resetForm(form, {
      label: target.flow?.label ?? '',
      // (also for a plain, unlabelled flow already there, e.g. from the sequence the map was drawn as).
      kind: target.flow && (target.flow.kind !== 'sequence' || target.flow.label || target.from.kind !== 'gateway')
        ? target.flow.kind
        : target.from.kind === 'gateway' ? 'conditional' : 'sequence',
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target?.from.id, target?.to.id, target?.flow?.id]);

  const close = useConfirmClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (v) => {
    if (!target) return;
    setBusy(true);
    try {
      const label = v.label.trim() === '' ? null : v.label.trim();
      if (target.flow) await api.call('flows.update', { id: target.flow.id, label, kind: v.kind });
      // The first flow drawn on a map read as a sequence keeps that sequence (one undo takes both back).
      else await api.call('flows.create', { fromStepId: target.from.id, toStepId: target.to.id, label, kind: v.kind, keepSequence: true });
      notifySaved(target.flow ? tc('state.saved') : tc('state.created'));
      onDone();
      onClose();
    } catch (e) {
      showApiError(e, form);
    } finally {
      setBusy(false);
    }
  });
  const remove = async () => {
    if (!target?.flow) return;
    setBusy(true);
    try {
      await api.call('flows.delete', { id: target.flow.id });
      notifySaved(tc('state.deleted'));
      onDone();
      onClose();
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={!!target} onClose={close} title={target?.flow ? t('flowEditTitle') : t('flowTitle')} size="md">
      {target && (
        <form onSubmit={submit} data-testid="flow-form">
          <Stack gap="sm">
            <Text size="sm">
              <Text span fw={600}>{target.from.name}</Text> → <Text span fw={600}>{target.to.name}</Text>
            </Text>
            <TextInput label={t('label')} description={target.from.kind === 'gateway' ? t('labelBranchHelp') : t('labelHelp')} data-autofocus
              data-testid="flow-label" {...form.getInputProps('label')} />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="flow-kind-label">{t('kind')}</Text>
              <SegmentedControl aria-labelledby="flow-kind-label" data-testid="flow-kind" fullWidth
                data={(['sequence', 'conditional', 'default'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                {...form.getInputProps('kind')} />
            </Stack>
            <Group justify="space-between" mt="sm">
              {target.flow ? (
                <Button variant="subtle" color="red" onClick={() => void remove()} loading={busy} data-testid="flow-delete">{tc('actions.delete')}</Button>
              ) : <span />}
              <Group gap="sm">
                <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
                <Button type="submit" loading={busy} data-testid="flow-save">{tc('actions.save')}</Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/**
 * A decision: a gateway step, placed after the step chosen (the selected one, else the last) in that
 * step's lane unless said otherwise; its branches are then drawn as flows.
 */
export function DecisionDialog({ opened, processId, steps, lanes, afterId, onClose, onDone }: {
  opened: boolean;
  processId: string;
  steps: MapStep[];
  lanes: string[];
  afterId: string | null;
  onClose(): void;
  onDone(step: { id: string }): void;
}) {
  const { t } = useTranslation('processes', { keyPrefix: 'map.edit' });
  const { t: tc } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { name: '', lane: '', after: '' } });
  useEffect(() => {
    if (!opened) return;
    const after = steps.find((s) => s.id === afterId) ?? steps[steps.length - 1];
    resetForm(form, { name: '', lane: after?.lane ?? lanes[0] ?? '', after: after?.id ?? '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const close = useConfirmClose(() => form.isDirty(), onClose);
  const submit = form.onSubmit(async (v) => {
    const after = steps.find((s) => s.id === v.after);
    try {
      const step = await api.call('steps.create', {
        processId, name: v.name, lane: v.lane.trim() || null, kind: 'gateway',
        ...(after ? { position: after.position + 1 } : {}),
      });
      notifySaved(tc('state.created'));
      onDone(step);
      onClose();
    } catch (e) {
      showApiError(e, form);
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={t('decisionTitle')} size="md">
      <form onSubmit={submit} data-testid="decision-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('decisionHelp')}</Text>
          <TextInput label={t('question')} placeholder={t('questionPlaceholder')} withAsterisk data-autofocus data-testid="decision-name"
            {...form.getInputProps('name')} />
          {steps.length > 0 && (
            <Select label={t('after')} data={steps.map((s) => ({ value: s.id, label: s.name }))} searchable allowDeselect={false}
              data-testid="decision-after" {...form.getInputProps('after')}
              onChange={(id) => {
                form.setFieldValue('after', id ?? '');
                // The lane follows the step chosen until the user picks one.
                const lane = steps.find((s) => s.id === id)?.lane;
                if (!form.isTouched('lane') && lane) form.setFieldValue('lane', lane);
              }} />
          )}
          <Autocomplete label={t('lane')} data={lanes} data-testid="decision-lane" {...form.getInputProps('lane')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="submit" data-testid="decision-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
