import { Alert, Badge, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconCircleCheck, IconRotateClockwise } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClosureEvidence, Gap } from '@shared/gaps/schemas';
import type { GapClosingEvent } from '@shared/gaps/closing';
import { formatDate, formatNumber, formatPercent } from '@shared/format';

/** The indicator proof as the core kept it at closing time (later data does not rewrite it). */
function EvidenceText({ ev }: { ev: ClosureEvidence }) {
  const { t, i18n } = useTranslation('gaps');
  const { t: tf } = useTranslation('figures');
  const l = i18n.language;
  if (ev.kind === 'indicator_target') {
    return (
      <Text size="sm">
        {t('record.targetMet', {
          indicator: ev.indicatorName,
          value: `${formatNumber(ev.latestValue, l)} ${ev.unit}`.trim(),
          period: ev.latestPeriod,
          target: `${formatNumber(ev.targetValue, l)} ${ev.unit}`.trim(),
        })}
      </Text>
    );
  }
  if (ev.effect !== undefined && ev.low !== undefined && ev.high !== undefined) {
    // Closed on the Impact tab's measure (interrupted time series): the effect and its interval.
    const u = ev.unit ? ` ${ev.unit}` : '';
    const signed = (v: number) => `${v > 0 ? '+' : ''}${formatNumber(v, l)}${u}`;
    return (
      <Stack gap={2}>
        <Text size="sm" data-testid="closing-effect">
          {tf('closing.record', {
            indicator: ev.indicatorName, intervention: ev.interventionTitle, start: ev.startDate, effect: signed(ev.effect),
            low: signed(ev.low), high: signed(ev.high), before: ev.before.n, after: ev.after.n,
          })}
        </Text>
        {ev.earlierStartReason && <Text size="xs" c="dimmed">{tf('closing.recordReason', { reason: ev.earlierStartReason })}</Text>}
      </Stack>
    );
  }
  return (
    <Text size="sm">
      {t('record.improved', {
        indicator: ev.indicatorName,
        intervention: ev.interventionTitle,
        start: ev.startDate,
        before: `${formatNumber(ev.before.mean ?? null, l)} ${ev.unit}`.trim(),
        nBefore: ev.before.n,
        after: `${formatNumber(ev.after.mean ?? null, l)} ${ev.unit}`.trim(),
        nAfter: ev.after.n,
        change: ev.changePct === null ? formatNumber(ev.change ?? null, l) : formatPercent(ev.changePct, l),
      })}
    </Text>
  );
}

/** The closing of a closed gap: when, which kind of proof, the indicator numbers or the justification. */
export function ClosingRecord({ gap }: { gap: Gap }) {
  const { t, i18n } = useTranslation('gaps');
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t('record.title', { date: formatDate(gap.closedOn, i18n.language) })}
      data-testid="closing-record">
      <Stack gap={6}>
        <Group gap="xs">
          <Text size="sm" fw={600}>{t('record.kind')}</Text>
          <Badge tt="none" variant="white" color="teal" data-testid="closing-kind">{t(`closureKind.${gap.closureKind ?? 'override'}`)}</Badge>
        </Group>
        {gap.closureEvidence && <EvidenceText ev={gap.closureEvidence} />}
        {gap.closureNote && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>{gap.closureKind === 'override' ? t('record.justification') : t('record.note')}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="closing-note">{gap.closureNote}</Text>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}

/** Every closing and reopening of the gap, oldest first (from the change log). */
export function ClosingsLog({ events }: { events: GapClosingEvent[] }) {
  const { t, i18n } = useTranslation('gaps');
  const l = i18n.language;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="closings-log">
      <Text fw={600} size="sm" mb="xs">{t('record.log')}</Text>
      <Timeline bulletSize={20} active={-1}>
        {events.map((e) => (
          <Timeline.Item
            key={e.txId}
            bullet={e.action === 'closed' ? <IconCircleCheck size={12} /> : <IconRotateClockwise size={12} />}
            title={
              <Text size="sm" fw={600}>
                {e.action === 'closed'
                  ? t('record.closedOn', { date: formatDate(e.closedOn, l), kind: t(`closureKind.${e.closureKind ?? 'override'}`) })
                  : t('record.reopenedOn', { date: formatDate(e.reopenedOn, l) })}
              </Text>
            }
          >
            {e.closureEvidence && <EvidenceText ev={e.closureEvidence} />}
            {(e.closureNote || e.reopenReason) && <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{e.closureNote ?? e.reopenReason}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
