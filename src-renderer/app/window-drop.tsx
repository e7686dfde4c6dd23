import { useEffect, useRef, useState } from 'react';
import { Center, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores';
import { importKindOf, requestImport } from './import-requests';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * A file dropped anywhere on the window starts its import: measurements (CSV, XLSX) on the
 * Indicators page's wizard, a BPMN map on the Processes page's import. The page's own dialog reads it
 * (an upload in the web shell, the file where it lies under Electron: api/client fileSourceOf).
 * Drops inside a dialog's own drop zone are left to it (they stop the event there).
 */
export function WindowDrop() {
  const { t } = useTranslation('shell', { keyPrefix: 'drop' });
  const navigate = useApp((s) => s.navigate);
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current += 1;
      setOver(true);
    };
    const leave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    // Without preventDefault on dragover the browser would open the file in place of the app.
    const overHandler = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      depth.current = 0;
      setOver(false);
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      const kind = importKindOf(file.name);
      if (!kind) {
        notifications.show({ color: 'orange', title: t('wrongTitle', { name: file.name }), message: t('what'), autoClose: 8000 });
        return;
      }
      navigate(kind === 'bpmn' ? 'processes' : 'indicators');
      requestImport({ kind, file });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [navigate, t]);

  if (!over) return null;
  return (
    <Center pos="fixed" inset={0} style={{ zIndex: 1000, background: 'rgba(55, 65, 150, 0.12)', pointerEvents: 'none' }} data-testid="window-drop-target">
      <Paper p="xl" radius="lg" shadow="lg" withBorder style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: 'var(--mantine-color-indigo-5)' }}>
        <Stack align="center" gap="xs">
          <IconFileImport size={48} stroke={1.4} color="var(--mantine-color-indigo-6)" />
          <Text fw={600} size="lg">{t('title')}</Text>
          <Text size="sm" c="dimmed">{t('what')}</Text>
        </Stack>
      </Paper>
    </Center>
  );
}
