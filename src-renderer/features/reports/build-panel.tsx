import { useState } from 'react';
import { Alert, Button, Group, Progress, Select, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileExport, IconFolder, IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { REPORT_FORMATS, type ReportFormat, type ReportSpecInput } from '@shared/reports/schemas';
import { formatBytes } from '@shared/format';
import { downloadCoreFile } from '../../components/file-download';
import { useReportJob } from './use-report-job';

// Build the report: a progress bar while it builds, Cancel; then Open and Show in folder under
// Electron (the file is where the save dialog put it), a download in the browser.
export function BuildPanel({ spec, fileBase }: { spec: ReportSpecInput; fileBase: string }) {
  const { t, i18n } = useTranslation('reports');
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const { job, error, start, cancel } = useReportJob();
  const running = job !== null && !['done', 'failed', 'cancelled'].includes(job.phase);
  const build = async () => {
    let out: string | undefined;
    if (window.boucle) {
      const chosen = await window.boucle.saveAs(`${fileBase}.${format}`);
      if (!chosen) return;
      out = chosen;
    }
    await start({ spec, format, ...(out ? { out, force: true } : {}) });
  };
  const file = job?.phase === 'done' ? job.result : null;
  return (
    <Stack gap="xs" data-testid="report-build">
      <Group gap="sm" align="flex-end">
        <Select label={t('build.format')} w={140} value={format} data={REPORT_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
          onChange={(v) => v && setFormat(v as ReportFormat)} allowDeselect={false} data-testid="report-format" />
        <Button leftSection={<IconFileExport size={16} />} onClick={() => void build()} loading={running} data-testid="report-build-button">{t('build.button')}</Button>
        {running && <Button variant="default" color="red" leftSection={<IconPlayerStop size={16} />} onClick={() => void cancel()} data-testid="report-cancel">{t('build.cancel')}</Button>}
      </Group>
      {job && running && (
        <div>
          <Progress value={job.fraction * 100} animated data-testid="report-progress" />
          <Text size="xs" c="dimmed">{t(`phase.${job.phase}`)}{job.step?.section ? ` · ${t(`section.${job.step.section}`)}` : ''}</Text>
        </div>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {job?.phase === 'failed' && <Alert color="red" data-testid="report-failed">{job.error?.message}</Alert>}
      {job?.phase === 'cancelled' && <Alert color="gray" data-testid="report-cancelled">{t('build.cancelled')}</Alert>}
      {file && (
        <Alert color="green" data-testid="report-done" title={t('build.done', { name: file.fileName, size: formatBytes(file.bytes, i18n.language) })}>
          <Group gap="xs">
            {window.boucle ? (
              <>
                <Button size="xs" onClick={() => void window.boucle!.openFile(file.path)}>{t('build.open')}</Button>
                <Button size="xs" variant="default" leftSection={<IconFolder size={14} />} onClick={() => void window.boucle!.showInFolder(file.path)}>{t('build.showInFolder')}</Button>
              </>
            ) : (
              <Button size="xs" leftSection={<IconDownload size={14} />} onClick={() => void downloadCoreFile(file)} data-testid="report-download">{t('build.download')}</Button>
            )}
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
