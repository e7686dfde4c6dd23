import { useEffect, useState } from 'react';
import {
  Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Modal, Radio, Select, SimpleGrid, Stack, Table, Text, Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Department } from '@shared/api';
import type { Lang, LocalText, TemplateApplySummary, TemplatePackSummary } from '@shared/processes/templates';
import { formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { useApp } from '../../stores';
import { RatePrompt } from '../departments/rate-prompt';

interface Props {
  opened: boolean;
  onClose(): void;
}

const SUMMARY_ROWS = ['processes', 'steps', 'flows', 'gaps', 'interventions', 'indicators', 'links'] as const;

/**
 * "New department from template": the packs of resources/templates in the UI language, applied to the
 * pack's own department (created when missing) or to an existing one. Applying again adds only what
 * is missing; the summary says what was created and what was already there.
 */
export function TemplateModal({ opened, onClose }: Props) {
  const { t, i18n } = useTranslation('processes', { keyPrefix: 'map' });
  const { t: tc } = useTranslation();
  const departments = useApp((s) => s.departments);
  const navigate = useApp((s) => s.navigate);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [packs, setPacks] = useState<TemplatePackSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ pack: TemplatePackSummary; summary: TemplateApplySummary } | null>(null);
  // A department the template left without a loaded hourly rate: every cost would read "no rate".
  const [rateFor, setRateFor] = useState<Department | null>(null);
  const lang: Lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const tx = (l: LocalText) => l[lang];
  const locale = i18n.language;

  useEffect(() => {
    if (!opened) return;
    setResult(null);
    setRateFor(null);
    setError(null);
    let alive = true;
    api.call('templates.list', {}).then(
      (p) => alive && setPacks(p),
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
  }, [opened]);

  const apply = async (pack: TemplatePackSummary) => {
    const where = target[pack.key] ?? 'own';
    setBusy(pack.key);
    setError(null);
    try {
      const summary = await api.call('templates.apply', {
        template: pack.key,
        lang,
        ...(where === 'own' ? {} : { departmentId: where }),
      });
      const department = await api.call('departments.get', { id: summary.departmentId });
      setRateFor(department.loadedHourlyRateCents === null ? department : null);
      setResult({ pack, summary });
      bumpRevision();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const depName = (id: string) => departments.find((d) => d.id === id)?.name ?? '';

  return (
    <Modal opened={opened} onClose={onClose} size="80rem" title={t('templates.title')} data-testid="template-modal">
      {result ? (
        <Stack gap="sm" data-testid="template-summary">
          <Alert color="teal" icon={<IconCheck size={18} />} title={t('templates.doneTitle', { name: tx(result.pack.name) })}>
            {result.summary.departmentCreated
              ? t('templates.departmentCreated', { name: depName(result.summary.departmentId) || tx(result.pack.department.name) })
              : t('templates.departmentUsed', { name: depName(result.summary.departmentId) || tx(result.pack.department.name) })}
          </Alert>
          {rateFor && <RatePrompt department={rateFor} />}
          <Table withTableBorder striped maw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('templates.what')}</Table.Th>
                <Table.Th ta="right">{t('templates.created')}</Table.Th>
                <Table.Th ta="right">{t('templates.skipped')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SUMMARY_ROWS.map((k) => (
                <Table.Tr key={k} data-testid={`template-row-${k}`}>
                  <Table.Td>{t(`templates.rows.${k}`)}</Table.Td>
                  <Table.Td ta="right" data-testid={`template-created-${k}`}>{formatNumber(result.summary[k].created, locale)}</Table.Td>
                  <Table.Td ta="right" data-testid={`template-skipped-${k}`}>{formatNumber(result.summary[k].skipped, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed">{t('templates.skippedHelp')}</Text>
          {result.summary.processes.ids.length > 0 && (
            <Group gap="xs">
              <Text size="sm">{t('templates.openProcess')}</Text>
              {result.summary.processes.ids.map((id, i) => (
                <Anchor
                  key={id}
                  size="sm"
                  href={`#/processes/${id}/map`}
                  onClick={(e) => { e.preventDefault(); onClose(); navigate('processes', id, 'map'); }}
                  data-testid="template-open-process"
                >
                  {result.pack.processes[i] ? tx(result.pack.processes[i].name) : `#${i + 1}`}
                </Anchor>
              ))}
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setResult(null)} data-testid="template-back">{t('templates.back')}</Button>
            <Button onClick={onClose} data-testid="template-done">{tc('actions.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('templates.intro')}</Text>
          {error && <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="template-error">{error}</Alert>}
          {!packs && !error && <Center h={160}><Loader size="sm" /></Center>}
          {packs && (
            <SimpleGrid cols={{ base: 1, md: packs.length >= 3 ? 3 : packs.length }} spacing="md">
              {packs.map((pack) => {
                const where = target[pack.key] ?? 'own';
                return (
                  <Card key={pack.key} withBorder radius="md" padding="md" data-testid={`template-pack-${pack.key}`}>
                    <Stack gap="xs" h="100%">
                      <Group gap="xs" wrap="nowrap">
                        <span style={{ width: 12, height: 12, borderRadius: 6, background: pack.department.colour, flexShrink: 0 }} />
                        <Title order={4}>{tx(pack.name)}</Title>
                      </Group>
                      <Text size="sm" c="dimmed">{tx(pack.description)}</Text>
                      <Stack gap={4}>
                        {pack.processes.map((p) => (
                          <Group key={p.key} justify="space-between" wrap="nowrap" gap="xs">
                            <Text size="sm" fw={500}>{tx(p.name)}</Text>
                            <Group gap={4} wrap="nowrap">
                              {p.referenceId && <Badge size="xs" tt="none" variant="outline" color="indigo" ff="monospace">{p.referenceId}</Badge>}
                              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                                {t('templates.stepCount', { count: p.counts.steps })}
                              </Text>
                            </Group>
                          </Group>
                        ))}
                      </Stack>
                      <Text size="xs" c="dimmed">
                        {t('templates.counts', {
                          processes: pack.counts.processes,
                          steps: pack.counts.steps,
                          gaps: pack.counts.gaps,
                          interventions: pack.counts.interventions,
                          indicators: pack.counts.indicators,
                        })}
                      </Text>
                      <Radio.Group
                        value={where === 'own' ? 'own' : 'existing'}
                        onChange={(v) =>
                          setTarget((s) => ({ ...s, [pack.key]: v === 'own' ? 'own' : (departments[0]?.id ?? 'own') }))
                        }
                        label={t('templates.target')}
                        mt="auto"
                      >
                        <Stack gap={4} mt={4}>
                          <Radio value="own" label={t('templates.ownDepartment', { name: tx(pack.department.name) })} />
                          <Radio value="existing" label={t('templates.existingDepartment')} disabled={departments.length === 0} />
                        </Stack>
                      </Radio.Group>
                      {where !== 'own' && (
                        <Select
                          aria-label={t('templates.existingDepartment')}
                          data={departments.map((d) => ({ value: d.id, label: d.name }))}
                          value={where}
                          allowDeselect={false}
                          onChange={(v) => v && setTarget((s) => ({ ...s, [pack.key]: v }))}
                          data-testid={`template-department-${pack.key}`}
                        />
                      )}
                      <Button onClick={() => void apply(pack)} loading={busy === pack.key} disabled={busy !== null && busy !== pack.key}
                        data-testid={`template-apply-${pack.key}`}>
                        {t('templates.apply')}
                      </Button>
                    </Stack>
                  </Card>
                );
              })}
            </SimpleGrid>
          )}
        </Stack>
      )}
    </Modal>
  );
}
