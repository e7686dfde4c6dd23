import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconLinkOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Gap, Indicator, IndicatorLinkRow, Intervention } from '@shared/api';
import { formatDate } from '@shared/format';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useApp } from '../../stores';

interface Props {
  indicator: Indicator;
  links: IndicatorLinkRow[];
  gaps: Gap[];
  interventions: Intervention[];
}

/** The gaps an indicator evidences and the interventions it measures (links.indicator.*). */
export function IndicatorLinks({ indicator, links, gaps, interventions }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <LinkColumn kind="gap" indicator={indicator} linked={links.flatMap((l) => (l.gapId ? [l.gapId] : []))}
        items={gaps.map((g) => ({ id: g.id, title: g.title, sub: null }))} />
      <LinkColumn kind="intervention" indicator={indicator} linked={links.flatMap((l) => (l.interventionId ? [l.interventionId] : []))}
        items={interventions.map((i) => ({ id: i.id, title: i.title, sub: i.startDate }))} />
    </SimpleGrid>
  );
}

function LinkColumn({ kind, indicator, linked, items }: {
  kind: 'gap' | 'intervention';
  indicator: Indicator;
  linked: string[];
  items: { id: string; title: string; sub: string | null }[];
}) {
  const { t, i18n } = useTranslation('indicators');
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [choice, setChoice] = useState<string | null>(null);
  const byId = new Map(items.map((i) => [i.id, i]));
  const linkedSet = new Set(linked);

  const add = async () => {
    if (!choice) return;
    try {
      await api.call('links.indicator.add', { indicatorId: indicator.id, target: kind, targetId: choice });
      setChoice(null);
      notifySaved(t('links.added'));
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };
  const remove = async (targetId: string) => {
    try {
      await api.call('links.indicator.remove', { indicatorId: indicator.id, target: kind, targetId });
      notifySaved(t('links.removed'));
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid={`links-${kind}`}>
      <Text fw={600} mb="xs">{t(`links.${kind}s`)}</Text>
      <Stack gap={6}>
        {linked.length === 0 && <Text size="sm" c="dimmed">{t(`links.no_${kind}`)}</Text>}
        {linked.map((id) => {
          const item = byId.get(id);
          return (
            <Group key={id} justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm">{item?.title ?? id}</Text>
                {kind === 'intervention' && (
                  <Text size="xs" c="dimmed">{item?.sub ? t('impact.started', { date: formatDate(item.sub, i18n.language) }) : t('impact.noStart')}</Text>
                )}
              </div>
              <Tooltip label={t('links.remove')}>
                <ActionIcon variant="subtle" color="red" aria-label={t('links.removeNamed', { name: item?.title ?? id })} onClick={() => void remove(id)}>
                  <IconLinkOff size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          );
        })}
        <Group gap="xs" mt="xs" wrap="nowrap" align="flex-end">
          <Select style={{ flex: 1 }} searchable clearable placeholder={t(`links.choose_${kind}`)} value={choice} onChange={setChoice}
            aria-label={t(`links.choose_${kind}`)} data-testid={`link-choose-${kind}`}
            data={items.filter((i) => !linkedSet.has(i.id)).map((i) => ({ value: i.id, label: i.title }))}
            nothingFoundMessage={t('links.nothing')} />
          <Button leftSection={<IconPlus size={14} />} disabled={!choice} onClick={() => void add()} data-testid={`link-add-${kind}`}>
            {t('links.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
