import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLink, IconLinkOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Gap } from '@shared/schemas/gaps';
import type { Intervention } from '@shared/schemas/interventions';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import { InterventionFormModal } from '../interventions/intervention-form-modal';
import { useLoad } from '../../components/use-load';
import { BADGE_FULL, INTERVENTION_STATUS_COLOURS } from './gap-style';

/** The interventions working on a gap: link an existing one, create one linked to it, unlink. */
export function GapInterventions({ gap, linked }: { gap: Gap; linked: Intervention[] }) {
  const { t } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [debounced] = useDebouncedValue(search, 150);
  const candidates = useLoad(
    () => api.call('interventions.list', { departmentId: gap.departmentId, limit: 30, ...(debounced.trim() ? { text: debounced } : {}) }),
    [gap.departmentId, debounced],
  );
  const linkedIds = new Set(linked.map((i) => i.id));
  const options = (candidates.data?.items ?? [])
    .filter((i) => !linkedIds.has(i.id))
    .map((i) => ({ value: i.id, label: `${i.title} · ${tc(`interventionStatus.${i.status}`)}` }));

  const link = async (interventionId: string) => {
    try {
      await api.call('links.gapIntervention.add', { gapId: gap.id, interventionId });
      notifySaved(t('links.linked'));
      setPicked(null);
      setSearch('');
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };
  const unlink = async (interventionId: string) => {
    try {
      await api.call('links.gapIntervention.remove', { gapId: gap.id, interventionId });
      notifySaved(t('links.unlinked'));
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };

  return (
    <Stack gap="xs" data-testid="gap-interventions">
      {linked.length === 0 ? (
        <Text size="sm" c="dimmed">{t('links.none')}</Text>
      ) : (
        linked.map((i) => (
          <Paper key={i.id} withBorder p="xs" radius="sm" data-testid="gap-intervention-row">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <UnstyledButton fw={600} fz="sm" onClick={() => navigate('interventions', i.id)}>{i.title}</UnstyledButton>
                <Text size="xs" c="dimmed">{i.owner ?? '—'}{i.startDate ? ` · ${i.startDate}` : ''}</Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Badge tt="none" variant="light" color={INTERVENTION_STATUS_COLOURS[i.status]} styles={BADGE_FULL} data-testid="gap-intervention-status">
                  {tc(`interventionStatus.${i.status}`)}
                </Badge>
                <Tooltip label={t('links.unlink')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('links.unlinkNamed', { title: i.title })} onClick={() => void unlink(i.id)}
                    data-testid="gap-intervention-unlink">
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
          label={t('links.linkExisting')}
          placeholder={t('links.searchPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o}
          data={options}
          value={picked}
          onChange={setPicked}
          nothingFoundMessage={t('links.noCandidates')}
          data-testid="link-intervention-select"
        />
        <Button variant="default" leftSection={<IconLink size={16} />} disabled={!picked} onClick={() => picked && void link(picked)}
          data-testid="link-intervention">
          {t('links.link')}
        </Button>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-linked-intervention">
          {t('links.new')}
        </Button>
      </Group>
      <InterventionFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        departmentId={gap.departmentId}
        onSaved={(i) => void link(i.id)}
      />
    </Stack>
  );
}
