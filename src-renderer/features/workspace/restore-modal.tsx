import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/workspace/schemas';
import { formatBytes } from '@shared/format';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import { formatWhen } from './backup-time';

interface Props {
  opened: boolean;
  onClose(): void;
  backups: BackupInfo[];
  onRestored?(): void;
}

/** Restore…: choose a backup, confirm in words (what is replaced, where the current one goes), restore. */
export function RestoreModal({ opened, onClose, backups, onRestored }: Props) {
  const { t, i18n } = useTranslation('backups');
  const [chosen, setChosen] = useState<string | null>(null);
  const locale = i18n.language;
  const pick = backups.find((b) => b.name === chosen) ?? null;

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t('restoreTitle')} data-testid="restore-modal">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('restoreHelp')}</Text>
        <ScrollArea.Autosize mah={360}>
          <Radio.Group value={chosen} onChange={setChosen}>
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Tbody>
                {backups.map((b) => (
                  <Table.Tr key={b.name} onClick={() => setChosen(b.name)} style={{ cursor: 'pointer' }} data-testid="restore-row">
                    <Table.Td w={32}><Radio value={b.name} aria-label={formatWhen(b.createdAt, locale)} /></Table.Td>
                    <Table.Td>{formatWhen(b.createdAt, locale)}</Table.Td>
                    <Table.Td>{t(`reasons.${b.reason}`)}</Table.Td>
                    <Table.Td ta="right">{formatBytes(b.bytes, locale)}</Table.Td>
                    <Table.Td c={b.checked ? undefined : 'orange'}>{b.checked ? t('checked') : t('notChecked')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Radio.Group>
        </ScrollArea.Autosize>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('cancel')}</Button>
          <Button
            color="orange"
            disabled={!pick}
            data-testid="restore-chosen"
            onClick={() => pick && confirmRestore(pick, locale, t, () => { onClose(); onRestored?.(); })}
          >
            {t('restoreThis')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The confirmation, then the restore; the whole app reloads what it shows. */
export function confirmRestore(b: BackupInfo, locale: string, t: (k: string, o?: Record<string, unknown>) => string, after?: () => void) {
  const when = formatWhen(b.createdAt, locale);
  modals.openConfirmModal({
    title: t('confirmTitle', { when }),
    children: (
      <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
        <Text size="sm">{t('confirmBody')}</Text>
      </Alert>
    ),
    labels: { confirm: t('confirm'), cancel: t('cancel') },
    confirmProps: { color: 'orange', 'data-testid': 'confirm-restore' } as never,
    onConfirm: async () => {
      try {
        const r = await api.call('workspace.backups.restore', { name: b.name });
        notifySaved(t('restored', { when, aside: r.keptAside }));
        useApp.getState().setHealth(r.health);
        useApp.getState().bumpRevision();
        after?.();
      } catch (e) {
        showApiError(e);
      }
    },
  });
}
