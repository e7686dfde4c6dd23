import { useState, type ReactNode } from 'react';
import {
  Alert, Badge, Button, Center, Divider, Drawer, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title, UnstyledButton,
} from '@mantine/core';
import {
  IconBan, IconCircleCheck, IconHistory, IconInfoCircle, IconPencil, IconRefresh, IconRotateClockwise, IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Gap } from '@shared/gaps/schemas';
import type { Indicator } from '@shared/indicators/schemas';
import { formatDate, formatMoney, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { askToDelete } from '../../components/confirm-delete';
import { useApp } from '../../stores';
import HistoryPanel from '../history/HistoryPanel';
import { useLoad } from '../../components/use-load';
import GapFormModal from './GapFormModal';
import { ClosingRecord, ClosingsLog } from './gap-closing-record';
import { GapCloseModal } from './gap-close-modal';
import { GapCostBasis } from './gap-cost-basis';
import { GapInterventions } from './gap-interventions';
import { GapReopenModal } from './gap-reopen-modal';
import { GAP_STATUS_COLOURS, severityColour } from './gap-style';

async function loadGap(id: string) {
  const [gap, interventions, closings] = await Promise.all([
    api.call('gaps.get', { id }),
    api.call('interventions.list', { gapId: id, limit: 100 }),
    api.call('gaps.closings', { id }),
  ]);
  // Indicators that can prove the gap closed: linked to it, or to an intervention linked to it.
  const linkLists = await Promise.all([
    api.call('links.indicator.list', { gapId: id }),
    ...interventions.items.map((i) => api.call('links.indicator.list', { interventionId: i.id })),
  ]);
  const direct = new Set(linkLists[0]!.map((l) => l.indicatorId));
  const ids = [...new Set(linkLists.flat().map((l) => l.indicatorId))];
  const indicators = (await Promise.all(ids.map((i) => api.call('indicators.get', { id: i }).catch(() => null)))).filter(
    (i): i is Indicator => i !== null,
  );
  return { gap, interventions: interventions.items, closings, indicators, direct };
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.03em' }}>{label}</Text>
      <Text size="sm" component="div" data-testid={testId}>{children}</Text>
    </Stack>
  );
}

