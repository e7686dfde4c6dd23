import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Skeleton, Table } from '@mantine/core';
import { useViewportSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface VirtualTableProps<T> {
  /** Rows in the list (all of them, loaded or not). */
  count: number;
  row(index: number): T | undefined;
  /** A loaded row; give it `ref={measure}` and `data-index={index}` so its real height is used. */
  renderRow(item: T, index: number, measure: (el: HTMLTableRowElement | null) => void): ReactNode;
  header: ReactNode;
  columns: number;
  /** The rows on screen changed: fetch their pages. */
  onRange?(first: number, last: number): void;
  /** The first and last row on screen, for a "12–30 of 20,000" line. */
  onVisible?(first: number, last: number): void;
  estimateRowHeight?: number;
  /** When it changes (a new filter or sort) the list scrolls back to its first row. */
  scrollKey?: string;
  minWidth?: number;
  testId?: string;
}

/**
 * A table that renders only the rows on screen (plus a few), so 20,000 gaps scroll like 50: the
 * rows above and below are one spacer row each. The table fills the window below where it starts,
 * and its header stays put while the body scrolls.
 */
export function VirtualTable<T>({
  count, row, renderRow, header, columns, onRange, onVisible, estimateRowHeight = 49, scrollKey, minWidth, testId,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { height: viewport } = useViewportSize();
  const [top, setTop] = useState(0);
  useEffect(() => {
    if (scrollRef.current) setTop(scrollRef.current.getBoundingClientRect().top + window.scrollY);
  }, [viewport, count]);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: 12,
  });
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    // Only a new query moves the list; the virtualizer object is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollKey]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) onRange?.(first, last);
  }, [first, last, count, onRange]);

  // The rows actually visible (not the overscan), for the range line under the table.
  const scrollTop = virtualizer.scrollOffset ?? 0;
  const viewHeight = virtualizer.scrollRect?.height ?? 0;
  const shown = items.filter((i) => i.end > scrollTop + 1 && i.start < scrollTop + viewHeight - 1);
  const shownFirst = shown[0]?.index ?? 0;
  const shownLast = shown[shown.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) onVisible?.(shownFirst, shownLast);
  }, [shownFirst, shownLast, count, onVisible]);

  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  // Fill the window below the table's top, keeping room for the range line; never below 320 px.
  const height = Math.max(320, (viewport || 800) - top - 72);
  return (
    <Box ref={scrollRef} style={{ height: Math.min(height, virtualizer.getTotalSize() + 48), overflow: 'auto' }} data-testid={testId && `${testId}-scroll`}>
      <Table highlightOnHover verticalSpacing={8} horizontalSpacing="xs" stickyHeader miw={minWidth} data-testid={testId}>
        <Table.Thead style={{ zIndex: 2 }}>{header}</Table.Thead>
        <Table.Tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((v) => {
            const item = row(v.index);
            if (item !== undefined) return renderRow(item, v.index, virtualizer.measureElement);
            return (
              <Table.Tr key={`loading-${v.index}`} data-index={v.index} ref={virtualizer.measureElement} data-testid={testId && `${testId}-loading`}>
                <Table.Td colSpan={columns}><Skeleton height={18} radius="sm" /></Table.Td>
              </Table.Tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
