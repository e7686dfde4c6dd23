import { useCallback, useRef } from 'react';
import { modals } from '@mantine/modals';
import i18n from '../i18n';

/**
 * The close handler of a form dialog that never loses typing: when the form holds changes, closing it
 * by any way (Escape, a click outside, the close button, Cancel) first asks whether to discard them.
 * `isDirty` is read when the user tries to close, so it can be `() => form.isDirty()`.
 */
export function useConfirmClose(isDirty: () => boolean, onClose: () => void): () => void {
  const asking = useRef(false);
  const latest = useRef({ isDirty, onClose });
  latest.current = { isDirty, onClose };
  return useCallback(() => {
    // Escape reaches every open dialog: while the question is on screen, it answers it, not this.
    if (asking.current) return;
    if (!latest.current.isDirty()) {
      latest.current.onClose();
      return;
    }
    asking.current = true;
    modals.openConfirmModal({
      title: i18n.t('discard.title'),
      children: i18n.t('discard.body'),
      labels: { confirm: i18n.t('discard.confirm'), cancel: i18n.t('discard.keep') },
      confirmProps: { color: 'red', 'data-testid': 'discard-confirm' } as never,
      cancelProps: { 'data-testid': 'discard-keep' } as never,
      onConfirm: () => {
        asking.current = false;
        latest.current.onClose();
      },
      onCancel: () => {
        asking.current = false;
      },
      onClose: () => {
        asking.current = false;
      },
    });
  }, []);
}

/** Puts a form's values where a dialog opens them, as the baseline of "changed" (nothing typed yet). */
export function resetForm<T extends object>(form: { setValues(v: T): void; resetDirty(v?: T): void; clearErrors(): void }, values: T): void {
  form.setValues(values);
  form.resetDirty(values);
  form.clearErrors();
}
