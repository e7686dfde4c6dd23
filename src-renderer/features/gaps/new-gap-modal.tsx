import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Gap } from '@shared/gaps/schemas';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';
import GapFormModal from './GapFormModal';
import { NeedsProcess } from '../workspace/prerequisites';

/** "New gap" from the register: a gap belongs to a process, so the user picks it first (and a step, optionally). */
export function NewGapModal({ opened, onClose, onSaved }: { opened: boolean; onClose(): void; onSaved(gap: Gap): void }) {
  const { t } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const departmentId = useApp((s) => s.departmentId);
  const [processId, setProcessId] = useState<string | null>(null);
  const [form, setForm] = useState(false);
  const processes = useLoad(
    () => (opened ? api.call('processes.list', { limit: 1000, ...(departmentId ? { departmentId } : {}) }) : Promise.resolve(null)),
    [opened, departmentId],
  );
  useEffect(() => {
    if (opened) {
      setProcessId(null);
      setForm(false);
    }
  }, [opened]);
  const items = processes.data?.items ?? [];
  return (
    <>
      <Modal opened={opened && !form} onClose={onClose} title={t('newGap.title')}>
        {processes.data && items.length === 0 ? (
          // A gap needs a process: say so and create it here, then go on to the gap.
          <NeedsProcess
            onCreated={(p) => {
              setProcessId(p.id);
              setForm(true);
            }}
          />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (processId) setForm(true);
            }}
          >
            <Stack gap="sm">
              <Text size="sm" c="dimmed">{t('newGap.help')}</Text>
              <Select label={t('col.process')} withAsterisk searchable data-autofocus value={processId} onChange={setProcessId}
                data={items.map((p) => ({ value: p.id, label: p.name }))} data-testid="new-gap-process" />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>{tc('actions.cancel')}</Button>
                <Button type="submit" disabled={!processId} data-testid="new-gap-next">{t('newGap.next')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
      {processId && (
        <GapFormModal opened={opened && form} onClose={onClose} processId={processId} onSaved={onSaved} />
      )}
    </>
  );
}
