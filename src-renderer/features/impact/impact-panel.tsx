import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Indicator, Intervention } from '@shared/api';
import { api } from '../../api/client';
import { useLoad } from '../../components/use-load';
import { ImpactCard } from './impact-card';

/** Each linked intervention's impact on the indicator, as the core judged it (impact.compute). */
export function ImpactPanel({ indicator, interventions }: { indicator: Indicator; interventions: Intervention[] }) {
  const { t } = useTranslation('impact');
  const ids = interventions.map((i) => i.id).join(',');
  const results = useLoad(
    () =>
      Promise.all(
        interventions.map(async (itv) => ({
          itv,
          impact: itv.startDate ? await api.call('impact.compute', { interventionId: itv.id, indicatorId: indicator.id }) : null,
        })),
      ),
    [indicator.id, ids],
  );
  if (!interventions.length) {
    return <Alert color="gray" icon={<IconInfoCircle size={18} />} data-testid="impact-none">{t('noLinks')}</Alert>;
  }
  if (results.error) return <Alert color="red">{results.error}</Alert>;
  return (
    <Stack gap="md" data-testid="impact-panel">
      {(results.data ?? []).map(({ itv, impact }) => (
        <ImpactCard key={itv.id} intervention={itv} impact={impact} indicator={indicator} />
      ))}
    </Stack>
  );
}
