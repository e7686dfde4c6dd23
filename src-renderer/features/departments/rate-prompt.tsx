import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconCash, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Department } from '@shared/api';
import { CURRENCIES, type Currency } from '@shared/domain';
import { formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { showApiError } from '../../components/api-form';
import { NumberField } from '../../components/number-field';
import { useApp } from '../../stores';

/** Cents of an amount typed in currency units, without binary-float drift (65.1 → 6510). */
const toCents = (v: number | string) => (v === '' || !Number.isFinite(Number(v)) ? null : Math.round(Number(v) * 100));

/**
 * Asks for a department's loaded hourly rate where costs need it (after a template, in the gap form):
 * without a rate every cost reads "no rate". Saved through departments.update.
 */
export function RatePrompt({ department, onSaved, onLater }: { department: Department; onSaved?(d: Department): void; onLater?(): void }) {
  const { t, i18n } = useTranslation('workspace');
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [rate, setRate] = useState<number | string>('');
  const [currency, setCurrency] = useState<Currency>(department.currency as Currency);
  const [saved, setSaved] = useState<Department | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (saved) {
    return (
      <Alert color="teal" icon={<IconCheck size={18} />} data-testid="rate-prompt-saved">
        {t('rate.saved', { name: saved.name, rate: formatMoney(saved.loadedHourlyRateCents, saved.currency, i18n.language) })}
      </Alert>
    );
  }

  const save = async () => {
    const cents = toCents(rate);
    if (cents === null || cents <= 0) {
      setError(t('rate.invalid'));
      return;
    }
    setBusy(true);
    try {
      const d = await api.call('departments.update', { id: department.id, loadedHourlyRateCents: cents, currency });
      setSaved(d);
      bumpRevision();
      onSaved?.(d);
    } catch (e) {
      if (!showApiError(e)) setError(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert color="yellow" variant="light" icon={<IconCash size={18} />} title={t('rate.title', { name: department.name })} data-testid="rate-prompt">
      <Stack gap="xs">
        <Text size="sm">{t('rate.body')}</Text>
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Group align="flex-end" gap="sm">
            <NumberField label={t('rate.label')} min={0} decimalScale={2} allowNegative={false} w={180} value={rate}
              onChange={(v) => { setRate(v); setError(null); }} error={error} data-autofocus data-testid="rate-prompt-input" />
            <Select label={t('rate.currency')} data={[...CURRENCIES]} value={currency} allowDeselect={false} w={100}
              onChange={(v) => v && setCurrency(v as Currency)} data-testid="rate-prompt-currency" />
            <Button type="submit" loading={busy} data-testid="rate-prompt-save">{t('rate.save')}</Button>
            {onLater && <Button variant="subtle" onClick={onLater}>{t('rate.later')}</Button>}
          </Group>
        </form>
      </Stack>
    </Alert>
  );
}
