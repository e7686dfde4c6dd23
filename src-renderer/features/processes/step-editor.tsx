import { useEffect, useMemo, useState } from 'react';
import {
  ActionIcon, Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Text, TextInput, Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  IconAlertTriangle, IconArrowBackUp, IconArrowDown, IconArrowUp, IconGripVertical, IconPencil, IconPlus, IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Step } from '@shared/api';
import type { MapStep, ProcessMap } from '@shared/processes/map';
import { SYSTEMS } from '@shared/domain';
import { api } from '../../api/client';
import { showApiError } from '../../components/api-form';
import { askToDelete } from '../../components/confirm-delete';
import { useApp } from '../../stores';
import GapFormModal from '../gaps/GapFormModal';
import { StepFormModal } from './step-form-modal';
import { useLoad } from '../../components/use-load';

const SEVERITY_COLOURS = ['gray', 'yellow', 'orange', 'orange', 'red', 'red'];

interface RowProps {
  step: MapStep;
  index: number;
  count: number;
  busy: boolean;
  onMove(delta: -1 | 1): void;
  onEdit(): void;
  onDelete(): void;
  onLogGap(): void;
}

function StepRow({ step, index, count, busy, onMove, onEdit, onDelete, onLogGap }: RowProps) {
  const { t } = useTranslation('processes');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: step.id });
  const style = {
    transform: CSS.Transform.toString(transform),
    transition,
    opacity: isDragging ? 0.6 : 1,
    marginLeft: step.depth * 28,
  };
  const open = step.gaps.openGaps;
  return (
    <Paper ref={setNodeRef} style={style} withBorder p="sm" radius="md" data-testid="step-row" data-step-id={step.id}>
      <Group wrap="nowrap" gap="sm" align="center">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('steps.dragHandle', { name: step.name })}
          style={{ cursor: 'grab', touchAction: 'none' }}
          {...attributes}
          {...listeners}
        >
          <IconGripVertical size={18} />
        </ActionIcon>
        <Badge tt="none" variant="light" color="indigo" w={34} radius="sm">{index + 1}</Badge>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate data-testid="step-name-text">{step.name}</Text>
            {step.lane && <Badge tt="none" size="sm" variant="light" color="grape">{step.lane}</Badge>}
            {step.system && <Badge tt="none" size="sm" variant="outline" color="gray">{step.system}</Badge>}
          </Group>
          {(step.inputs || step.outputs) && (
            <Text size="xs" c="dimmed" truncate>
              {step.inputs && <>{t('common:colon', { label: t('steps.inputs') })} {step.inputs}</>}
              {step.inputs && step.outputs && ' · '}
              {step.outputs && <>{t('common:colon', { label: t('steps.outputs') })} {step.outputs}</>}
            </Text>
          )}
        </Stack>
        <Tooltip label={t('steps.openGaps', { count: open })}>
          <Badge
            variant={open > 0 ? 'filled' : 'light'}
            color={open > 0 ? SEVERITY_COLOURS[step.gaps.worstSeverity ?? 0] : 'gray'}
            leftSection={<IconAlertTriangle size={12} />}
            data-testid="step-gap-count"
            aria-label={t('steps.openGaps', { count: open })}
          >
            {open}
          </Badge>
        </Tooltip>
        <Button size="compact-sm" variant="light" color="orange" onClick={onLogGap} data-testid="step-log-gap">
          {t('steps.logGap')}
        </Button>
        <Group gap={2} wrap="nowrap">
          <ActionIcon variant="subtle" disabled={busy || index === 0} onClick={() => onMove(-1)}
            aria-label={t('steps.moveUp', { name: step.name })} data-testid="step-move-up">
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" disabled={busy || index === count - 1} onClick={() => onMove(1)}
            aria-label={t('steps.moveDown', { name: step.name })} data-testid="step-move-down">
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('steps.edit', { name: step.name })} data-testid="step-edit">
            <IconPencil size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={t('steps.delete', { name: step.name })} data-testid="step-delete">
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  );
}

