import {
  Alert, Badge, Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Tooltip, UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconFilterOff, IconSearch, IconSelector } from '@tabler/icons-react';
import { ClampedText } from '../../components/clamped-text';
import { useTranslation } from 'react-i18next';
import { GAP_STATUSES, GAP_TYPES, type GapStatus, type GapType } from '@shared/domain';
import type { Gap, GapSort } from '@shared/gaps/schemas';
import { formatDate, formatMoney, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { useLoad } from '../../components/use-load';
import { usePagedRows } from '../../components/use-paged-rows';
import { PagedTable } from '../../components/paged-table';
import { BADGE_FULL, GAP_STATUS_COLOURS, NUM_STYLE, severityColour } from './gap-style';
import { EMPTY_REGISTER, fromView, isFiltered, toFilters, toListInput, type RegisterState } from './register-filters';
import { ExportButton } from '../../components/export-button';
import { ChartFilterBadges } from './chart-filter-badges';
import { SavedViewsMenu } from './saved-views-menu';

function SortHeader({ label, sort, state, onSort, align }: {
  label: string;
  sort: GapSort;
  state: RegisterState;
  onSort(sort: GapSort): void;
  align?: 'right';
}) {
  const active = state.sortBy === sort;
  const Icon = !active ? IconSelector : state.sortDir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th ta={align} style={{ whiteSpace: 'nowrap' }} aria-sort={active ? (state.sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sort)} data-testid={`sort-${sort}`} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          {label}
          <Icon size={14} stroke={1.8} opacity={active ? 1 : 0.45} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The gap register: filters, server-side sort and paging (the core runs both in SQL), saved views; rows virtualised. */
export function GapRegister({ onOpen }: { onOpen(gap: Gap): void }) {
  const { t, i18n } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const locale = i18n.language;
  const departmentId = useApp((s) => s.departmentId);
  const setDepartmentId = useApp((s) => s.setDepartmentId);
  const state = useApp((s) => s.register);
  const patch = useApp((s) => s.patchRegister);
  const [text] = useDebouncedValue(state.text, 200);
  const [owner] = useDebouncedValue(state.owner, 300);
  const query = { ...state, text, owner };

  const processes = useLoad(() => api.call('processes.list', { limit: 1000, ...(departmentId ? { departmentId } : {}) }), [departmentId]);
  const rows = usePagedRows(
    (offset, limit) => api.call('gaps.list', toListInput(query, departmentId, offset, limit)),
    [JSON.stringify(query), departmentId],
  );

  const onSort = (sort: GapSort) =>
    patch({ sortBy: sort, sortDir: state.sortBy === sort ? (state.sortDir === 'asc' ? 'desc' : 'asc') : sort === 'title' ? 'asc' : 'desc' });

  const filtered = isFiltered(state);
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('filters.text')}
          leftSection={<IconSearch size={14} />}
          w={200}
          value={state.text}
          onChange={(e) => patch({ text: e.currentTarget.value })}
          data-testid="filter-text"
        />
        <Select
          label={t('filters.process')}
          placeholder={t('filters.any')}
          w={200}
          clearable
          searchable
          data={(processes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={state.processId}
          onChange={(v) => patch({ processId: v })}
          data-testid="filter-process"
        />
        <MultiSelect
          label={t('filters.type')}
          placeholder={state.type.length ? undefined : t('filters.any')}
          w={190}
          clearable
          data={GAP_TYPES.map((g) => ({ value: g, label: tc(`gapType.${g}`) }))}
          value={state.type}
          onChange={(v) => patch({ type: v as GapType[] })}
          data-testid="filter-type"
        />
        <MultiSelect
          label={t('filters.status')}
          placeholder={state.status.length ? undefined : t('filters.any')}
          w={190}
          clearable
          data={GAP_STATUSES.map((s) => ({ value: s, label: tc(`gapStatus.${s}`) }))}
          value={state.status}
          onChange={(v) => patch({ status: v as GapStatus[] })}
          data-testid="filter-status"
        />
        <TextInput label={t('filters.owner')} w={140} value={state.owner} onChange={(e) => patch({ owner: e.currentTarget.value })}
          data-testid="filter-owner" />
        <Select
          label={t('filters.severity')}
          placeholder={t('filters.any')}
          w={150}
          clearable
          data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: t('filters.severityAtLeast', { n: v }) }))}
          value={state.severityMin === null ? null : String(state.severityMin)}
          onChange={(v) => patch({ severityMin: v ? Number(v) : null })}
          data-testid="filter-severity"
        />
      </Group>

      <ChartFilterBadges state={state} patch={patch} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('sortHelp')}</Text>
        <Group gap="xs">
            {filtered && (
              <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => patch({ ...EMPTY_REGISTER, sortBy: state.sortBy, sortDir: state.sortDir })}>
                {t('filters.clear')}
              </Button>
            )}
            <ExportButton request={{ list: 'gaps', filters: { ...toFilters(query, departmentId), sortBy: state.sortBy, sortDir: state.sortDir } }} />
            <SavedViewsMenu
              state={state}
              onApply={(v) => {
                if (v.filters.departmentId && v.filters.departmentId !== departmentId) setDepartmentId(v.filters.departmentId);
                patch(fromView(v.filters, v.sortBy, v.sortDir));
              }}
            />
        </Group>
      </Group>
      {rows.error && <Alert color="red" title={tc('errors.generic')}>{rows.error}</Alert>}
      <Paper withBorder radius="md" pos="relative">
        <PagedTable
          testId="gap-register"
          rows={rows}
          empty={filtered ? t('emptyFiltered') : t('empty')}
          emptyTestId="register-empty"
          countTestId="register-count"
          range={(from, to, all) => t('range', { from, to, total: all })}
          columns={9}
          minWidth={1120}
          estimateRowHeight={60}
          header={
            <Table.Tr>
              <SortHeader label={t('col.title')} sort="title" state={state} onSort={onSort} />
              <Table.Th miw={130}>{t('col.processStep')}</Table.Th>
              <Table.Th>{t('col.type')}</Table.Th>
              <SortHeader label={t('col.severity')} sort="severity" state={state} onSort={onSort} />
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Tooltip label={t('col.frequencyHoursHelp')}><span>{t('col.frequencyHours')}</span></Tooltip>
              </Table.Th>
              <SortHeader label={t('col.cost')} sort="cost" state={state} onSort={onSort} align="right" />
              <SortHeader label={t('col.status')} sort="status" state={state} onSort={onSort} />
              <Table.Th>{t('col.owner')}</Table.Th>
              <SortHeader label={t('col.foundOn')} sort="foundOn" state={state} onSort={onSort} />
            </Table.Tr>
          }
          renderRow={(g, index, measure) => (
            <Table.Tr key={g.id} ref={measure} data-index={index} onClick={() => onOpen(g)} style={{ cursor: 'pointer' }} data-testid="register-row">
              <Table.Td miw={190} maw={300}>
                <UnstyledButton onClick={() => onOpen(g)} fw={600} fz="sm" style={{ textAlign: 'left' }} data-testid="register-title">
                  {g.title}
                </UnstyledButton>
              </Table.Td>
              <Table.Td miw={150} maw={260}>
                <ClampedText size="sm" lines={2} data-testid="register-process">{g.processName ?? ''}</ClampedText>
                <ClampedText size="xs" c="dimmed" lines={2} data-testid="register-step">{g.stepName ?? t('noStep')}</ClampedText>
              </Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}>{tc(`gapType.${g.type}`)}</Text></Table.Td>
              <Table.Td ta="center"><Badge tt="none" variant="light" color={severityColour(g.severity)}>{g.severity}</Badge></Table.Td>
              <Table.Td ta="right" style={{ ...NUM_STYLE, whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatNumber(g.frequencyPerMonth, locale)} × {formatNumber(g.hoursLostPerOccurrence, locale)} h</Text>
              </Table.Td>
              <Table.Td ta="right" style={{ ...NUM_STYLE, whiteSpace: 'nowrap' }}>
                {g.monthlyCostCents === null ? (
                  <Tooltip label={t('noRate')}><Text span size="sm" c="dimmed">—</Text></Tooltip>
                ) : (
                  <Text size="sm" fw={600}>{formatMoney(g.monthlyCostCents, g.currency, locale, 0)}</Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge tt="none" variant="dot" color={GAP_STATUS_COLOURS[g.status]} styles={BADGE_FULL} data-testid="register-status">
                  {tc(`gapStatus.${g.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td maw={110}><Text size="sm" lineClamp={2} c={g.owner ? undefined : 'dimmed'}>{g.owner ?? '—'}</Text></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatDate(g.foundOn, locale)}</Text></Table.Td>
            </Table.Tr>
          )}
        />
      </Paper>
    </Stack>
  );
}
