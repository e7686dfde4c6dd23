import { useEffect, useState } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GapCostEstimate } from '@shared/gaps/cost';
import { formatMoney, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { RatePrompt } from '../departments/rate-prompt';
import { useApp } from '../../stores';

/**
 * The monthly cost of the gap being typed, computed by the core (gaps.estimateCost) a moment after
 * each keystroke: frequency × hours lost × the department's loaded hourly rate. When the department
 * has no rate yet, it says so and asks for it on the spot.
 */
export function LiveGapCost({ processId, frequency, hours }: { processId: string; frequency?: number; hours?: number }) {
  const { t, i18n } = useTranslation('gap-form');
  const departments = useApp((s) => s.departments);
  const revision = useApp((s) => s.revision);
  const [figures] = useDebouncedValue({ frequency: frequency ?? 0, hours: hours ?? 0 }, 120);
  const [estimate, setEstimate] = useState<GapCostEstimate | null>(null);
  const [asking, setAsking] = useState(false);
  const locale = i18n.language;

  useEffect(() => {
    let alive = true;
    const valid = Number.isFinite(figures.frequency) && Number.isFinite(figures.hours) && figures.frequency >= 0 && figures.hours >= 0;
    if (!valid) return;
    api
      .call('gaps.estimateCost', { processId, frequencyPerMonth: figures.frequency, hoursLostPerOccurrence: figures.hours })
      .then((e) => alive && setEstimate(e), () => alive && setEstimate(null));
    return () => {
      alive = false;
    };
  }, [processId, figures.frequency, figures.hours, revision]);

  if (!estimate) return null;
  const department = departments.find((d) => d.id === estimate.departmentId);
  if (estimate.monthlyCostCents === null) {
    return asking && department ? (
      <RatePrompt department={department} onLater={() => setAsking(false)} />
    ) : (
      <Paper withBorder p="sm" radius="md" bg="yellow.0" data-testid="gap-live-cost" data-cost="">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('liveNoRate', { name: estimate.departmentName })}</Text>
          <Button size="xs" variant="light" color="yellow" onClick={() => setAsking(true)} disabled={!department} data-testid="gap-set-rate">
            {t('setRate')}
          </Button>
        </Group>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" bg="teal.0" data-testid="gap-live-cost" data-cost={estimate.monthlyCostCents}>
      <Group gap="xs" wrap="wrap">
        <IconCash size={18} color="var(--mantine-color-teal-7)" />
        <Text size="sm">{t('monthlyCostLabel')}</Text>
        <Text size="sm" fw={700} data-testid="gap-live-cost-value">{formatMoney(estimate.monthlyCostCents, estimate.currency, locale)}</Text>
        <Text size="xs" c="dimmed">
          {t('liveFormula', {
            frequency: formatNumber(figures.frequency, locale),
            hours: formatNumber(figures.hours, locale),
            rate: formatMoney(estimate.loadedHourlyRateCents, estimate.currency, locale),
          })}
        </Text>
      </Group>
    </Paper>
  );
}
