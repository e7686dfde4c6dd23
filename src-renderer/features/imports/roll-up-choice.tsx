import { Alert, Group, ScrollArea, Select, Switch, Table, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_AGGREGATIONS, type IndicatorAggregation } from '@shared/domain';
import type { ImportRollUpPreview } from '@shared/imports/schemas';
import { formatDate, formatNumber } from '@shared/format';

// The import preview's roll-up: several rows of the file fall in one period of their indicator
// (daily or weekly rows into a monthly indicator). The import refuses them unless the user rolls them
// up; this offers it, with the indicator's own aggregation first, and shows the values it would write.

export interface RollUpChoiceProps {
  preview: ImportRollUpPreview;
  /** null: not rolled up (the import will refuse the repeated rows). */
  value: IndicatorAggregation | null;
  onChange(v: IndicatorAggregation | null): void;
}

export function RollUpChoice({ preview, value, onChange }: RollUpChoiceProps) {
  const { t, i18n } = useTranslation('indicators');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const shared = preview.periods.filter((p) => p.rows > 1).length;
  const multi = new Set(preview.periods.map((p) => p.indicatorId)).size > 1;
  return (
    <Alert color={value ? 'indigo' : 'orange'} icon={<IconStack2 size={18} />} title={t('import.rollUp.title')} data-testid="import-roll-up">
      <Text size="sm">
        {t('import.rollUp.body', { count: shared })}
      </Text>
      <Group mt="xs" gap="md" align="center">
        <Switch checked={value !== null} onChange={(e) => onChange(e.currentTarget.checked ? preview.indicatorAggregation : null)}
          label={t('import.rollUp.switch')} data-testid="import-roll-up-on" />
        <Select aria-label={tc('colon', { label: t('fields.aggregation') })} w={290} allowDeselect={false} disabled={value === null}
          value={value ?? preview.indicatorAggregation} data-testid="import-roll-up-aggregation"
          data={INDICATOR_AGGREGATIONS.map((a) => ({
            value: a,
            label: a === preview.indicatorAggregation ? t('import.rollUp.own', { name: tc(`aggregation.${a}`) }) : tc(`aggregation.${a}`),
          }))}
          onChange={(v) => v && onChange(v as IndicatorAggregation)} />
      </Group>
      {value !== null && (
        <>
          <Text size="xs" c="dimmed" mt="sm">
            {preview.complete ? t('import.rollUp.whole') : t('import.rollUp.sample', { n: formatNumber(preview.sampleRows, lang, 0) })}
          </Text>
          <ScrollArea.Autosize mah={200} type="auto" mt={4}>
            <Table withTableBorder fz="xs" data-testid="import-roll-up-table" maw={620}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.period')}</Table.Th>
                  {multi && <Table.Th>{t('import.map.indicator')}</Table.Th>}
                  <Table.Th ta="right">{t('import.rollUp.value', { name: tc(`aggregation.${value}`) })}</Table.Th>
                  <Table.Th ta="right">{t('import.rollUp.rows')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.periods.map((p) => (
                  <Table.Tr key={`${p.indicatorId}:${p.period}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.period, lang)}</Table.Td>
                    {multi && <Table.Td>{p.indicator}</Table.Td>}
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatNumber(p.value, lang, 6)}</Table.Td>
                    <Table.Td ta="right">{p.rows}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
    </Alert>
  );
}
