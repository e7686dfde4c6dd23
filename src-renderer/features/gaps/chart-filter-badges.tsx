import { Badge, CloseButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@shared/format';
import type { RegisterState } from './register-filters';

// Filters the filter bar has no field for, set when a dashboard chart opens the register (one
// severity, the month gaps were found or closed in, the kind of intervention that closed them):
// each shown as a badge the user can remove.
export function ChartFilterBadges({ state, patch }: { state: RegisterState; patch(p: Partial<RegisterState>): void }) {
  const { t, i18n } = useTranslation('gaps');
  const { t: tc } = useTranslation();
  const d = (iso: string) => formatDate(iso, i18n.language);
  const items: { key: string; label: string; clear: Partial<RegisterState> }[] = [];
  if (state.severityMax !== null) items.push({ key: 'sev', label: t('chartFilters.severityAtMost', { n: state.severityMax }), clear: { severityMax: null } });
  if (state.found) items.push({ key: 'found', label: t('chartFilters.found', { from: d(state.found.from), to: d(state.found.to) }), clear: { found: null } });
  if (state.closed) items.push({ key: 'closed', label: t('chartFilters.closed', { from: d(state.closed.from), to: d(state.closed.to) }), clear: { closed: null } });
  if (state.interventionKind) {
    const kind = tc(`interventionKind.${state.interventionKind}`, { defaultValue: state.interventionKind });
    items.push({ key: 'kind', label: t('chartFilters.kind', { kind }), clear: { interventionKind: null } });
  }
  if (!items.length) return null;
  return (
    <Group gap="xs" data-testid="chart-filters">
      {items.map((i) => (
        <Badge key={i.key} variant="light" color="indigo" tt="none" size="lg" rightSection={<CloseButton size="xs" aria-label={t('filters.clear')} onClick={() => patch(i.clear)} />}>
          {i.label}
        </Badge>
      ))}
    </Group>
  );
}
