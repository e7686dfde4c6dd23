import { Alert, Button, Group, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPORT_ERROR_TEXT, type ImportBadRow, type ImportJob } from '@shared/imports/schemas';
import { formatDate, formatNumber } from '@shared/format';
import { localMessage } from '../../api/client';

// The last step of the measurement import: what was written, or why nothing was, row by row.

/** The core's reason for a bad row in the app's language (with its details); the code's text as a fallback. */
export function errorText(e: ImportBadRow, lang: string): string {
  if (e.key) return localMessage(e.reason, e.key, e.params);
  return lang.startsWith('fr') ? IMPORT_ERROR_TEXT[e.code].fr : e.reason;
}

export function ImportOutcome({ job, onClose, onAgain }: { job: ImportJob; onClose(): void; onAgain(): void }) {
  const { t, i18n } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const n = (x: number) => formatNumber(x, lang, 0);
  const r = job.result;
  return (
    <Stack gap="md" data-testid="import-result" data-phase={job.phase}>
      {job.phase === 'done' && r && (
        <>
          <Alert color="teal" icon={<IconCheck size={18} />} title={t('import.doneTitle')} data-testid="import-done">
            {t('import.doneBody', { rows: n(r.rows), file: job.fileName })}
          </Alert>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {([['inserted', r.inserted], ['replaced', r.replaced], ['kept', r.kept], ['unchanged', r.unchanged], ['skippedEmpty', r.skippedEmpty]] as const).map(([k, v]) => (
              <div key={k} data-testid={`import-count-${k}`}>
                <Text size="xs" c="dimmed">{t(`import.counts.${k}`)}</Text>
                <Text size="xl" fw={700}>{n(v)}</Text>
              </div>
            ))}
          </SimpleGrid>
          <Table fz="sm">
            <Table.Tbody>
              {r.indicators.map((i) => (
                <Table.Tr key={i.indicatorId}>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td ta="right">{t('import.rowsN', { n: n(i.rows) })}</Table.Td>
                  <Table.Td>{formatDate(i.from, lang)} – {formatDate(i.to, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {job.phase === 'rejected' && (
        <>
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('import.rejectedTitle', { count: job.errorCount })} data-testid="import-rejected">
            {t('import.rejectedBody')}
            {job.messageKey === 'import.job.rejected_roll_up' && (
              <Text size="sm" mt={4} fw={500} data-testid="import-rejected-roll-up">{t('import.rollUp.rejected')}</Text>
            )}
            {job.errorCount > job.errors.length && <Text size="sm" mt={4}>{t('import.rejectedFirst', { shown: n(job.errors.length), total: n(job.errorCount) })}</Text>}
          </Alert>
          <ScrollArea h={320} type="auto">
            <Table stickyHeader striped fz="sm" data-testid="import-bad-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('import.row')}</Table.Th>
                  <Table.Th>{t('import.column')}</Table.Th>
                  <Table.Th>{t('import.reason')}</Table.Th>
                  <Table.Th>{t('import.found')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.errors.map((e, i) => (
                  <Table.Tr key={i} data-testid="import-bad-row">
                    <Table.Td ta="right">{e.row}</Table.Td>
                    <Table.Td>{e.column ?? '—'}</Table.Td>
                    <Table.Td>{errorText(e, lang)}</Table.Td>
                    <Table.Td ff="monospace">{e.value ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </>
      )}
      {job.phase === 'cancelled' && <Alert color="gray" data-testid="import-cancelled">{t('import.cancelledBody')}</Alert>}
      {job.phase === 'failed' && <Alert color="red" title={t('import.failedTitle')}>{job.message === null ? '' : localMessage(job.message, job.messageKey, job.messageParams)} {t('import.rejectedBody')}</Alert>}
      <Group justify="flex-end">
        {job.phase !== 'done' && <Button variant="default" onClick={onAgain} data-testid="import-back">{t('import.backToMapping')}</Button>}
        <Button onClick={onClose} data-testid="import-close">{tc('actions.close')}</Button>
      </Group>
    </Stack>
  );
}
