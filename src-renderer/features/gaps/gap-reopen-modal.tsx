import { useEffect } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Gap } from '@shared/gaps/schemas';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useConfirmClose } from '../../components/use-confirm-close';

/** Reopening a closed loop needs a reason; the core keeps it, and the change log keeps every closing. */
export function GapReopenModal({ opened, onClose, gap, onReopened }: {
  opened: boolean;
  onClose(): void;
  gap: Gap;
  onReopened(gap: Gap): void;
}) {
  const { t } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  useEffect(() => {
    if (opened) form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const submit = form.onSubmit(async (v) => {
    try {
      const g = await api.call('gaps.reopen', { id: gap.id, reason: v.reason });
      notifySaved(t('reopen.done'));
      onReopened(g);
      onClose();
    } catch (e) {
      showApiError(e, form, { status: 'reason' });
    }
  });
  const close = useConfirmClose(() => form.isDirty(), onClose);

  return (
    <Modal opened={opened} onClose={close} title={t('reopen.title', { title: gap.title })}>
      <form onSubmit={submit} data-testid="reopen-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('reopen.help')}</Text>
          <Textarea label={t('reopen.reason')} withAsterisk autosize minRows={3} data-autofocus data-testid="reopen-reason"
            {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="submit" color="orange" data-testid="reopen-submit">{t('reopen.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
