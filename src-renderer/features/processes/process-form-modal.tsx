import { useEffect } from 'react';
import { Button, Group, Modal, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Process } from '@shared/api';
import { SYSTEMS } from '@shared/domain';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { resetForm, useConfirmClose } from '../../components/use-confirm-close';
import { useApp } from '../../stores';

export interface ProcessFormModalProps {
  opened: boolean;
  onClose(): void;
  process?: Process | null;
  /** The department of a new process (e.g. one just created); else the one filtered on, or the only one. */
  departmentId?: string;
  onSaved?(process: Process): void;
}

interface Values {
  departmentId: string;
  name: string;
  owner: string;
  description: string;
  referenceId: string;
  systems: string[];
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function ProcessFormModal({ opened, onClose, process, departmentId, onSaved }: ProcessFormModalProps) {
  const { t } = useTranslation('processes');
  const { t: tc } = useTranslation();
  const departments = useApp((s) => s.departments);
  const filter = useApp((s) => s.departmentId);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { departmentId: '', name: '', owner: '', description: '', referenceId: '', systems: [] },
  });

  useEffect(() => {
    if (!opened) return;
    resetForm(form, 
      process
        ? {
            departmentId: process.departmentId,
            name: process.name,
            owner: process.owner ?? '',
            description: process.description ?? '',
            referenceId: process.referenceId ?? '',
            systems: process.systems,
          }
        : {
            departmentId: departmentId ?? filter ?? (departments.length === 1 ? departments[0]!.id : ''),
            name: '', owner: '', description: '', referenceId: '', systems: [],
          },
    );
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, process?.id]);

  const submit = form.onSubmit(async (v) => {
    const common = { name: v.name, owner: orNull(v.owner), description: orNull(v.description), referenceId: orNull(v.referenceId), systems: v.systems };
    try {
      const saved = process
        ? await api.call('processes.update', { id: process.id, ...common })
        : await api.call('processes.create', { departmentId: v.departmentId, ...common });
      notifySaved(process ? tc('state.saved') : tc('state.created'));
      bumpRevision();
      onSaved?.(saved);
      onClose();
    } catch (e) {
      showApiError(e, form);
    }
  });

  const close = useConfirmClose(() => form.isDirty(), onClose);

  return (
    <Modal opened={opened} onClose={close} title={process ? t('form.editTitle') : t('form.createTitle')} size="lg">
      <form onSubmit={submit} data-testid="process-form">
        <Stack gap="sm">
          <Select
            label={t('fields.department')}
            withAsterisk
            disabled={!!process}
            description={process ? t('form.departmentFixed') : undefined}
            data={departments.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))}
            placeholder={t('form.chooseDepartment')}
            data-testid="process-department"
            {...form.getInputProps('departmentId')}
          />
          <TextInput label={t('fields.name')} withAsterisk data-autofocus placeholder={t('form.namePlaceholder')}
            data-testid="process-name" {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <TextInput label={t('fields.owner')} placeholder={t('form.ownerPlaceholder')} data-testid="process-owner" {...form.getInputProps('owner')} />
            <TextInput label={t('fields.referenceId')} description={t('form.referenceHelp')} placeholder="APQC 8.2 / SCOR D1"
              data-testid="process-reference" {...form.getInputProps('referenceId')} />
          </Group>
          <TagsInput label={t('fields.systems')} description={t('form.systemsHelp')} data={[...SYSTEMS]} clearable
            data-testid="process-systems" {...form.getInputProps('systems')} />
          <Textarea label={t('fields.description')} autosize minRows={2} maxRows={6} data-testid="process-description"
            {...form.getInputProps('description')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>{tc('actions.cancel')}</Button>
            <Button type="submit" data-testid="process-save">{tc('actions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
