import { Alert, Badge, Group, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { ClampedText } from '../../components/clamped-text';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/export-button';
import type { Gap } from '@shared/gaps/schemas';
import { formatDate, formatMoney, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { usePagedRows } from '../../components/use-paged-rows';
import { PagedTable } from '../../components/paged-table';
import { BADGE_FULL, GAP_STATUS_COLOURS, NUM_STYLE, severityColour } from './gap-style';

/** Open loops ranked by the core (cost, then severity, then age), with what the rank is made of. */
export function GapPriorities({ onOpen }: { onOpen(gap: Gap): void }) {
  const { t, i18n } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const locale = i18n.language;
  const departmentId = useApp((s) => s.departmentId);
  const rows = usePagedRows(
    (offset, limit) => api.call('gaps.priorities', { limit, offset, ...(departmentId ? { departmentId } : {}) }),
    [departmentId],
  );
  if (rows.total === null && rows.error) return <Alert color="red" title={tc('errors.generic')}>{rows.error}</Alert>;
  return (
    <Paper withBorder radius="md">
      <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} />} radius={0} data-testid="priorities-rule">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <span>{t('priorities.rule')}</span>
          <ExportButton request={{ list: 'priorities', filters: departmentId ? { departmentId } : {} }} />
        </Group>
      </Alert>
      <PagedTable
        testId="priorities-table"
        rows={rows}
        empty={t('priorities.empty')}
        emptyTestId="priorities-empty"
        countTestId="priorities-count"
        range={(from, to, all) => t('range', { from, to, total: all })}
        columns={9}
        minWidth={1100}
        estimateRowHeight={60}
        header={
          <Table.Tr>
            <Table.Th ta="right" w={56}>#</Table.Th>
            <Table.Th>{t('col.title')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('col.cost')}</Table.Th>
            <Table.Th ta="center">{t('col.severity')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('col.frequency')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('col.hours')}</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('col.rate')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('col.foundOn')}</Table.Th>
            <Table.Th>{t('col.status')}</Table.Th>
          </Table.Tr>
        }
        renderRow={(p, index, measure) => (
          <Table.Tr key={p.gap.id} ref={measure} data-index={index} onClick={() => onOpen(p.gap)} style={{ cursor: 'pointer' }} data-testid="priority-row">
            <Table.Td ta="right" style={NUM_STYLE}><Text fw={700} size="sm">{p.rank}</Text></Table.Td>
            <Table.Td>
              <UnstyledButton onClick={() => onOpen(p.gap)} fw={600} fz="sm" style={{ textAlign: 'left' }}>{p.gap.title}</UnstyledButton>
              <ClampedText size="xs" c="dimmed" lines={2}>{`${p.gap.processName ?? ''}${p.gap.stepName ? ` · ${p.gap.stepName}` : ''}`}</ClampedText>
            </Table.Td>
            <Table.Td ta="right" style={{ ...NUM_STYLE, whiteSpace: 'nowrap' }}>
              <Text size="sm" fw={700} c={p.monthlyCostCents === null ? 'dimmed' : undefined}>
                {p.monthlyCostCents === null ? t('noRateShort') : formatMoney(p.monthlyCostCents, p.gap.currency, locale, 0)}
              </Text>
            </Table.Td>
            <Table.Td ta="center"><Badge tt="none" variant="light" color={severityColour(p.severity)}>{p.severity}</Badge></Table.Td>
            <Table.Td ta="right" style={NUM_STYLE}><Text size="sm">{formatNumber(p.frequencyPerMonth, locale)}</Text></Table.Td>
            <Table.Td ta="right" style={NUM_STYLE}><Text size="sm">{formatNumber(p.hoursLostPerOccurrence, locale)}</Text></Table.Td>
            <Table.Td ta="right" style={{ ...NUM_STYLE, whiteSpace: 'nowrap' }}>
              <Text size="sm">{p.loadedHourlyRateCents === null ? '—' : `${formatMoney(p.loadedHourlyRateCents, p.gap.currency, locale)}${t('perHour')}`}</Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatDate(p.foundOn, locale)}</Text></Table.Td>
            <Table.Td>
              <Badge tt="none" variant="dot" color={GAP_STATUS_COLOURS[p.gap.status]} styles={BADGE_FULL}>
                {tc(`gapStatus.${p.gap.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Paper>
  );
}
