import { useState, type ReactNode } from 'react';
import { ActionIcon, Button, Group, Paper, Select, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { api } from '../api/client';
import { notifySaved, showApiError } from './api-form';
import { useApp } from '../stores';
import { useLoad } from './use-load';

type LinkText = 'none' | 'linked' | 'unlinked' | 'unlink' | 'unlinkNamed' | 'linkExisting' | 'searchPlaceholder' | 'noCandidates' | 'link';

export interface LinkListProps<T extends { id: string; title: string }> {
  /** The rows of the other side linked now. */
  linked: T[];
  /** Rows of the other side that could be linked, for the search text; reloaded when `candidateDeps` change. */
  candidates(text: string): Promise<{ items: T[] }>;
  candidateDeps: readonly unknown[];
  optionLabel(item: T): string;
  /** One gap↔intervention pair, by the id of the other side. */
  pair(otherId: string): { gapId: string; interventionId: string };
  open(item: T): void;
  subtitle(item: T): ReactNode;
  badge(item: T): ReactNode;
  /** The feature's texts for the keys of LinkText (its own namespace and prefix). */
  text(key: LinkText, values?: Record<string, string>): string;
  testIds: { list: string; row: string; unlink: string; select: string; link: string };
  /** More actions beside "Link" (e.g. create a new row and link it), given the link function. */
  extra?(link: (otherId: string) => Promise<void>): ReactNode;
}

/**
 * The many-to-many link between gaps and interventions, seen from either side: the linked rows with
 * an unlink button, and a searchable picker of the other side's rows of the same department.
 */
export function LinkList<T extends { id: string; title: string }>(p: LinkListProps<T>) {
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 150);
  const candidates = useLoad(() => p.candidates(debounced.trim()), [...p.candidateDeps, debounced]);
  const linkedIds = new Set(p.linked.map((x) => x.id));
  const options = (candidates.data?.items ?? []).filter((x) => !linkedIds.has(x.id)).map((x) => ({ value: x.id, label: p.optionLabel(x) }));

  const change = async (otherId: string, add: boolean) => {
    try {
      await api.call(add ? 'links.gapIntervention.add' : 'links.gapIntervention.remove', p.pair(otherId));
      notifySaved(p.text(add ? 'linked' : 'unlinked'));
      if (add) {
        setPicked(null);
        setSearch('');
      }
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };
  const link = (otherId: string) => change(otherId, true);

  return (
    <Stack gap="xs" data-testid={p.testIds.list}>
      {p.linked.length === 0 ? (
        <Text size="sm" c="dimmed">{p.text('none')}</Text>
      ) : (
        p.linked.map((x) => (
          <Paper key={x.id} withBorder p="xs" radius="sm" data-testid={p.testIds.row}>
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <UnstyledButton fw={600} fz="sm" onClick={() => p.open(x)}>{x.title}</UnstyledButton>
                <Text size="xs" c="dimmed">{p.subtitle(x)}</Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                {p.badge(x)}
                <Tooltip label={p.text('unlink')}>
                  <ActionIcon variant="subtle" color="red" aria-label={p.text('unlinkNamed', { title: x.title })} onClick={() => void change(x.id, false)}
                    data-testid={p.testIds.unlink}>
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
          label={p.text('linkExisting')}
          placeholder={p.text('searchPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o}
          data={options}
          value={picked}
          onChange={setPicked}
          nothingFoundMessage={p.text('noCandidates')}
          data-testid={p.testIds.select}
        />
        <Button variant="default" leftSection={<IconLink size={16} />} disabled={!picked} onClick={() => picked && void link(picked)}
          data-testid={p.testIds.link}>
          {p.text('link')}
        </Button>
        {p.extra?.(link)}
      </Group>
    </Stack>
  );
}
