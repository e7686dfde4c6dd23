import { useState } from 'react';
import { Alert, Button, Card, Center, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertOctagon, IconDatabaseImport, IconFileExport, IconFolderOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceHealth } from '@shared/workspace/schemas';
import { api, hasBridge } from '../../api/client';
import { showApiError } from '../../components/api-form';
import { useLoad } from '../../components/use-load';
import { useApp } from '../../stores';
import { formatWhen } from './backup-time';
import { confirmRestore, RestoreModal } from './restore-modal';

type Damaged = Extract<WorkspaceHealth, { state: 'damaged' }>;

/**
 * What a damaged workspace shows instead of the app, in words: what is wrong, that the file was left
 * as it was, and the three ways on — restore the latest good backup, export what can be read, open
 * another folder.
 */
export function DamagedScreen({ health }: { health: Damaged }) {
  const { t, i18n } = useTranslation('backups');
  const locale = i18n.language;
  const setHealth = useApp((s) => s.setHealth);
  const backups = useLoad(() => api.call('workspace.backups.list', {}), [health.dataDir]);
  const [choosing, setChoosing] = useState(false);
  const [exported, setExported] = useState<{ file: string; rows: number; lost: string[] } | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const latest = health.latestBackup;

  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    try {
      await fn();
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(null);
    }
  };

  const rescue = () =>
    run('export', async () => {
      const r = await api.call('workspace.rescue', {});
      setExported({ file: r.file, rows: Object.values(r.counts).reduce((a, b) => a + b, 0), lost: r.unreadable });
    });

  const openOther = () =>
    run('open', async () => {
      const h = await api.call('workspace.openFolder', hasBridge() && !folder.trim() ? {} : { path: folder.trim() });
      setHealth(h);
      useApp.getState().bumpRevision();
    });

  return (
    <Center mih="100vh" bg="gray.0" p="lg">
      <Card withBorder padding="xl" radius="md" maw={760} w="100%" data-testid="damaged-screen">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <IconAlertOctagon size={32} color="var(--mantine-color-red-7)" />
            <Title order={2}>{t('damaged.title')}</Title>
          </Group>
          <Text>{t('damaged.lead', { dir: health.dataDir, what: t(`damaged.kinds.${health.kind}`) })}</Text>
          <Text size="sm" c="dimmed">{t('damaged.detail')}</Text>
          <Code block data-testid="damage-detail">{health.detail}</Code>
          <Text fw={500}>{t('damaged.untouched')}</Text>

          <Card withBorder padding="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t('damaged.restoreLatest')}</Text>
                <Button
                  leftSection={<IconDatabaseImport size={16} />}
                  disabled={!latest}
                  data-testid="damaged-restore"
                  onClick={() => latest && confirmRestore(latest, locale, t)}
                >
                  {t('damaged.restoreButton')}
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                {latest ? t('damaged.restoreLatestHelp', { when: formatWhen(latest.createdAt, locale) }) : t('damaged.noBackup')}
              </Text>
              {(backups.data?.items.length ?? 0) > 1 && (
                <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setChoosing(true)}>{t('damaged.otherBackups')}</Button>
              )}
            </Stack>
          </Card>

          <Card withBorder padding="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{t('damaged.export')}</Text>
                <Button variant="default" leftSection={<IconFileExport size={16} />} disabled={!health.readable} loading={busy === 'export'} onClick={rescue} data-testid="damaged-export">
                  {t('damaged.exportButton')}
                </Button>
              </Group>
              <Text size="sm" c="dimmed">{t('damaged.exportHelp')}</Text>
              {exported && (
                <Alert color="teal" data-testid="damaged-exported">
                  {t('damaged.exported', { file: exported.file, rows: exported.rows })}
                  {exported.lost.length > 0 && <Text size="sm">{t('damaged.exportedLost', { lost: exported.lost.join('; ') })}</Text>}
                </Alert>
              )}
            </Stack>
          </Card>

          <Card withBorder padding="md">
            <Stack gap={6}>
              <Text fw={600}>{t('damaged.openOther')}</Text>
              <Text size="sm" c="dimmed">{t('damaged.openOtherHelp')}</Text>
              <Group align="flex-end" wrap="nowrap">
                {!hasBridge() && (
                  <TextInput flex={1} label={t('damaged.folderPath')} value={folder} onChange={(e) => setFolder(e.currentTarget.value)} data-testid="damaged-folder" />
                )}
                <Button variant="default" leftSection={<IconFolderOpen size={16} />} loading={busy === 'open'} disabled={!hasBridge() && !folder.trim()} onClick={openOther} data-testid="damaged-open">
                  {hasBridge() ? t('damaged.openOther') : t('damaged.open')}
                </Button>
              </Group>
            </Stack>
          </Card>
        </Stack>
      </Card>
      <RestoreModal opened={choosing} onClose={() => setChoosing(false)} backups={backups.data?.items ?? []} />
    </Center>
  );
}
