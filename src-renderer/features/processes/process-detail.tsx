import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconHistory, IconListNumbers, IconMap2, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { askToDelete } from '../../components/confirm-delete';
import { useApp } from '../../stores';
import { ProcessFormModal } from './process-form-modal';
import { ProcessGapsTab } from './process-gaps-tab';
import HistoryPanel from '../history/HistoryPanel';
import { StepEditor } from './step-editor';
import { useLoad } from '../../components/use-load';

import { preloadable } from '../../components/preloadable';

const MapPanel = preloadable(() => import('./ProcessMapPanel').then((m) => m.default), {
  idle: true,
  fallback: () => (
    <Center h={200}>
      <Loader size="sm" />
    </Center>
  ),
});
const ProcessMapPanel = MapPanel.Component;
const TABS = ['steps', 'map', 'gaps', 'history'] as const;
type Tab = (typeof TABS)[number];

export function ProcessDetail({ processId }: { processId: string }) {
  const { t } = useTranslation('processes');
  const navigate = useApp((s) => s.navigate);
  const tabParam = useApp((s) => s.route.params[1]);
  const departments = useApp((s) => s.departments);
  const process = useLoad(() => api.call('processes.get', { id: processId }), [processId]);
  const [editOpen, setEditOpen] = useState(false);
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'steps';
  // The map's code and data load beside the process itself, not after it (ProcessMapPanel makes the same call).
  useEffect(() => {
    if (tab !== 'map') return;
    void MapPanel.load().catch(() => undefined);
    api.prefetch('processes.map', { processId });
  }, [tab, processId]);

  if (process.loading && !process.data) return <Center h={200}><Loader size="sm" /></Center>;
  if (!process.data) {
    return (
      <Stack>
        <Anchor href="#/processes" onClick={(e) => { e.preventDefault(); navigate('processes'); }}>← {t('backToList')}</Anchor>
        <Alert color="red" title={t('notFound')}>{process.error}</Alert>
      </Stack>
    );
  }
  const p = process.data;
  const dep = departments.find((d) => d.id === p.departmentId);

  const confirmDelete = () =>
    askToDelete({
      title: t('delete.title', { name: p.name }),
      body: t('delete.bodyShort'),
      remove: () => api.call('processes.delete', { id: p.id }),
      after: () => {
        navigate('processes');
      },
    });

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} onClick={() => navigate('processes')}>
          {t('backToList')}
        </Button>
      </Group>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6}>
            <Group gap="sm">
              {dep && (
                <Badge tt="none" variant="light" color="gray" leftSection={<span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: dep.colour }} />}>
                  {dep.name}
                </Badge>
              )}
              {p.referenceId && <Badge tt="none" variant="outline" color="indigo" ff="monospace">{p.referenceId}</Badge>}
              {p.source !== 'manual' && <Badge tt="none" variant="dot" color="gray">{t(`source.${p.source}`)}</Badge>}
            </Group>
            <Title order={2} data-testid="process-title">{p.name}</Title>
            <Group gap="lg">
              <Text size="sm" c="dimmed">{t('common:colon', { label: t('fields.owner') })} <Text span c="dark" fw={500}>{p.owner ?? '—'}</Text></Text>
              <Group gap={4}>
                <Text size="sm" c="dimmed">{t('common:colon', { label: t('fields.systems') })}</Text>
                {p.systems.length === 0 ? <Text size="sm">—</Text> : p.systems.map((s) => <Badge tt="none" key={s} size="sm" variant="outline">{s}</Badge>)}
              </Group>
            </Group>
            {p.description && <Text size="sm" maw={760}>{p.description}</Text>}
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('editProcess')}>
              <ActionIcon variant="default" size="lg" aria-label={t('editProcess')} onClick={() => setEditOpen(true)} data-testid="process-edit">
                <IconPencil size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('deleteProcess')}>
              <ActionIcon variant="default" color="red" size="lg" aria-label={t('deleteProcess')} onClick={confirmDelete}>
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </Paper>

      <Tabs value={tab} onChange={(v) => navigate('processes', processId, v ?? 'steps')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="steps" leftSection={<IconListNumbers size={16} />} data-testid="tab-steps">{t('tabs.steps')}</Tabs.Tab>
          <Tabs.Tab value="map" leftSection={<IconMap2 size={16} />} data-testid="tab-map">{t('tabs.map')}</Tabs.Tab>
          <Tabs.Tab value="gaps" leftSection={<IconAlertTriangle size={16} />} data-testid="tab-gaps">{t('tabs.gaps')}</Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">{t('tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="steps" pt="md"><StepEditor processId={processId} /></Tabs.Panel>
        <Tabs.Panel value="map" pt="md">
          <ProcessMapPanel processId={processId} />
        </Tabs.Panel>
        <Tabs.Panel value="gaps" pt="md"><ProcessGapsTab processId={processId} /></Tabs.Panel>
        <Tabs.Panel value="history" pt="md"><HistoryPanel entity="processes" id={processId} /></Tabs.Panel>
      </Tabs>

      <ProcessFormModal opened={editOpen} onClose={() => setEditOpen(false)} process={p} />
    </Stack>
  );
}
