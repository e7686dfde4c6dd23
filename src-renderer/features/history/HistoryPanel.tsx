import { Alert, Badge, Center, Code, Group, Loader, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntity, HistoryEntry, HistoryPage } from '@shared/history/schemas';
import { BUILTIN_KIND_LABELS, BUILTIN_PLATFORM_LABELS } from '@shared/gaps/vocabulary';
import { formatDate, formatNumber, formatPercent } from '@shared/format';
import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';

export interface HistoryPanelProps {
  entity: HistoryEntity;
  id: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Fields whose codes the UI translates: field → the dictionary of common.json. */
const CODE_DICTIONARIES: Record<string, string> = { direction: 'direction', category: 'category', frequency: 'frequency', aggregation: 'aggregation' };

/**
 * A value of the change log as people read it, in the UI language: the log keeps raw values (codes,
 * cents, ids, ISO dates, JSON); ids become the names the core sent with the page.
 */
function useValueText(entity: HistoryEntity, names: HistoryPage['names']) {
  const { t, i18n } = useTranslation('history');
  const { t: tc } = useTranslation();
  const { t: tg } = useTranslation('gaps');
  const { t: tp } = useTranslation('processes');
  const locale = i18n.language;
  const lang = locale.startsWith('fr') ? 'fr' : 'en';
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('none');
    if (field.endsWith('Id') && field !== 'referenceId' && typeof v === 'string') {
      const n = names?.[v];
      return n ? (n.deleted ? t('deletedName', { name: n.name }) : n.name) : t('unknownRow');
    }
    if (Array.isArray(v)) return v.map(String).join(', ');
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (typeof v === 'number') {
      if (field.endsWith('Cents')) return formatNumber(v / 100, locale, 2);
      if (field.endsWith('Pct')) return formatPercent(v, locale, 2);
      return formatNumber(v, locale, 6);
    }
    if (typeof v === 'string') {
      const dict = CODE_DICTIONARIES[field];
      if (dict) return tc(`${dict}.${v}`, { defaultValue: v });
      if (field === 'source') return entity === 'indicators' ? tc(`source.${v}`, { defaultValue: v }) : t(`processSource.${v}`, { defaultValue: v });
      if (field === 'status') return tc(entity === 'interventions' ? `interventionStatus.${v}` : `gapStatus.${v}`, { defaultValue: v });
      if (field === 'type' && entity === 'gaps') return tc(`gapType.${v}`, { defaultValue: v });
      if (field === 'kind' && entity === 'interventions') {
        return (BUILTIN_KIND_LABELS as Record<string, { en: string; fr: string }>)[v]?.[lang] ?? v;
      }
      if (field === 'kind' && entity === 'steps') return tp(`map.kind.${v}`, { defaultValue: v });
      if (field === 'platform') return (BUILTIN_PLATFORM_LABELS as Record<string, { en: string; fr: string }>)[v]?.[lang] ?? v;
      if (field === 'closureKind') return tg(`closureKind.${v}`, { defaultValue: v });
      if (ISO_DAY.test(v)) return formatDate(v, locale);
      if (ISO_TIME.test(v)) return dateTime(v, locale);
      return v;
    }
    return JSON.stringify(v);
  };
}

const dateTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

function EntryBody({ entry, entity, names }: { entry: HistoryEntry; entity: HistoryEntity; names: HistoryPage['names'] }) {
  const { t } = useTranslation('history');
  const valueText = useValueText(entity, names);
  return (
    <Stack gap={4}>
      {entry.changes.map((c, i) =>
        c.kind === 'field' ? (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start" data-testid="history-change">
            <Text size="xs" fw={600} miw={130} style={{ flexShrink: 0 }}>
              {t(`fields.${c.field}`, { defaultValue: c.field })}
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              {entry.action === 'created' ? null : <><Code fz="xs">{valueText(c.field, c.oldValue)}</Code> → </>}
              <Code fz="xs" c="dark">{valueText(c.field, c.newValue)}</Code>
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
            <EntryBody entry={e} entity={entity} names={page.data?.names} />
          </Timeline.Item>
        ))}
      </Timeline>
      {page.data && page.data.total > entries.length && (
        <Text size="xs" c="dimmed" mt="xs">{t('more', { count: page.data.total - entries.length })}</Text>
      )}
    </Paper>
  );
}
