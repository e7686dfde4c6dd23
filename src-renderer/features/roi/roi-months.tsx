import { useState } from 'react';
import { Anchor, Collapse, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InterventionRoi } from '@shared/roi/results';
import { formatMoney } from '@shared/format';

/** Month by month, with a total row that is the sum of the rows to the cent (the core rounds on running totals). */
export function RoiMonthsTable({ roi }: { roi: InterventionRoi }) {
  const { t, i18n } = useTranslation('roi');
  const lang = i18n.language;
  const [open, setOpen] = useState(false);
  const m = (c: number) => formatMoney(c, roi.currency, lang);
  const month = (ym: string) => new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
  return (
    <div>
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen((o) => !o)} data-testid="roi-months-toggle">
        {open ? t('monthly.hide') : t('monthly.show', { count: roi.months.length })}
      </Anchor>
      <Collapse expanded={open}>
        <Table.ScrollContainer minWidth={760} mt="xs">
          <Table fz="xs" striped data-testid="roi-months">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('monthly.month')}</Table.Th>
                <Table.Th ta="right">{t('monthly.hard')}</Table.Th>
                <Table.Th ta="right">{t('monthly.soft')}</Table.Th>
                <Table.Th ta="right">{t('monthly.cash')}</Table.Th>
                <Table.Th ta="right">{t('monthly.oneOff')}</Table.Th>
                <Table.Th ta="right">{t('monthly.recurring')}</Table.Th>
                <Table.Th ta="right">{t('monthly.cost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roi.months.map((r) => (
                <Table.Tr key={r.month} c={r.complete ? undefined : 'dimmed'}>
                  <Table.Td>{month(r.month)}{r.fraction < 1 ? ` (${Math.round(r.fraction * 100)} %)` : ''}{r.complete ? '' : ` · ${t('monthly.notEnded')}`}</Table.Td>
                  <Table.Td ta="right">{m(r.benefitHardCents)}</Table.Td>
                  <Table.Td ta="right">{m(r.benefitSoftCents)}</Table.Td>
                  <Table.Td ta="right">{r.cashReleasedCents ? m(r.cashReleasedCents) : '—'}</Table.Td>
                  <Table.Td ta="right">{m(r.oneOffCostCents)}</Table.Td>
                  <Table.Td ta="right">{m(r.recurringCostCents)}</Table.Td>
                  <Table.Td ta="right">{m(r.costCents)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700} data-testid="roi-months-total">
                <Table.Td>{t('monthly.total')}</Table.Td>
                <Table.Td ta="right">{m(roi.benefit.hardCents)}</Table.Td>
                <Table.Td ta="right">{m(roi.benefit.softCents)}</Table.Td>
                <Table.Td ta="right">{roi.cashReleasedCents ? m(roi.cashReleasedCents) : '—'}</Table.Td>
                <Table.Td ta="right">{m(roi.oneOffCostCents)}</Table.Td>
                <Table.Td ta="right">{m(roi.recurringCostCents)}</Table.Td>
                <Table.Td ta="right">{m(roi.costCents)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </div>
  );
}
