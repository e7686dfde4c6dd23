import { useEffect, useState } from 'react';
import { Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '@shared/sync/schemas';
import { api } from '../../api/client';

const POLL_MS = 400;

/**
 * The bar of a running sync, with its figures: `sync.run` answers only at the end, so while it runs
 * the page asks `sync.status` where it stands (sending, or downloading a department: done of total).
 * Before any total is known the bar moves without figures.
 */
export function SyncProgressBar({ active }: { active: boolean }) {
  const { t, i18n } = useTranslation('sync');
  const [p, setP] = useState<SyncProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setP(null);
      return;
    }
    let stop = false;
    const tick = async () => {
      try {
        const s = await api.call('sync.status', {});
        if (!stop) setP(s.running);
      } catch {
        // the run's own answer reports failures; a missed poll only delays the bar
      }
      if (!stop) timer = setTimeout(tick, POLL_MS);
    };
    let timer = setTimeout(tick, 0);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [active]);
  if (!active) return null;
  const known = p !== null && p.total > 0;
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  const label = !p
    ? t('syncing')
    : p.phase === 'push'
      ? known ? t('progress.push', { done: n(p.done), total: n(p.total) }) : t('progress.pushStart')
      : known ? t('progress.pull', { code: p.department ?? '', done: n(p.done), total: n(p.total) }) : t('progress.pullStart', { code: p.department ?? '' });
  return (
    <div data-testid="sync-progress">
      <Progress
        value={known ? Math.min(100, (100 * p.done) / p.total) : 100}
        animated={!known}
        mt="md"
        aria-label={label}
        data-known={known ? 'yes' : 'no'}
      />
      <Text size="xs" c="dimmed" mt={4} data-testid="sync-progress-label">{label}</Text>
    </div>
  );
}
