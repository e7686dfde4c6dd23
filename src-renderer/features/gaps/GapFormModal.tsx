import { useEffect, useState } from 'react';
import {
  Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCash, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Gap, Step } from '@shared/api';
import { GAP_TYPES, type GapType } from '@shared/domain';
import { formatMoney, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { DateField } from '../../components/date-field';
import { NumberField } from '../../components/number-field';
import { useConfirmClose } from '../../components/use-confirm-close';
import { LiveGapCost } from './live-gap-cost';

export interface GapFormModalProps {
  opened: boolean;
  onClose(): void;
  /** Where the new gap goes; ignored when editing. */
  processId?: string;
  stepId?: string | null;
  /** The gap to edit; absent = create. */
  gap?: Gap | null;
  onSaved?(gap: Gap): void;
}

interface Values {
  title: string;
  type: string;
  stepId: string;
  severity: string;
  frequencyPerMonth: number | string;
  hoursLostPerOccurrence: number | string;
  owner: string;
  foundOn: string | null;
  description: string;
  evidence: string;
}

const NO_STEP = '__none';
const orNull = (s: string) => (s.trim() === '' ? null : s);
/** An empty number box means "not given" (the core's default applies), never 0 by accident. */
const num = (v: number | string): number | undefined => (v === '' ? undefined : typeof v === 'number' ? v : Number(v));

function valuesOf(gap: Gap | null, stepId: string | null | undefined): Values {
  return {
    title: gap?.title ?? '',
    type: gap?.type ?? '',
    stepId: (gap ? gap.stepId : stepId) ?? NO_STEP,
    severity: String(gap?.severity ?? 3),
    frequencyPerMonth: gap?.frequencyPerMonth ?? '',
    hoursLostPerOccurrence: gap?.hoursLostPerOccurrence ?? '',
    owner: gap?.owner ?? '',
    foundOn: gap?.foundOn ?? null,
    description: gap?.description ?? '',
    evidence: gap?.evidence ?? '',
  };
}

/**
 * Create or edit a gap. The form checks nothing itself: the core validates, and its error lands at
 * the field it names. After a save the dialog stays open on the saved gap to show the monthly cost
 * the core computed (frequency × hours lost × the department's loaded rate).
 */
export default function GapFormModal({ opened, onClose, processId, stepId, gap, onSaved }: GapFormModalProps) {
  const { t, i18n } = useTranslation('gap-form');
  const { t: tc } = useTranslation();
  const [saved, setSaved] = useState<Gap | null>(null);
  const [steps, setSteps] = useState<Step[]>([]);
  const current = saved ?? gap ?? null;
  const targetProcess = current?.processId ?? processId;
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(null, null) });

  useEffect(() => {
    if (!opened) return;
    setSaved(null);
    const initial = valuesOf(gap ?? null, stepId);
    form.setValues(initial);
    form.resetDirty(initial);
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, gap?.id, stepId]);

  useEffect(() => {
    if (!opened || !targetProcess) return;
    let alive = true;
    api.call('steps.list', { processId: targetProcess, limit: 1000 }).then(
      (p) => alive && setSteps(p.items),
      () => alive && setSteps([]),
    );
    return () => {
      alive = false;
    };
  }, [opened, targetProcess]);

  const submit = form.onSubmit(async (v) => {
    const body = {
      title: v.title,
      type: v.type as GapType,
      stepId: v.stepId === NO_STEP ? null : v.stepId,
      severity: Number(v.severity),
      frequencyPerMonth: num(v.frequencyPerMonth),
      hoursLostPerOccurrence: num(v.hoursLostPerOccurrence),
      owner: orNull(v.owner),
      foundOn: v.foundOn || undefined,
      description: orNull(v.description),
      evidence: orNull(v.evidence),
    };
    try {
      let result: Gap;
      if (current) {
        result = await api.call('gaps.update', { id: current.id, ...body });
      } else {
        if (!processId) throw new Error('GapFormModal needs a processId to create a gap');
        result = await api.call('gaps.create', { processId, ...body });
      }
      setSaved(result);
      const after = valuesOf(result, null);
      form.setValues(after);
      form.resetDirty(after);
      notifySaved(current ? tc('state.saved') : tc('state.created'));
      onSaved?.(result);
    } catch (e) {
      showApiError(e, form);
    }
  });

  const locale = i18n.language;
  // Escape, a click outside, the close button or Cancel: never lose what was typed without asking.
  const close = useConfirmClose(() => form.isDirty(), onClose);
  const stepOptions = [
    { value: NO_STEP, label: t('noStep') },
    ...steps.map((s) => ({ value: s.id, label: `${s.position + 1}. ${s.name}${s.lane ? ` — ${s.lane}` : ''}` })),
  ];

  return (
    <Modal opened={opened} onClose={close} size="xl" title={current ? t('editTitle') : t('createTitle')}>
      <form onSubmit={submit} data-testid="gap-form">
        <Stack gap="sm">
          {saved && (
            <Alert
              color={saved.monthlyCostCents === null ? 'yellow' : 'teal'}
              icon={saved.monthlyCostCents === null ? <IconInfoCircle size={18} /> : <IconCash size={18} />}
              title={t('savedTitle')}
              data-testid="gap-cost-result"
            >
              {saved.monthlyCostCents === null ? (
                t('noRate')
              ) : (
                <Text size="sm">
                  {t('monthlyCostLabel')} <Text span fw={700} data-testid="gap-monthly-cost">{formatMoney(saved.monthlyCostCents, saved.currency, locale)}</Text>
                  {' '}
                  <Text span c="dimmed" size="xs">
                    ({t('costFormula', {
                      frequency: formatNumber(saved.frequencyPerMonth, locale),
                      hours: formatNumber(saved.hoursLostPerOccurrence, locale),
                    })})
                  </Text>
                </Text>
              )}
            </Alert>
          )}
          <TextInput label={t('title')} withAsterisk data-autofocus data-testid="gap-title" {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('type')}
              withAsterisk
              placeholder={t('typePlaceholder')}
              data={GAP_TYPES.map((g) => ({ value: g, label: tc(`gapType.${g}`) }))}
              data-testid="gap-type"
              {...form.getInputProps('type')}
            />
            <Select label={t('step')} data={stepOptions} allowDeselect={false} searchable data-testid="gap-step" {...form.getInputProps('stepId')} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="gap-severity-label">{t('severity')}</Text>
            <SegmentedControl
              aria-labelledby="gap-severity-label"
              data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: `${v} · ${t(`severityLevel.${v}`)}` }))}
              fullWidth
              data-testid="gap-severity"
              {...form.getInputProps('severity')}
            />
            {form.errors.severity && <Text size="xs" c="red" data-testid="gap-severity-error">{form.errors.severity}</Text>}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberField label={t('frequency')} description={t('frequencyHelp')} decimalScale={2} data-testid="gap-frequency"
              {...form.getInputProps('frequencyPerMonth')} />
            <NumberField label={t('hours')} description={t('hoursHelp')} decimalScale={2} data-testid="gap-hours"
              {...form.getInputProps('hoursLostPerOccurrence')} />
            <DateField label={t('foundOn')} description={t('foundOnHelp')} data-testid="gap-found-on" {...form.getInputProps('foundOn')} />
          </SimpleGrid>
          {targetProcess && (
            <LiveGapCost processId={targetProcess} frequency={num(form.values.frequencyPerMonth)} hours={num(form.values.hoursLostPerOccurrence)} />
          )}
          <TextInput label={t('owner')} data-testid="gap-owner" {...form.getInputProps('owner')} />
          <Textarea label={t('description')} autosize minRows={2} maxRows={6} data-testid="gap-description" {...form.getInputProps('description')} />
          <Textarea label={t('evidence')} description={t('evidenceHelp')} autosize minRows={2} maxRows={6} data-testid="gap-evidence"
            {...form.getInputProps('evidence')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} data-testid="gap-close">{saved ? tc('actions.close') : tc('actions.cancel')}</Button>
            <Button type="submit" data-testid="gap-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
