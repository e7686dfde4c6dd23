import { useEffect } from 'react';
import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@shared/indicators/schemas';
import type { Intervention } from '@shared/interventions/schemas';
import type { Gap } from '@shared/gaps/schemas';
import { JUSTIFICATION_MIN } from '@shared/gaps/closing';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';

export interface GapCloseModalProps {
  opened: boolean;
  onClose(): void;
  gap: Gap;
  /** Indicators linked to the gap or to its interventions: the ones that can prove it. */
  indicators: Indicator[];
  interventions: Intervention[];
  onClosed(gap: Gap): void;
}

type Kind = '' | 'indicator_target' | 'measured_improvement' | 'override';
interface Values {
  kind: Kind;
  indicatorId: string | null;
  interventionId: string | null;
  note: string;
  justification: string;
  earlierStartReason: string;
}

/** Where the core's error goes: its field names are paths in the close input. */
const FIELD_MAP: Record<string, string> = {
  evidence: 'kind',
  'evidence.kind': 'kind',
  'evidence.indicatorId': 'indicatorId',
  'evidence.interventionId': 'interventionId',
  'evidence.justification': 'justification',
  'evidence.note': 'note',
  'evidence.earlierStartReason': 'earlierStartReason',
  closedOn: 'kind',
  status: 'kind',
};

/**
 * "Close the loop": the user picks the proof, the core checks it (target met, improvement measured,
 * or a written justification) and either closes the gap or refuses with a reason shown at the field.
 */
export function GapCloseModal({ opened, onClose, gap, indicators, interventions, onClosed }: GapCloseModalProps) {
  const { t } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const { t: tf } = useTranslation('figures');
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { kind: '', indicatorId: null, interventionId: null, note: '', justification: '', earlierStartReason: '' },
  });
  useEffect(() => {
    if (!opened) return;
    form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, gap.id]);

  const submit = form.onSubmit(async (v) => {
    const note = v.note.trim() || null;
    const evidence =
      v.kind === 'indicator_target'
        ? { kind: v.kind, indicatorId: v.indicatorId ?? '', note }
        : v.kind === 'measured_improvement'
          ? { kind: v.kind, indicatorId: v.indicatorId ?? '', interventionId: v.interventionId ?? '', note, earlierStartReason: v.earlierStartReason.trim() || null }
          : v.kind === 'override'
            ? { kind: v.kind, justification: v.justification }
            : undefined;
    try {
      // Without a choice nothing is sent as proof: the core says what a closing needs.
      const closed = await api.call('gaps.close', { id: gap.id, ...(evidence ? { evidence } : {}) });
      notifySaved(t('close.done'));
      onClosed(closed);
      onClose();
    } catch (e) {
      // An indicator that does not prove it is refused at `evidence`: show it under the indicator.
      const map = v.kind && v.kind !== 'override' ? { ...FIELD_MAP, evidence: 'indicatorId' } : FIELD_MAP;
      showApiError(e, form, map);
    }
  });

  const indicatorOptions = indicators.map((i) => ({
    value: i.id,
    label: `${i.name}${i.targetValue !== null ? ` — ${t('close.target')} ${i.targetValue}${i.unit ? ` ${i.unit}` : ''}` : ''}`,
  }));
  const started = interventions.filter((i) => i.startDate);
  const kind = form.values.kind;
  const chosen = started.find((i) => i.id === form.values.interventionId);
  // An intervention that started before the gap was found proves it closed only with a reason.
  const earlier = !!chosen?.startDate && chosen.startDate < gap.foundOn;
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('close.title', { title: gap.title })}>
      <form onSubmit={submit} data-testid="close-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('close.help')}</Text>
          <Radio.Group
            label={t('close.kind')}
            {...form.getInputProps('kind')}
            onChange={(v) => {
              form.setFieldValue('kind', v as Kind);
              form.clearErrors();
            }}
            data-testid="close-kind"
          >
            <Stack gap="xs" mt={6}>
              <Radio value="indicator_target" label={t('closureKind.indicator_target')} description={t('close.indicatorTargetHelp')}
                data-testid="close-kind-indicator_target" />
              <Radio value="measured_improvement" label={t('closureKind.measured_improvement')} description={t('close.measuredHelp')}
                data-testid="close-kind-measured_improvement" />
              <Radio value="override" label={t('closureKind.override')} description={t('close.overrideHelp')} data-testid="close-kind-override" />
            </Stack>
          </Radio.Group>
          {(kind === 'indicator_target' || kind === 'measured_improvement') && (
            <>
              {indicators.length === 0 && (
                <Alert color="yellow" icon={<IconAlertCircle size={16} />}>{t('close.noIndicators')}</Alert>
              )}
              <Select label={t('close.indicator')} withAsterisk data={indicatorOptions} data-testid="close-indicator"
                {...form.getInputProps('indicatorId')} />
              {kind === 'measured_improvement' && (
                <Select label={t('close.intervention')} withAsterisk description={t('close.interventionHelp')}
                  data={started.map((i) => ({ value: i.id, label: `${i.title} (${i.startDate})` }))} data-testid="close-intervention"
                  {...form.getInputProps('interventionId')} />
              )}
              {kind === 'measured_improvement' && earlier && (
                <Textarea label={tf('closing.earlierStartReason')} withAsterisk autosize minRows={2} data-testid="close-earlier-reason"
                  description={tf('closing.earlierStartHelp', { start: chosen.startDate, found: gap.foundOn })} {...form.getInputProps('earlierStartReason')} />
              )}
              <Textarea label={t('close.note')} autosize minRows={2} {...form.getInputProps('note')} />
            </>
          )}
          {kind === 'override' && (
            <Textarea
              label={t('close.justification')}
              withAsterisk
              description={t('close.justificationHelp', { n: JUSTIFICATION_MIN })}
              autosize
              minRows={3}
              data-testid="close-justification"
              {...form.getInputProps('justification')}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{tc('actions.cancel')}</Button>
            <Button type="submit" color="teal" data-testid="close-submit">{t('close.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
