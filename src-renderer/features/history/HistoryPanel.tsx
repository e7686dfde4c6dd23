import { Alert, Badge, Center, Code, Group, Loader, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntity, HistoryEntry } from '@shared/history/schemas';
import { formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';

export interface HistoryPanelProps {
  entity: HistoryEntity;
  id: string;
}

/** A value of the change log as text: the log keeps raw values (codes, cents, ids, JSON). */
function useValueText(entity: HistoryEntity) {
  const { t, i18n } = useTranslation('history');
  const { t: tc } = useTranslation();
  const { t: tg } = useTranslation('gaps');
  const departments = useApp((s) => s.departments);
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('none');
    if (field === 'departmentId') return departments.find((d) => d.id === v)?.name ?? String(v);
    // Other ids say nothing to a reader: a short form, the full one is in the tooltip.
    if (field.endsWith('Id') && field !== 'referenceId' && typeof v === 'string') return `#${v.slice(-8)}`;
    if (Array.isArray(v)) return v.join(', ');
    if (field.endsWith('Cents') && typeof v === 'number') return formatNumber(v / 100, i18n.language);
    if (typeof v === 'string') {
      if (field === 'status') return tc(entity === 'interventions' ? `interventionStatus.${v}` : `gapStatus.${v}`, { defaultValue: v });
      if (field === 'type' && entity === 'gaps') return tc(`gapType.${v}`, { defaultValue: v });
      if (field === 'kind' && entity === 'interventions') return tc(`interventionKind.${v}`, { defaultValue: v });
      if (field === 'closureKind') return tg(`closureKind.${v}`, { defaultValue: v });
      return v;
    }
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return JSON.stringify(v);
  };
}

const dateTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

function EntryBody({ entry, entity }: { entry: HistoryEntry; entity: HistoryEntity }) {
  const { t } = useTranslation('history');
  const valueText = useValueText(entity);
  return (
    <Stack gap={4}>
      {entry.changes.map((c, i) =>
        c.kind === 'field' ? (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start" data-testid="history-change">
            <Text size="xs" fw={600} miw={130} style={{ flexShrink: 0 }}>
              {t(`fields.${c.field}`, { defaultValue: c.field })}
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              {entry.action === 'created' ? null : <><Code fz="xs" title={String(c.oldValue)}>{valueText(c.field, c.oldValue)}</Code> → </>}
              <Code fz="xs" c="dark" title={String(c.newValue)}>{valueText(c.field, c.newValue)}</Code>
            </Text>
          </Group>
        ) : (
          <Text key={i} size="xs" data-testid="history-link">
            {t(c.kind === 'link_added' ? 'linkAdded' : 'linkRemoved', {
              entity: t(`entity.${c.target.entity}`),
              title: c.target.title ?? t('deletedTarget'),
            })}
          </Text>
        ),
      )}
    </Stack>
  );
}

/**
 * What changed on an entity, from the change log: when, which field, old → new, and on which machine.
 * Reusable for gaps, interventions, processes, steps and indicators.
 */
export default function HistoryPanel({ entity, id }: HistoryPanelProps) {
  const { t, i18n } = useTranslation('history');
  const page = useLoad(() => api.call('history.list', { entity, id, limit: 200 }), [entity, id]);
  if (page.loading && !page.data) return <Center h={80}><Loader size="sm" /></Center>;
  if (page.error && !page.data) return <Alert color="red">{page.error}</Alert>;
  const entries = page.data?.entries ?? [];
  if (entries.length === 0) return <Text size="sm" c="dimmed">{t('empty')}</Text>;
  return (
    <Paper p="sm" withBorder radius="md" data-testid="history-panel">
      <Timeline bulletSize={20} lineWidth={2} active={-1}>
        {entries.map((e) => (
          <Timeline.Item
            key={e.txId}
            bullet={<IconHistory size={12} />}
            title={
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>{t(`action.${e.action}`)}</Text>
                <Text size="xs" c="dimmed">{dateTime(e.at, i18n.language)}</Text>
                <Badge size="xs" variant="light" color={e.local ? 'gray' : 'grape'} tt="none" title={e.nodeId}>
                  {e.local ? t('thisMachine') : t('otherMachine', { node: e.nodeId.slice(0, 8) })}
                </Badge>
              </Group>
            }
            data-testid="history-entry"
          >
            <EntryBody entry={e} entity={entity} />
          </Timeline.Item>
        ))}
      </Timeline>
      {page.data && page.data.total > entries.length && (
        <Text size="xs" c="dimmed" mt="xs">{t('more', { count: page.data.total - entries.length })}</Text>
      )}
    </Paper>
  );
}
