import { Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '@shared/sync/schemas';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { formatMoment, valueText } from './sync-format';

/** Both people's words, side by side, until someone chooses which stay on the row. */
export function SyncConflicts({ conflicts, onResolved }: { conflicts: SyncConflict[]; onResolved(): void }) {
  const { t, i18n } = useTranslation('sync');
  const bump = useApp((s) => s.bumpRevision);
  const resolve = async (id: number, keep: 'kept' | 'lost') => {
    await api.call('sync.resolve', { id, keep });
    bump();
    onResolved();
  };
  return (
    <Card withBorder padding="lg" data-testid="sync-conflicts">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('conflictsTitle')}</Title>
        <Badge color={conflicts.length ? 'orange' : 'gray'} variant="light">{conflicts.length}</Badge>
      </Group>
      {!conflicts.length && <Text size="sm" c="dimmed">{t('noConflicts')}</Text>}
      <Stack gap="md">
        {conflicts.map((c) => (
          <Paper key={c.id} withBorder p="md" radius="md" data-testid="sync-conflict">
            <Text fw={600} size="sm">
              {t(`entity.${c.entity}`, { defaultValue: c.entity })} · {c.rowLabel ?? c.rowId} — {t(`field.${c.field}`, { defaultValue: c.field.replace(/_/g, ' ') })}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} mt="sm">
              {(['kept', 'lost'] as const).map((side) => (
                <Paper key={side} p="sm" radius="sm" bg={side === 'kept' ? 'var(--mantine-color-green-light)' : 'var(--mantine-color-orange-light)'}>
                  <Text size="xs" c="dimmed">
                    {t(side === 'kept' ? 'keptNow' : 'lostValue', { who: c[side].by ?? t('someone'), when: formatMoment(c[side].at, i18n.language) })}
                  </Text>
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{valueText(c[side].value)}</Text>
                  <Button mt="sm" size="xs" variant={side === 'kept' ? 'default' : 'filled'} onClick={() => resolve(c.id, side)} data-testid={`sync-keep-${side}`}>
                    {t(side === 'kept' ? 'keepThis' : 'useThis')}
                  </Button>
                </Paper>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    </Card>
  );
}
