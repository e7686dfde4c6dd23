import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Gap } from '@shared/schemas/gaps';
import type { Intervention } from '@shared/schemas/interventions';
import { formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import { BADGE_FULL, GAP_STATUS_COLOURS } from '../gaps/gap-style';
import { useLoad } from '../../components/use-load';

/** The gaps an intervention works on (many-to-many): link, unlink, open. */
export function InterventionGaps({ intervention, linked }: { intervention: Intervention; linked: Gap[] }) {
  const { t, i18n } = useTranslation('interventions');
  const { t: tc } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 150);
  const candidates = useLoad(
    () =>
      api.call('gaps.list', {
        departmentId: intervention.departmentId,
        limit: 30,
        sortBy: 'cost',
        sortDir: 'desc',
        ...(debounced.trim() ? { text: debounced } : {}),
      }),
    [intervention.departmentId, debounced],
  );
  const linkedIds = new Set(linked.map((g) => g.id));
  const options = (candidates.data?.items ?? [])
    .filter((g) => !linkedIds.has(g.id))
    .map((g) => ({ value: g.id, label: `${g.title} · ${tc(`gapStatus.${g.status}`)}` }));

  const change = async (gapId: string, add: boolean) => {
    try {
      if (add) await api.call('links.gapIntervention.add', { gapId, interventionId: intervention.id });
      else await api.call('links.gapIntervention.remove', { gapId, interventionId: intervention.id });
      notifySaved(add ? t('gaps.linked') : t('gaps.unlinked'));
      setPicked(null);
      setSearch('');
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };

  return (
    <Stack gap="xs" data-testid="intervention-gaps">
      {linked.length === 0 ? (
        <Text size="sm" c="dimmed">{t('gaps.none')}</Text>
      ) : (
        linked.map((g) => (
          <Paper key={g.id} withBorder p="xs" radius="sm" data-testid="intervention-gap-row">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <UnstyledButton fw={600} fz="sm" onClick={() => navigate('gaps', g.id)}>{g.title}</UnstyledButton>
                <Text size="xs" c="dimmed">
                  {g.processName}
                  {g.monthlyCostCents !== null ? ` · ${formatMoney(g.monthlyCostCents, g.currency, i18n.language, 0)}${t('gaps.perMonth')}` : ''}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Badge tt="none" variant="dot" color={GAP_STATUS_COLOURS[g.status]} styles={BADGE_FULL} data-testid="intervention-gap-status">
                  {tc(`gapStatus.${g.status}`)}
                </Badge>
                <Tooltip label={t('gaps.unlink')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('gaps.unlinkNamed', { title: g.title })} onClick={() => void change(g.id, false)}>
                    <IconLinkOff size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
          </Paper>
        ))
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          style={{ flex: 1 }}
          label={t('gaps.linkExisting')}
          placeholder={t('gaps.searchPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o}
          data={options}
          value={picked}
          onChange={setPicked}
          nothingFoundMessage={t('gaps.noCandidates')}
          data-testid="link-gap-select"
        />
        <Button variant="default" leftSection={<IconLink size={16} />} disabled={!picked} onClick={() => picked && void change(picked, true)}
          data-testid="link-gap">
          {t('gaps.link')}
        </Button>
      </Group>
    </Stack>
  );
}
