import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconBraces, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { ListExportInput } from '@shared/reports/list-export';
import { api } from '../../api/client';
import { deliverFile } from '../../components/file-download';
import { useApp } from '../../stores';
import { useExportDialog } from '../../app/app-commands';

// File ▸ Export…: what the app can export in one place. The whole workspace as the JSON document of
// `boucle export --json` (read back by `boucle import-json`), and the lists as Excel workbooks, of
// the department chosen in the header (or all), with the columns their screens show.

type ListKind = 'gaps' | 'interventions' | 'indicators';
const LISTS: ListKind[] = ['gaps', 'interventions', 'indicators'];

export function ExportDialog() {
  const { t, i18n } = useTranslation('shell');
  const [opened, close] = useExportDialog();
  const departmentId = useApp((s) => s.departmentId);
  const [busy, setBusy] = useState<string | null>(null);
  const language = i18n.language.startsWith('fr') ? 'fr' : 'en';

  const run = async (what: string, make: () => Promise<{ fileRef: string; fileName: string; path: string }>) => {
    setBusy(what);
    try {
      const file = await make();
      await deliverFile(file, { saved: t('export.saved', { name: file.fileName }) });
      close();
    } catch (e) {
      notifications.show({ color: 'red', title: t('export.failed'), message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };
  const list = (kind: ListKind) => {
    const filters = departmentId ? { departmentId } : {};
    return api.call('reports.exportList', { list: kind, filters, format: 'xlsx', language } as ListExportInput);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('export.title')} size="lg" data-testid="export-dialog">
      <Stack gap="md">
        <div>
          <Text fw={600}>{t('export.workspaceTitle')}</Text>
          <Text size="sm" c="dimmed" mb={6}>{t('export.workspaceHelp')}</Text>
          <Button leftSection={<IconBraces size={16} />} loading={busy === 'json'} disabled={busy !== null && busy !== 'json'}
            onClick={() => void run('json', () => api.call('reports.exportWorkspace', {}))} data-testid="export-workspace-json">
            {t('export.workspaceButton')}
          </Button>
        </div>
        <div>
          <Text fw={600}>{t('export.listsTitle')}</Text>
          <Text size="sm" c="dimmed" mb={6}>{t(departmentId ? 'export.listsHelpDepartment' : 'export.listsHelpAll')}</Text>
          <Group gap="sm">
            {LISTS.map((kind) => (
              <Button key={kind} variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy === kind} disabled={busy !== null && busy !== kind}
                onClick={() => void run(kind, () => list(kind))} data-testid={`export-list-${kind}`}>
                {t(`export.list.${kind}`)}
              </Button>
            ))}
          </Group>
        </div>
      </Stack>
    </Modal>
  );
}
