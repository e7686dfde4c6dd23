import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/export-button';
import type { Indicator } from '@shared/api';
import type { MeasurementGrid } from '@shared/indicators/grid';
import { api, ApiCallError } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useApp } from '../../stores';
import { parseTyped } from '../../components/typed-numbers';
import { periodLabel } from './period-label';

type Edit = { value: string; note: string };
const SHOWN = 120;
type CellErrors = Record<string, { value?: string; note?: string }>;

/** The stored value as it is typed back: the user's decimal mark, no grouping. */
const shown = (v: number | null, locale: string) =>
  v === null ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 10, useGrouping: false }).format(v);

/**
 * The typing grid: every expected period of the indicator's frequency (the core lays them out),
 * missing ones marked, values typed inline and saved together, all or nothing, by the core.
 */
export function MeasurementGridEditor({ indicator, grid, onImport }: { indicator: Indicator; grid: MeasurementGrid; onImport(): void }) {
  const { t, i18n } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [errors, setErrors] = useState<CellErrors>({});
  const [saving, setSaving] = useState(false);
  const [showAll, setShowAll] = useState(false);

  // Fresh data from the core (any mutation reloads the page): what was typed and not saved stays,
  // unless the stored value now says the same.
  useEffect(() => {
    const rows = new Map(grid.rows.map((r) => [r.period, r]));
    setEdits((all) => Object.fromEntries(Object.entries(all).filter(([p, e]) => {
      const r = rows.get(p);
      return r && (e.value !== shown(r.value, lang) || e.note !== (r.note ?? ''));
    })));
  }, [grid, lang]);

  const all = [...grid.rows].reverse(); // newest first: the period to type is usually the last one
  // Years of daily periods would be thousands of inputs: the recent ones first, the rest on demand.
  const rows = showAll ? all : all.slice(0, SHOWN);
  const byPeriod = new Map(grid.rows.map((r) => [r.period, r]));
  const changed = Object.entries(edits).filter(([period, e]) => {
    const r = byPeriod.get(period);
    return r && (e.value !== shown(r.value, lang) || e.note !== (r.note ?? ''));
  });

  const edit = (period: string, key: keyof Edit, v: string) => {
    const r = byPeriod.get(period)!;
    setEdits((all) => ({ ...all, [period]: { ...(all[period] ?? { value: shown(r.value, lang), note: r.note ?? '' }), [key]: v } }));
    setErrors((all) => ({ ...all, [period]: { ...all[period], [key]: undefined } }));
  };

  const save = async () => {
    const local: CellErrors = {};
    const values = changed.map(([period, e]) => {
      const value = parseTyped(e.value);
      if (Number.isNaN(value)) local[period] = { value: t('grid.notANumber') };
      return { period, value: value === null || Number.isNaN(value) ? null : value, note: e.note.trim() === '' ? null : e.note };
    });
    if (Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setSaving(true);
    try {
      const r = await api.call('measurements.upsertMany', { indicatorId: indicator.id, values, source: 'manual' });
      setEdits({});
      setErrors({});
      notifySaved(t('grid.saved', { inserted: r.inserted, updated: r.updated, deleted: r.deleted }));
      bumpRevision();
    } catch (e) {
      // The core names the entry (values.3.value): put its message at that cell.
      const m = e instanceof ApiCallError && e.field ? /^values\.(\d+)\.(\w+)$/.exec(e.field) : null;
      const entry = m ? values[Number(m[1])] : undefined;
      if (m && entry) setErrors({ [entry.period]: { [m[2] === 'note' ? 'note' : 'value']: e instanceof Error ? e.message : String(e) } });
      else showApiError(e);
    } finally {
      setSaving(false);
    }
  };

  const unit = indicator.unit;
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Text fw={600}>{t('grid.title')}</Text>
          <Text size="sm" c="dimmed">
            {t('grid.summary', { count: grid.rows.length, missing: grid.missing.length, frequency: tc(`frequency.${grid.frequency}`).toLowerCase() })}
            {grid.outside > 0 && ` ${t('grid.outside', { count: grid.outside })}`}
          </Text>
        </div>
        <Group gap="sm">
          <ExportButton request={{ list: 'measurements', filters: { indicatorId: indicator.id, from: grid.from, to: grid.to } }} />
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={onImport}>{t('import.open')}</Button>
          <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} disabled={!changed.length} loading={saving}
            data-testid="grid-save">
            {changed.length ? t('grid.save', { count: changed.length }) : t('grid.saveNone')}
          </Button>
        </Group>
      </Group>
      {Object.keys(errors).some((p) => errors[p]?.value || errors[p]?.note) && (
        <Alert color="red" mb="sm" data-testid="grid-error">{t('grid.nothingSaved')}</Alert>
      )}
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">{t('grid.empty')}</Text>
      ) : (
        <ScrollArea.Autosize mah={520} type="auto">
          <Table stickyHeader verticalSpacing={4} data-testid="measurement-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grid.period')}</Table.Th>
                <Table.Th w={200} ta="right">{t('grid.value')}{unit ? ` (${unit})` : ''}</Table.Th>
                <Table.Th>{t('grid.note')}</Table.Th>
                <Table.Th w={140} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const e = edits[r.period];
                const err = errors[r.period];
                const label = periodLabel(r.period, grid.frequency, lang);
                return (
                  <Table.Tr key={r.period} data-testid="grid-row" data-period={r.period} data-missing={r.missing || undefined}
                    bg={r.missing && !e ? 'var(--mantine-color-orange-0)' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{label}</Table.Td>
                    <Table.Td>
                      <TextInput size="xs" inputMode="decimal" aria-label={t('grid.valueOf', { period: label })} styles={{ input: { textAlign: 'right' } }}
                        placeholder={r.missing ? t('grid.missing') : ''} value={e?.value ?? shown(r.value, lang)} error={err?.value}
                        onChange={(ev) => edit(r.period, 'value', ev.currentTarget.value)} data-testid="grid-value"
                        onKeyDown={(ev) => { if (ev.key === 'Enter' && changed.length) void save(); }} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={t('grid.noteOf', { period: label })} value={e?.note ?? r.note ?? ''} error={err?.note}
                        onChange={(ev) => edit(r.period, 'note', ev.currentTarget.value)} />
                    </Table.Td>
                    <Table.Td>
                      {r.missing && <Badge tt="none" size="sm" color="orange" variant="light">{t('grid.missing')}</Badge>}
                      {r.current && <Badge tt="none" size="sm" color="blue" variant="light">{t('grid.current')}</Badge>}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {all.length > rows.length && (
        <Group justify="center" mt="xs">
          <Button variant="subtle" size="xs" onClick={() => setShowAll(true)} data-testid="grid-show-all">
            {t('grid.showAll', { count: all.length })}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
