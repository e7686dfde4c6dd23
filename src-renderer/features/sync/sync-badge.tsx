import { useEffect, useState } from 'react';
import { Badge, Tooltip } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApp } from '../../stores';

/** Background sync every few minutes and when the network comes back; a badge while offline. */
const EVERY_MS = 5 * 60_000;

export function SyncBadge() {
  const { t } = useTranslation('sync');
  const bump = useApp((s) => s.bumpRevision);
  const [offline, setOffline] = useState(typeof navigator !== 'undefined' && !navigator.onLine);

  useEffect(() => {
    let alive = true;
    let running = false;
    const tick = async () => {
      if (running || !navigator.onLine) return;
      running = true;
      try {
        const status = await api.call('sync.status', {});
        if (!status.configured || !status.hasToken) return;
        const r = await api.call('sync.run', { confirm: false });
        if (!alive) return;
        setOffline(r.error?.code === 'network');
        if (r.pulled) bump();
      } catch {
        // the Sync page shows what went wrong; the badge only tells whether the server is reachable
      } finally {
        running = false;
      }
    };
    const online = () => {
      setOffline(false);
      void tick();
    };
    const offlineNow = () => setOffline(true);
    window.addEventListener('online', online);
    window.addEventListener('offline', offlineNow);
    const timer = window.setInterval(() => void tick(), EVERY_MS);
    const first = window.setTimeout(() => void tick(), 15_000);
    return () => {
      alive = false;
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offlineNow);
      window.clearInterval(timer);
      window.clearTimeout(first);
    };
  }, [bump]);

  if (!offline) return null;
  return (
    <Tooltip label={t('offlineHelp')}>
      <Badge color="gray" variant="light" leftSection={<IconCloudOff size={12} />} data-testid="sync-offline">{t('offline')}</Badge>
    </Tooltip>
  );
}
