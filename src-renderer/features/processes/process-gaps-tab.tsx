import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { severityColour } from '../gaps/gap-style';
import type { Gap } from '@shared/api';
import { formatDate, formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { askToDelete } from '../../components/confirm-delete';
import { useApp } from '../../stores';
import GapFormModal from '../gaps/GapFormModal';
import { useLoad } from '../../components/use-load';

const STATUS_COLOURS: Record<string, string> = { open: 'orange', addressing: 'blue', closed: 'teal', dismissed: 'gray' };

export function ProcessGapsTab({ processId }: { processId: string }) {
  const { t, i18n } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const bumpRevision = useApp((s) => s.bumpRevision);
  const gaps = useLoad(() => api.call('gaps.list', { processId, limit: 1000, sortBy: 'cost', sortDir: 'desc' }), [processId]);
  const [form, setForm] = useState<{ open: boolean; gap: Gap | null }>({ open: false, gap: null });
  const locale = i18n.language;

  const confirmDelete = (gap: Gap) =>
    askToDelete({
      title: t('gaps.deleteTitle', { title: gap.title }),
      body: t('gaps.deleteBody'),
      remove: () => api.call('gaps.delete', { id: gap.id }),
    });

  if (gaps.loading && !gaps.data) return <Center h={160}><Loader size="sm" /></Center>;
  if (gaps.error && !gaps.data) return <Alert color="red" title={tc('errors.generic')}>{gaps.error}</Alert>;
  const items = gaps.data?.items ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('gaps.help')}</Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ open: true, gap: null })} data-testid="gap-create">
          {t('gaps.add')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Paper withBorder p="xl" radius="md"><Text ta="center" c="dimmed">{t('gaps.empty')}</Text></Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={820}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="gap-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('gaps.title')}</Table.Th>
                  <Table.Th>{t('gaps.step')}</Table.Th>
                  <Table.Th>{t('gaps.type')}</Table.Th>
                  <Table.Th ta="center">{t('gaps.severity')}</Table.Th>
                  <Table.Th w={140}>{t('gaps.status')}</Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('gaps.monthlyCost')}</Table.Th>
                  <Table.Th w={80} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((g) => (
                  <Table.Tr key={g.id} data-testid="gap-row">
                    <Table.Td>
                      <Text fw={600} size="sm">{g.title}</Text>
                      <Text size="xs" c="dimmed">{formatDate(g.foundOn, locale)}{g.owner ? ` · ${g.owner}` : ''}</Text>
                    </Table.Td>
                    <Table.Td><Text size="sm">{g.stepName ?? <Text span c="dimmed" size="sm">{t('gaps.noStep')}</Text>}</Text></Table.Td>
                    <Table.Td><Text size="sm">{tc(`gapType.${g.type}`)}</Text></Table.Td>
                    <Table.Td ta="center"><Badge tt="none" color={severityColour(g.severity)} variant="light">{g.severity}</Badge></Table.Td>
                    <Table.Td><Badge tt="none" color={STATUS_COLOURS[g.status]} variant="dot" style={{ overflow: 'visible' }}>{tc(`gapStatus.${g.status}`)}</Badge></Table.Td>
                    <Table.Td ta="right" data-testid="gap-cost">
                      {g.monthlyCostCents === null ? (
                        <Tooltip label={t('gaps.noRate')}><Text span c="dimmed" size="sm">—</Text></Tooltip>
                      ) : (
                        <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(g.monthlyCostCents, g.currency, locale)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} justify="flex-end" wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={t('gaps.edit', { title: g.title })} onClick={() => setForm({ open: true, gap: g })} data-testid="gap-edit">
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="red" aria-label={t('gaps.delete', { title: g.title })} onClick={() => confirmDelete(g)} data-testid="gap-delete">
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <GapFormModal opened={form.open} onClose={() => setForm({ open: false, gap: null })} processId={processId} gap={form.gap}
        onSaved={() => bumpRevision()} />
    </Stack>
  );
}
