import { useCallback, useState, type ReactNode } from 'react';
import { Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@shared/format';
import type { PagedRows } from './use-paged-rows';
import { VirtualTable, type VirtualTableProps } from './virtual-table';

export interface PagedTableProps<T> extends Omit<VirtualTableProps<T>, 'count' | 'row' | 'onRange' | 'onVisible' | 'scrollKey'> {
  rows: PagedRows<T>;
  /** Shown when the query matches nothing. */
  empty: ReactNode;
  emptyTestId: string;
  countTestId: string;
  /** "12–30 of 20,000 gaps", numbers already formatted for the language. */
  range(from: string, to: string, total: string): string;
}

/**
 * A long list from the core, virtualised, with what goes around it on every list screen: a loader
 * before the first page, the empty state, and the line saying which rows are on screen of how many.
 */
export function PagedTable<T>({ rows, empty, emptyTestId, countTestId, range, ...table }: PagedTableProps<T>) {
  const { i18n } = useTranslation();
  const [visible, setVisible] = useState<[number, number]>([0, 0]);
  const onVisible = useCallback((a: number, b: number) => setVisible([a, b]), []);
  const total = rows.total ?? 0;
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <>
      <VirtualTable {...table} count={total} row={rows.row} onRange={rows.onRange} onVisible={onVisible} scrollKey={rows.queryKey} />
      {rows.loading && rows.total === null && <Center h={120}><Loader size="sm" /></Center>}
      {!rows.loading && total === 0 && <Text ta="center" c="dimmed" p="xl" data-testid={emptyTestId}>{empty}</Text>}
      {total > 0 && (
        <Group justify="space-between" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="sm" c="dimmed" data-testid={countTestId}>
            {range(n(Math.min(visible[0] + 1, total)), n(Math.min(visible[1] + 1, total)), n(total))}
          </Text>
          {rows.loading && <Loader size="xs" />}
        </Group>
      )}
    </>
  );
}
