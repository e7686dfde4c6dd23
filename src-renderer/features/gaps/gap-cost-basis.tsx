import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Gap } from '@shared/gaps/schemas';
import type { Indicator } from '@shared/indicators/schemas';
import { formatDate, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { notifySaved, showApiError } from '../../components/api-form';
import { useApp } from '../../stores';

/**
 * Where the gap's cost gets its frequency: the indicator (linked to the gap) that counts its
 * occurrences — the mean of its last 3 periods, per month — or the typed estimate and its date.
 */
export function GapCostBasis({ gap, indicators }: { gap: Gap; indicators: Indicator[] }) {
  const { t, i18n } = useTranslation('figures');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const bumpRevision = useApp((s) => s.bumpRevision);
  const b = gap.costBasis;
  const follow = async (indicatorId: string | null) => {
    try {
      await api.call('gaps.update', { id: gap.id, frequencyIndicatorId: indicatorId });
      notifySaved(tc('state.saved'));
      bumpRevision();
    } catch (e) {
      showApiError(e);
    }
  };
  return (
    <Stack gap={4} align="flex-end" maw={300}>
      {b && (
        <Text size="xs" c="dimmed" ta="right" data-testid="gap-cost-basis" data-source={b.source}>
          {b.source === 'indicator'
            ? t('gapCost.follows', {
                indicator: b.indicatorName, frequency: formatNumber(b.frequencyPerMonth, lang, 1), count: b.points,
                from: formatDate(b.from, lang), to: formatDate(b.to, lang),
              })
            : t('gapCost.estimated', { date: formatDate(b.estimatedOn, lang), frequency: formatNumber(gap.frequencyPerMonth, lang, 1) })}
        </Text>
      )}
      {indicators.length > 0 && (
        <Select size="xs" w={240} clearable placeholder={t('gapCost.followPlaceholder')} aria-label={t('gapCost.follow')}
          value={gap.frequencyIndicatorId} onChange={(v) => void follow(v)} data-testid="gap-cost-follow"
          data={indicators.map((i) => ({ value: i.id, label: i.name }))} />
      )}
    </Stack>
  );
}
