import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Center, Drawer, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowRight, IconHistory, IconInfoCircle, IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InterventionStatus } from '@shared/domain';
import type { Gap } from '@shared/gaps/schemas';
import type { Intervention } from '@shared/interventions/schemas';
import { INTERVENTION_TRANSITIONS, RESTARTABLE_STATUSES } from '@shared/interventions/workflow';
import { formatDate, formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { askToDelete } from '../../components/confirm-delete';
import { useApp } from '../../stores';
import { INTERVENTION_STATUS_COLOURS } from '../gaps/gap-style';
import HistoryPanel from '../history/HistoryPanel';
import { useLoad } from '../../components/use-load';
import { InterventionFormModal } from './intervention-form-modal';
import { InterventionGaps } from './intervention-gaps';
import { vocabularyLabel } from './vocabulary-select';

async function loadIntervention(id: string) {
  const [intervention, links, vocab] = await Promise.all([
    api.call('interventions.get', { id }),
    api.call('links.gapIntervention.list', { interventionId: id }),
    api.call('vocabulary.list', {}),
  ]);
  const gaps = (await Promise.all(links.map((l) => api.call('gaps.get', { id: l.gapId }).catch(() => null)))).filter((g): g is Gap => g !== null);
  return { intervention, gaps, vocab };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.03em' }}>{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}

const TRANSITION_COLOURS: Partial<Record<InterventionStatus, string>> = { running: 'blue', done: 'teal', stopped: 'red', planned: 'violet', idea: 'gray' };

/** One intervention (#/interventions/<id>): fields, the allowed next statuses, linked gaps, history. */
export function InterventionDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t, i18n } = useTranslation('interventions');
  const { t: tc } = useTranslation();
  const locale = i18n.language;
  const bumpRevision = useApp((s) => s.bumpRevision);
  const data = useLoad(() => (id ? loadIntervention(id) : Promise.resolve(null)), [id]);
  const [editing, setEditing] = useState(false);
  const d = data.data && data.data.intervention.id === id ? data.data : null;

  const move = async (itv: Intervention, to: InterventionStatus | 'restart') => {
    try {
      if (to === 'restart') await api.call('interventions.restart', { id: itv.id });
      else await api.call('interventions.update', { id: itv.id, status: to });
      notifySaved(t('status.changed', { status: tc(`interventionStatus.${to === 'restart' ? 'running' : to}`) }));
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };
  const confirmDelete = (itv: Intervention, gapCount: number) =>
    askToDelete({
      title: t('drawer.deleteTitle', { title: itv.title }),
      body: t('drawer.deleteBody', { count: gapCount }),
      remove: () => api.call('interventions.delete', { id: itv.id }),
      after: () => {
        onClose();
      },
    });

  let body: ReactNode = null;
  if (id && data.error && !d) body = <Alert color="red" title={tc('errors.generic')}>{data.error}</Alert>;
  else if (id && !d) body = <Center h={200}><Loader size="sm" /></Center>;
  else if (d) {
    const i = d.intervention;
    const label = (kind: 'intervention_kind' | 'platform', code: string | null) => {
      if (!code) return '—';
      const e = d.vocab.find((v) => v.kind === kind && v.code === code);
      return e ? vocabularyLabel(e, locale) : code;
    };
    const next = INTERVENTION_TRANSITIONS[i.status];
    body = (
      <Stack gap="md" data-testid="intervention-drawer-body">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} data-testid="drawer-intervention-title">{i.title}</Title>
            <Group gap="xs">
              <Badge tt="none" size="lg" variant="light" color={INTERVENTION_STATUS_COLOURS[i.status]} data-testid="drawer-intervention-status">
                {tc(`interventionStatus.${i.status}`)}
              </Badge>
              <Text size="sm" c="dimmed">{label('intervention_kind', i.kind)}{i.platform ? ` · ${label('platform', i.platform)}` : ''}</Text>
            </Group>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} data-testid="intervention-edit">
              {tc('actions.edit')}
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(i, d.gaps.length)}>
              {tc('actions.delete')}
            </Button>
          </Group>
        </Group>

        <Paper withBorder p="sm" radius="md" data-testid="intervention-workflow">
          <Text size="sm" fw={600} mb={6}>{t('status.next')}</Text>
          <Group gap="xs">
            {next.map((s) => (
              <Button key={s} size="xs" variant="light" color={TRANSITION_COLOURS[s]} leftSection={<IconArrowRight size={14} />}
                onClick={() => void move(i, s)} data-testid={`intervention-to-${s}`}>
                {t(`status.to.${s}`)}
              </Button>
            ))}
            {RESTARTABLE_STATUSES.includes(i.status) && (
              <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} />} onClick={() => void move(i, 'restart')}
                data-testid="intervention-restart">
                {t('status.restart')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed" mt={6}>{t(`status.help.${i.status}`)}</Text>
        </Paper>

        <Tabs defaultValue="overview" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={14} />}>{t('drawer.overview')}</Tabs.Tab>
            <Tabs.Tab value="history" leftSection={<IconHistory size={14} />} data-testid="intervention-history-tab">{t('drawer.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <Stack gap="md">
              <Paper withBorder p="md" radius="md">
                <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
                  <Field label={t('form.owner')}>{i.owner ?? '—'}</Field>
                  <Field label={t('form.startDate')}>{formatDate(i.startDate, locale)}</Field>
                  <Field label={t('form.endDate')}>{formatDate(i.endDate, locale)}</Field>
                  <Field label={t('form.oneOffCost')}>{formatMoney(i.oneOffCostCents, i.currency, locale)}</Field>
                  <Field label={t('form.recurringCost')}>{formatMoney(i.recurringCostCents, i.currency, locale)}</Field>
                  <Field label={t('form.currency')}>{i.currency}</Field>
                </SimpleGrid>
                {i.expectedBenefit && <Stack mt="sm" gap={2}><Field label={t('form.expectedBenefit')}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{i.expectedBenefit}</Text></Field></Stack>}
                {i.description && <Stack mt="sm" gap={2}><Field label={t('form.description')}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{i.description}</Text></Field></Stack>}
              </Paper>
              <Stack gap="xs">
                <Title order={5}>{t('drawer.gaps', { count: d.gaps.length })}</Title>
                <InterventionGaps intervention={i} linked={d.gaps} />
              </Stack>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistoryPanel entity="interventions" id={i.id} />
          </Tabs.Panel>
        </Tabs>
        <InterventionFormModal opened={editing} onClose={() => setEditing(false)} intervention={i} onSaved={() => bumpRevision()} />
      </Stack>
    );
  }
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size={760} title={t('drawer.title')} data-testid="intervention-drawer">
      {body}
    </Drawer>
  );
}