/** Everything about one gap, opened from the register (#/gaps/<id>) or from any page that links to it. */
export function GapDrawer({ gapId, onClose }: { gapId: string | null; onClose(): void }) {
  const { t, i18n } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const locale = i18n.language;
  const navigate = useApp((s) => s.navigate);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const data = useLoad(() => (gapId ? loadGap(gapId) : Promise.resolve(null)), [gapId]);
  const [dialog, setDialog] = useState<'edit' | 'close' | 'reopen' | null>(null);
  const d = data.data && data.data.gap.id === gapId ? data.data : null;

  const setStatus = async (gap: Gap, status: 'open' | 'dismissed') => {
    try {
      await api.call('gaps.update', { id: gap.id, status });
      notifySaved(tc('state.saved'));
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };
  const confirmDelete = (gap: Gap) =>
    askToDelete({
      title: t('drawer.deleteTitle', { title: gap.title }),
      body: t('drawer.deleteBody'),
      remove: () => api.call('gaps.delete', { id: gap.id }),
      after: () => {
        onClose();
      },
    });

  let body: ReactNode;
  if (!gapId) body = null;
  else if (data.error && !d) body = <Alert color="red" title={tc('errors.generic')}>{data.error}</Alert>;
  else if (!d) body = <Center h={200}><Loader size="sm" /></Center>;
  else {
    const g = d.gap;
    const loopOpen = g.status === 'open' || g.status === 'addressing';
    body = (
      <Stack gap="md" data-testid="gap-drawer-body">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} data-testid="drawer-gap-title">{g.title}</Title>
            <Group gap="xs">
              <Badge tt="none" size="lg" variant="light" color={GAP_STATUS_COLOURS[g.status]} data-testid="drawer-gap-status">
                {tc(`gapStatus.${g.status}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {g.departmentName} ·{' '}
                <UnstyledButton fz="sm" c="indigo" onClick={() => navigate('processes', g.processId)}>{g.processName}</UnstyledButton>
                {g.stepName ? ` · ${g.stepName}` : ''}
              </Text>
            </Group>
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text size="xs" c="dimmed">{t('col.cost')}</Text>
            <Text fw={700} size="xl" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="drawer-gap-cost">
              {g.monthlyCostCents === null ? '—' : formatMoney(g.monthlyCostCents, g.currency, locale)}
            </Text>
            {g.monthlyCostCents === null && <Text size="xs" c="dimmed">{t('noRate')}</Text>}
            <GapCostBasis gap={g} indicators={d.indicators.filter((i) => d.direct.has(i.id))} />
          </Stack>
        </Group>

        <Group gap="xs">
          {loopOpen && (
            <Button color="teal" leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog('close')} data-testid="gap-close-loop">
              {t('drawer.closeLoop')}
            </Button>
          )}
          {g.status === 'closed' && (
            <Button color="orange" variant="light" leftSection={<IconRotateClockwise size={16} />} onClick={() => setDialog('reopen')}
              data-testid="gap-reopen">
              {t('drawer.reopen')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')} data-testid="gap-edit-drawer">
            {tc('actions.edit')}
          </Button>
          {loopOpen && (
            <Button variant="subtle" color="gray" leftSection={<IconBan size={16} />} onClick={() => void setStatus(g, 'dismissed')}
              data-testid="gap-dismiss">
              {t('drawer.dismiss')}
            </Button>
          )}
          {g.status === 'dismissed' && (
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void setStatus(g, 'open')} data-testid="gap-undismiss">
              {t('drawer.undismiss')}
            </Button>
          )}
          <Button variant="subtle" color="red" ml="auto" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(g)}>
            {tc('actions.delete')}
          </Button>
        </Group>

        <Tabs defaultValue="overview" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={14} />}>{t('drawer.overview')}</Tabs.Tab>
            <Tabs.Tab value="history" leftSection={<IconHistory size={14} />} data-testid="gap-history-tab">{t('drawer.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <Stack gap="md">
              {g.status === 'closed' ? (
                <ClosingRecord gap={g} />
              ) : (
                <Alert variant="light" color={GAP_STATUS_COLOURS[g.status]} icon={<IconInfoCircle size={18} />} data-testid="gap-status-rule">
                  {t(`rule.${g.status}`)}
                  {g.reopenedOn && (
                    <Text size="sm" mt={6} data-testid="gap-reopened">
                      {t('drawer.reopenedOn', { date: formatDate(g.reopenedOn, locale) })} <em>{g.reopenReason}</em>
                    </Text>
                  )}
                </Alert>
              )}
              <Paper withBorder p="md" radius="md">
                <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
                  <Field label={t('col.type')}>{tc(`gapType.${g.type}`)}</Field>
                  <Field label={t('col.severity')}>
                    <Badge tt="none" variant="light" color={severityColour(g.severity)}>{g.severity} / 5</Badge>
                  </Field>
                  <Field label={t('col.owner')}>{g.owner ?? '—'}</Field>
                  <Field label={t('col.frequency')}>{formatNumber(g.frequencyPerMonth, locale)} {t('unit.perMonth')}</Field>
                  <Field label={t('col.hours')}>{formatNumber(g.hoursLostPerOccurrence, locale)} {t('unit.hours')}</Field>
                  <Field label={t('col.foundOn')}>{formatDate(g.foundOn, locale)}</Field>
                </SimpleGrid>
                {(g.description || g.evidence) && <Divider my="sm" />}
                <Stack gap="sm">
                  {g.description && <Field label={t('drawer.description')}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{g.description}</Text></Field>}
                  {g.evidence && <Field label={t('drawer.evidence')}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{g.evidence}</Text></Field>}
                </Stack>
              </Paper>
              <Stack gap="xs">
                <Title order={5}>{t('drawer.interventions', { count: d.interventions.length })}</Title>
                <GapInterventions gap={g} linked={d.interventions} />
              </Stack>
              <Stack gap="xs" data-testid="gap-indicators">
                <Title order={5}>{t('drawer.indicators', { count: d.indicators.length })}</Title>
                {d.indicators.length === 0 ? (
                  <Text size="sm" c="dimmed">{t('drawer.noIndicators')}</Text>
                ) : (
                  d.indicators.map((i) => (
                    <Paper key={i.id} withBorder p="xs" radius="sm">
                      <Group justify="space-between">
                        <UnstyledButton fz="sm" fw={600} onClick={() => navigate('indicators', i.id)}>{i.name}</UnstyledButton>
                        <Text size="xs" c="dimmed">
                          {i.targetValue !== null ? `${t('close.target')} ${formatNumber(i.targetValue, locale)} ${i.unit}` : t('drawer.noTarget')}
                          {' · '}
                          {d.direct.has(i.id) ? t('drawer.linkedToGap') : t('drawer.linkedViaIntervention')}
                        </Text>
                      </Group>
                    </Paper>
                  ))
                )}
              </Stack>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <Stack gap="md">
              {d.closings.length > 0 && <ClosingsLog events={d.closings} />}
              <HistoryPanel entity="gaps" id={g.id} />
            </Stack>
          </Tabs.Panel>
        </Tabs>

        <GapFormModal opened={dialog === 'edit'} onClose={() => setDialog(null)} gap={g} onSaved={() => bumpRevision()} />
        <GapCloseModal opened={dialog === 'close'} onClose={() => setDialog(null)} gap={g} indicators={d.indicators}
          interventions={d.interventions} onClosed={() => bumpRevision()} />
        <GapReopenModal opened={dialog === 'reopen'} onClose={() => setDialog(null)} gap={g} onReopened={() => bumpRevision()} />
      </Stack>
    );
  }

  return (
    <Drawer opened={!!gapId} onClose={onClose} position="right" size={760} title={t('drawer.title')} data-testid="gap-drawer">
      {body}
    </Drawer>
  );
}