export function StepEditor({ processId }: { processId: string }) {
  const { t } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const bumpRevision = useApp((s) => s.bumpRevision);
  const map = useLoad(() => api.call('processes.map', { processId }), [processId]);
  // Local order so a drag shows at once; replaced by the core's answer.
  const [steps, setSteps] = useState<MapStep[]>([]);
  const [busy, setBusy] = useState(false);
  const [stepForm, setStepForm] = useState<{ open: boolean; step: Step | null }>({ open: false, step: null });
  const [gapStep, setGapStep] = useState<string | null | undefined>(undefined);
  const quick = useForm({ mode: 'controlled', initialValues: { name: '' } });

  useEffect(() => {
    if (map.data) setSteps(map.data.steps);
  }, [map.data]);

  const lanes = useMemo(() => [...new Set(steps.map((s) => s.lane).filter((l): l is string => !!l))].sort(), [steps]);
  const systems = useMemo(
    () => [...new Set([...SYSTEMS, ...steps.map((s) => s.system).filter((l): l is string => !!l)])],
    [steps],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const applyMap = (m: ProcessMap) => {
    setSteps(m.steps);
    bumpRevision();
  };

  const reorder = async (next: MapStep[]) => {
    const before = steps;
    setSteps(next);
    setBusy(true);
    try {
      applyMap(await api.call('steps.reorder', { processId, orderedStepIds: next.map((s) => s.id) }));
    } catch (e) {
      setSteps(before);
      showApiError(e);
    } finally {
      setBusy(false);
    }
  };

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    const from = steps.findIndex((s) => s.id === e.active.id);
    const to = steps.findIndex((s) => s.id === e.over!.id);
    if (from >= 0 && to >= 0) void reorder(arrayMove(steps, from, to));
  };

  const move = (index: number, delta: -1 | 1) => {
    const to = index + delta;
    if (to < 0 || to >= steps.length) return;
    void reorder(arrayMove(steps, index, to));
  };

  const undo = async () => {
    setBusy(true);
    try {
      const r = await api.call('processes.undo', { processId });
      applyMap(r.map);
      notifications.show({ color: 'indigo', message: t('steps.undone', { count: r.reverted }) });
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirmDelete = (step: MapStep) =>
    askToDelete({
      title: t('steps.deleteTitle', { name: step.name }),
      body: step.gaps.openGaps > 0 ? t('steps.deleteBodyGaps', { count: step.gaps.openGaps }) : t('steps.deleteBody'),
      remove: () => api.call('steps.delete', { id: step.id }),
    });

  const quickAdd = quick.onSubmit(async (v) => {
    try {
      await api.call('steps.create', { processId, name: v.name });
      quick.reset();
      bumpRevision();
    } catch (e) {
      showApiError(e, quick);
    }
  });

  if (map.loading && !map.data) return <Center h={160}><Loader size="sm" /></Center>;
  if (map.error && !map.data) return <Alert color="red" title={tc('errors.generic')}>{map.error}</Alert>;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('steps.help')}</Text>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => void undo()} disabled={busy}
            data-testid="steps-undo">
            {t('steps.undo')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setStepForm({ open: true, step: null })} data-testid="step-create">
            {t('steps.add')}
          </Button>
        </Group>
      </Group>

      {steps.length === 0 ? (
        <Paper withBorder p="xl" radius="md" data-testid="steps-empty">
          <Text ta="center" c="dimmed">{t('steps.empty')}</Text>
        </Paper>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={steps.map((s) => s.id)} strategy={verticalListSortingStrategy}>
            <Stack gap={6} data-testid="step-list">
              {steps.map((s, i) => (
                <StepRow
                  key={s.id}
                  step={s}
                  index={i}
                  count={steps.length}
                  busy={busy}
                  onMove={(d) => move(i, d)}
                  onEdit={() => setStepForm({ open: true, step: s })}
                  onDelete={() => confirmDelete(s)}
                  onLogGap={() => setGapStep(s.id)}
                />
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
      )}

      <form onSubmit={quickAdd}>
        <Group align="flex-start" gap="xs">
          <TextInput
            style={{ flex: 1 }}
            placeholder={t('steps.quickAddPlaceholder')}
            aria-label={t('steps.quickAdd')}
            data-testid="step-quick-name"
            {...quick.getInputProps('name')}
          />
          <Button type="submit" variant="light" data-testid="step-quick-add">{tc('actions.add')}</Button>
        </Group>
      </form>

      <StepFormModal
        opened={stepForm.open}
        onClose={() => setStepForm({ open: false, step: null })}
        processId={processId}
        step={stepForm.step}
        lanes={lanes}
        systems={systems}
        onSaved={() => bumpRevision()}
      />
      <GapFormModal
        opened={gapStep !== undefined}
        onClose={() => setGapStep(undefined)}
        processId={processId}
        stepId={gapStep ?? null}
        onSaved={() => bumpRevision()}
      />
    </Stack>
  );
}
