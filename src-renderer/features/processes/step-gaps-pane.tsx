import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Gap } from '@shared/api';
import type { MapStep } from '@shared/processes/map';
import { formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { GAP_STATUS_COLOURS, NUM_STYLE, severityColour } from '../gaps/gap-style';

interface Props {
  step: MapStep;
  onClose(): void;
  onLogGap(): void;
}

/** The right-hand pane of the map: the selected step and its gaps, with the core's monthly cost. */
export function StepGapsPane({ step, onClose, onLogGap }: Props) {
  const { t, i18n } = useTranslation('processes', { keyPrefix: 'map' });
  const { t: tc } = useTranslation();
  const revision = useApp((s) => s.revision);
  const [gaps, setGaps] = useState<Gap[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    setError(null);
    api.call('gaps.list', { processId: step.processId, stepId: step.id, limit: 100, sortBy: 'severity', sortDir: 'desc' }).then(
      (p) => {
        if (!alive) return;
        setGaps(p.items);
        setTotal(p.total);
      },
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [step.id, step.processId, revision]);

  const locale = i18n.language;
  return (
    <Paper withBorder radius="md" p="md" w={360} miw={300} data-testid="map-step-pane" style={{ flexShrink: 0 }}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t('pane.step')}</Text>
            <Title order={4} data-testid="map-pane-step-name" style={{ overflowWrap: 'anywhere' }}>{step.name}</Title>
          </div>
          <Tooltip label={tc('actions.close')}>
            <ActionIcon variant="subtle" color="gray" aria-label={tc('actions.close')} onClick={onClose} data-testid="map-pane-close">
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap={6}>
          {step.lane && <Badge tt="none" variant="light">{step.lane}</Badge>}
          {step.system && <Badge tt="none" variant="outline" color="gray">{step.system}</Badge>}
          <Badge tt="none" variant="dot" color="gray">{t(`kind.${step.kind}`, { defaultValue: step.kind })}</Badge>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={onLogGap} data-testid="map-log-gap">{t('pane.logGap')}</Button>
        <Text fw={600} size="sm">{t('pane.gaps', { count: total })}</Text>
        {error && <Alert color="red">{error}</Alert>}
        {!gaps && !error && <Center h={80}><Loader size="sm" /></Center>}
        {gaps && gaps.length === 0 && <Text size="sm" c="dimmed" data-testid="map-pane-no-gaps">{t('pane.noGaps')}</Text>}
        {gaps && gaps.length > 0 && (
          <ScrollArea.Autosize mah={520} offsetScrollbars>
            <Stack gap="xs" data-testid="map-pane-gaps">
              {gaps.map((g) => (
                <Paper key={g.id} withBorder radius="sm" p="xs" data-testid="map-pane-gap">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{g.title}</Text>
                  <Group gap={6} mt={4}>
                    <Badge size="sm" tt="none" variant="light" color="gray">{tc(`gapType.${g.type}`)}</Badge>
                    <Badge size="sm" tt="none" color={severityColour(g.severity)}>{t('pane.severity', { n: g.severity })}</Badge>
                    <Badge size="sm" tt="none" variant="light" color={GAP_STATUS_COLOURS[g.status]}>{tc(`gapStatus.${g.status}`)}</Badge>
                  </Group>
                  <Group justify="space-between" mt={4} wrap="nowrap" gap="xs">
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{t('pane.monthlyCost')}</Text>
                    <Text size="sm" fw={600} style={NUM_STYLE} ta="right">
                      {g.monthlyCostCents === null ? t('pane.noRate') : formatMoney(g.monthlyCostCents, g.currency, locale)}
                    </Text>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}
