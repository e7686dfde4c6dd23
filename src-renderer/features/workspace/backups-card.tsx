import { useState } from 'react';
import { Badge, Button, Card, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabaseExport, IconFolderOpen, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useLoad } from '../../components/use-load';
import { formatWhen } from './backup-time';
import { RestoreModal } from './restore-modal';

/** Settings → Backups: the list, Back up now, Restore… (with confirmation), Show folder. */
export function BackupsCard() {
  const { t, i18n } = useTranslation('backups');
  const locale = i18n.language;
  const list = useLoad(() => api.call('workspace.backups.list', {}), []);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [folderNote, setFolderNote] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  const backUp = async () => {
    setBusy(true);
    try {
      const b = await api.call('workspace.backups.create', {});
      notifySaved(t('done', { name: b.name }));
      list.reload();
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(false);
    }
  };

  const showFolder = async () => {
    try {
      const r = await api.call('workspace.showFolder', { which: 'backups' });
      setFolderNote(r.opened ? t('folderOpened') : t('folderIs', { folder: r.folder }));
    } catch (e) {
      showApiError(e);
    }
  };

  return (
    <Card withBorder padding="lg" data-testid="backups-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>{t('title')}</Title>
            <Text size="sm" c="dimmed" maw={720}>{t('help')}</Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            <Button leftSection={<IconDatabaseExport size={16} />} loading={busy} onClick={backUp} data-testid="backup-now">{t('backUpNow')}</Button>
            <Button variant="default" leftSection={<IconHistory size={16} />} disabled={items.length === 0} onClick={() => setRestoring(true)} data-testid="backup-restore">
              {t('restore')}
            </Button>
            <Button variant="subtle" leftSection={<IconFolderOpen size={16} />} onClick={showFolder} data-testid="backup-folder">{t('showFolder')}</Button>
          </Group>
        </Group>
        {folderNote && <Code block data-testid="backup-folder-note">{folderNote}</Code>}
        {list.data && (
          <Text size="sm" c="dimmed" data-testid="backup-summary">
            {t('summary', { count: items.length, size: formatBytes(list.data.totalBytes, locale) })}
            {list.data.freeBytes !== null ? ` · ${t('free', { free: formatBytes(list.data.freeBytes, locale) })}` : ''}
          </Text>
        )}
        {list.data && items.length === 0 ? (
          <Paper withBorder p="lg" radius="md" bg="gray.0">
            <Text c="dimmed" ta="center">{t('none')}</Text>
          </Paper>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="backup-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('when')}</Table.Th>
                  <Table.Th>{t('reason')}</Table.Th>
                  <Table.Th>{t('contents')}</Table.Th>
                  <Table.Th ta="right">{t('size')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.slice(0, 12).map((b) => (
                  <Table.Tr key={b.name} data-testid="backup-row">
                    <Table.Td>{formatWhen(b.createdAt, locale)}</Table.Td>
                    <Table.Td>{t(`reasons.${b.reason}`)}</Table.Td>
                    <Table.Td c="dimmed" fz="sm">
                      {b.counts
                        ? t('contentsLine', {
                            gaps: formatNumber(b.counts.gaps ?? 0, locale),
                            processes: formatNumber(b.counts.processes ?? 0, locale),
                            measurements: formatNumber(b.counts.measurements ?? 0, locale),
                          })
                        : '—'}
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatBytes(b.bytes, locale)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={b.checked ? 'teal' : 'orange'}>{b.checked ? t('checked') : t('notChecked')}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <RestoreModal opened={restoring} onClose={() => setRestoring(false)} backups={items} onRestored={list.reload} />
    </Card>
  );
}
