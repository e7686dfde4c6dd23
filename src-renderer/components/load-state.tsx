import type { ReactNode } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Loaded } from './use-load';

/**
 * What a list screen shows around its data: a loader until the first answer, the core's error,
 * the empty state when there is nothing (pass it only then, e.g. `rows.data?.length === 0 && <Card…>`),
 * else the children.
 */
export function LoadState({ load, empty, children }: { load: Loaded<unknown>; empty?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  if (load.loading && !load.data) return <Center h={160}><Loader size="sm" /></Center>;
  if (load.error) return <Alert color="red" title={t('errors.generic')}>{load.error}</Alert>;
  return <>{empty || children}</>;
}
