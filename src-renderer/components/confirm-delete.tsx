import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import i18n from '../i18n';
import { useApp } from '../stores';
import { notifySaved, showApiError } from './api-form';

/**
 * The one delete confirmation of the app: says what goes with the item, runs the delete through the
 * core, then tells every screen to refresh — or shows the core's error.
 */
export function askToDelete(opts: { title: string; body: ReactNode; remove: () => Promise<unknown>; after?: () => void }) {
  modals.openConfirmModal({
    title: opts.title,
    children: typeof opts.body === 'string' ? <Text size="sm">{opts.body}</Text> : opts.body,
    labels: { confirm: i18n.t('actions.delete'), cancel: i18n.t('actions.cancel') },
    confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
    onConfirm: async () => {
      try {
        await opts.remove();
        notifySaved(i18n.t('state.deleted'));
        useApp.getState().bumpRevision();
        opts.after?.();
      } catch (e) {
        showApiError(e);
      }
    },
  });
}
