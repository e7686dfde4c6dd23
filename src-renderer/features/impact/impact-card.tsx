import { Alert, Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator, Intervention } from '@shared/api';
import type { ImpactResult, ImpactVerdict } from '@shared/impact/schemas';
import { messageLocale } from '@shared/messages';
import { formatDate } from '@shared/format';
import { periodLabel } from '../indicators/period-label';
import { HowComputed } from '../../components/how-computed';
import { ImpactFigures, ImpactSignals } from './impact-figures';

const VERDICT_COLOR: Record<ImpactVerdict, string> = { improved: 'green', worsened: 'red', no_clear_effect: 'gray' };

/** One intervention's impact: the verdict and why, the effect and its uncertainty, the windows used. */
export function ImpactCard({ intervention, impact, indicator }: { intervention: Intervention; impact: ImpactResult | null; indicator: Indicator }) {
  const { t, i18n } = useTranslation('impact');
  const lang = i18n.language;
  const words = impact ? impact.method.text[messageLocale(lang)] : [];
  const verdictSentence = words.at(-1);
  return (
    <Card withBorder radius="md" padding="md" data-testid="impact-card" data-intervention={intervention.title}>
      <Group justify="space-between" mb="xs" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>{intervention.title}</Text>
          <Text size="sm" c="dimmed">
            {intervention.startDate ? t('started', { date: formatDate(intervention.startDate, lang) }) : t('noStart')}
            {intervention.endDate ? ` · ${t('ended', { date: formatDate(intervention.endDate, lang) })}` : ''}
            {impact && impact.rampUp.months > 0 ? ` · ${t(`rampUp.${impact.rampUp.source}`, { count: impact.rampUp.months })}` : ''}
          </Text>
        </div>
        {impact && (
          <Badge tt="none" size="lg" color={VERDICT_COLOR[impact.verdict]} data-testid="impact-verdict" data-verdict={impact.verdict} style={{ flexShrink: 0 }}>
            {t(`verdict.${impact.verdict}`)}
          </Badge>
        )}
      </Group>
      {impact && (
        <Stack gap="sm">
          {impact.verdict === 'no_clear_effect' ? (
            <Alert color={impact.reason === 'not_enough_data' ? 'yellow' : 'gray'} icon={<IconAlertTriangle size={18} />} p="xs" data-testid="impact-reason" data-reason={impact.reason}>
              <Text size="sm" fw={600}>{t(`reason.${impact.reason ?? 'interval_includes_zero'}`)}</Text>
              {verdictSentence && <Text size="xs" mt={2}>{verdictSentence}</Text>}
            </Alert>
          ) : (
            verdictSentence && <Text size="xs" c="dimmed" data-testid="impact-verdict-sentence">{verdictSentence}</Text>
          )}
          <ImpactFigures impact={impact} indicator={indicator} />
          <ImpactWindows impact={impact} indicator={indicator} />
          <ImpactSignals impact={impact} indicator={indicator} />
          <HowComputed method={impact.method} testId="impact-method" />
        </Stack>
      )}
    </Card>
  );
}

function ImpactWindows({ impact, indicator }: { impact: ImpactResult; indicator: Indicator }) {
  const { t, i18n } = useTranslation('impact');
  const p = (period: string | null | undefined) => (period ? periodLabel(period, indicator.frequency, i18n.language) : '—');
  const w = impact.its?.window;
  const b = impact.bounds;
  const bound = (side: 'beforeFrom' | 'afterTo') => {
    const x = b[side];
    return t(`bound.${side}.${x.by}`, { title: x.intervention?.title ?? '', period: p(x.missing) });
  };
  if (!w && impact.overlapping.length === 0) return null;
  return (
    <Table fz="sm" withTableBorder data-testid="impact-windows">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t('windows.periods')}</Table.Th>
          <Table.Th ta="right">{t('windows.points')}</Table.Th>
          <Table.Th>{t('windows.bound')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr data-testid="impact-before">
          <Table.Td fw={600}>{t('windows.before')}</Table.Td>
          <Table.Td>{w?.beforeTo ? `${p(w.beforeFrom.period)} – ${p(w.beforeTo.period)}` : '—'}</Table.Td>
          <Table.Td ta="right">{w?.before ?? 0}</Table.Td>
          <Table.Td><Text size="xs" c="dimmed">{bound('beforeFrom')}</Text></Table.Td>
        </Table.Tr>
        <Table.Tr data-testid="impact-rampup">
          <Table.Td fw={600}>{t('windows.rampUp')}</Table.Td>
          <Table.Td>{impact.rampUp.periods.length ? `${p(impact.rampUp.periods[0])} – ${p(impact.rampUp.periods.at(-1))}` : '—'}</Table.Td>
          <Table.Td ta="right">{t('windows.leftOut', { count: impact.rampUp.periods.length })}</Table.Td>
          <Table.Td><Text size="xs" c="dimmed">{t(`rampUp.${impact.rampUp.source}`, { count: impact.rampUp.months })}</Text></Table.Td>
        </Table.Tr>
        <Table.Tr data-testid="impact-after">
          <Table.Td fw={600}>{t('windows.after')}</Table.Td>
          <Table.Td>{w?.afterFrom ? `${p(w.afterFrom.period)} – ${p(w.afterTo.period)}` : '—'}</Table.Td>
          <Table.Td ta="right">{w?.after ?? 0}</Table.Td>
          <Table.Td><Text size="xs" c="dimmed">{bound('afterTo')}</Text></Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
