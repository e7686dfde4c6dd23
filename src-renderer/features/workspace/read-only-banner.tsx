import { Alert, Button, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatWhen } from './backup-time';
import { useApp } from '../../stores';

/** Shown above every page while another Boucle process holds the workspace for writing. */
export function ReadOnlyBanner() {
  const { t, i18n } = useTranslation('backups');
  const health = useApp((s) => s.health);
  const loadHealth = useApp((s) => s.loadHealth);
  if (health?.state !== 'read_only') return null;
  const h = health.holder;
  const holder = h ? t('readOnlyHolder', { program: h.program, pid: h.pid, host: h.host, since: formatWhen(h.startedAt, i18n.language) }) : t('readOnlyUnknown');
  return (
    <Alert color="yellow" icon={<IconLock size={18} />} title={t('readOnlyTitle')} mb="md" data-testid="read-only-banner">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" style={{ flex: 1 }}>{t('readOnlyBody', { holder })}</Text>
        <Button size="xs" variant="default" style={{ flexShrink: 0 }} onClick={() => void loadHealth()}>{t('retry')}</Button>
      </Group>
    </Alert>
  );
}
