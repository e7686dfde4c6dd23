import { notifications } from '@mantine/notifications';
import type { UseFormReturnType } from '@mantine/form';
import { ApiCallError } from '../api/client';
import i18n from '../i18n';

/**
 * Shows an API error where the user can act on it: at the field the core named (e.g. "code",
 * "severity"), otherwise as a notification. Returns true when it landed on a field.
 */
export function showApiError<T>(e: unknown, form?: UseFormReturnType<T>, fieldMap: Record<string, string> = {}): boolean {
  if (e instanceof ApiCallError && e.field && form) {
    const field = fieldMap[e.field] ?? e.field;
    if (field in (form.getValues() as object)) {
      form.setFieldError(field, e.message);
      return true;
    }
  }
  const title = e instanceof ApiCallError ? i18n.t(`errorCode.${e.code}`, { defaultValue: e.code }) : i18n.t('errors.generic');
  notifications.show({ color: 'red', title, message: e instanceof Error ? e.message : String(e) });
  return false;
}

export function notifySaved(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 2500 });
}
