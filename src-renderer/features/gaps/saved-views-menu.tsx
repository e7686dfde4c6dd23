import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBookmark, IconDeviceFloppy, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '@shared/gaps/saved-views';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { askToDelete } from '../../components/confirm-delete';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';
import { toFilters, type RegisterState } from './register-filters';

export interface SavedViewsMenuProps {
  state: RegisterState;
  onApply(view: SavedView): void;
}

/** Save the register's filters and sort under a name, pick one back, rename or update one, delete one. */
export function SavedViewsMenu({ state, onApply }: SavedViewsMenuProps) {
  const { t } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const departmentId = useApp((s) => s.departmentId);
  const departments = useApp((s) => s.departments);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const views = useLoad(() => api.call('savedViews.list', { entity: 'gaps', ...(departmentId ? { departmentId } : {}) }), [departmentId]);
  const [saving, setSaving] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { name: '', departmentId: departmentId ?? '' } });
  const [editing, setEditing] = useState<SavedView | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const editForm = useForm({ mode: 'controlled', initialValues: { name: '', replaceFilters: false } });
  const openEdit = (view: SavedView) => {
    editForm.setValues({ name: view.name, replaceFilters: false });
    editForm.clearErrors();
    setMenuOpen(false); // the pencil sits in a menu item that does not close the menu by itself
    setEditing(view);
  };
  const saveEdit = editForm.onSubmit(async (v) => {
    if (!editing) return;
    try {
      const view = await api.call('savedViews.update', {
        id: editing.id,
        name: v.name,
        ...(v.replaceFilters ? { filters: toFilters(state, departmentId ?? editing.departmentId), sortBy: state.sortBy, sortDir: state.sortDir } : {}),
      });
      notifySaved(t('views.saved', { name: view.name }));
      setEditing(null);
      bumpRevision();
    } catch (e) {
      showApiError(e, editForm);
    }
  });

  const openSave = () => {
    form.setValues({ name: '', departmentId: departmentId ?? departments[0]?.id ?? '' });
    form.clearErrors();
    setSaving(true);
  };
  const save = form.onSubmit(async (v) => {
    try {
      const view = await api.call('savedViews.create', {
        name: v.name,
        entity: 'gaps',
        ...(v.departmentId ? { departmentId: v.departmentId } : {}),
        filters: toFilters(state, departmentId),
        sortBy: state.sortBy,
        sortDir: state.sortDir,
      });
      notifySaved(t('views.saved', { name: view.name }));
      setSaving(false);
      bumpRevision();
    } catch (e) {
      showApiError(e, form);
    }
  });
  const remove = (view: SavedView) =>
    askToDelete({
      title: t('views.deleteTitle', { name: view.name }),
      body: t('views.deleteBody'),
      remove: () => api.call('savedViews.delete', { id: view.id }),
    });

  const list = views.data ?? [];
  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={300} opened={menuOpen} onChange={setMenuOpen}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} data-testid="saved-views">
            {t('views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('views.label')}</Menu.Label>
          {list.length === 0 && <Menu.Item disabled>{t('views.empty')}</Menu.Item>}
          {list.map((v) => (
            <Menu.Item
              key={v.id}
              onClick={() => onApply(v)}
              data-testid="saved-view-item"
              rightSection={
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    aria-label={t('views.edit', { name: v.name })}
                    data-testid="saved-view-edit"
                    onClick={(e) => {
                      e.stopPropagation();
                      openEdit(v);
                    }}
                  >
                    <IconPencil size={14} />
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('views.delete', { name: v.name })}
                    onClick={(e) => {
                      e.stopPropagation();
                      remove(v);
                    }}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              }
            >
              {v.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={openSave} data-testid="saved-view-save">
            {t('views.saveCurrent')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('views.saveTitle')}>
        <form onSubmit={save}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">{t('views.saveHelp')}</Text>
            <TextInput label={t('views.name')} withAsterisk data-autofocus data-testid="saved-view-name" {...form.getInputProps('name')} />
            {!departmentId && (
              <Select
                label={tc('department.filter')}
                description={t('views.departmentHelp')}
                data={departments.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))}
                allowDeselect={false}
                data-testid="saved-view-department"
                {...form.getInputProps('departmentId')}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>{tc('actions.cancel')}</Button>
              <Button type="submit" data-testid="saved-view-submit">{tc('actions.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('views.editTitle')}>
        <form onSubmit={saveEdit}>
          <Stack gap="sm">
            <TextInput label={t('views.name')} withAsterisk data-autofocus data-testid="saved-view-edit-name" {...editForm.getInputProps('name')} />
            <Checkbox
              label={t('views.replaceFilters')}
              description={t('views.replaceFiltersHelp')}
              data-testid="saved-view-replace"
              {...editForm.getInputProps('replaceFilters', { type: 'checkbox' })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>{tc('actions.cancel')}</Button>
              <Button type="submit" data-testid="saved-view-edit-submit">{tc('actions.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
