import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconTableExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { ListExportInput } from '@shared/reports/list-export';
import { api } from '../api/client';
import { deliverFile } from './file-download';

/**
 * The Export button of every list screen: CSV or XLSX of exactly what the list shows. The caller
 * passes the list's own query (filters and sort, no paging); the core reads it through the same call.
 */
export function ExportButton({ request, disabled }: { request: Omit<ListExportInput, 'format' | 'language'>; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const language = i18n.language.startsWith('fr') ? 'fr' : 'en';
      const file = await api.call('reports.exportList', { ...request, format, language } as ListExportInput);
      await deliverFile(file, { saved: t('export.saved', { rows: file.rows }) });
    } catch (e) {
      notifications.show({ color: 'red', title: t('export.failed'), message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<IconTableExport size={16} />} loading={busy} disabled={disabled} data-testid="export-button">
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => void run('csv')} data-testid="export-csv">CSV</Menu.Item>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void run('xlsx')} data-testid="export-xlsx">Excel (XLSX)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
