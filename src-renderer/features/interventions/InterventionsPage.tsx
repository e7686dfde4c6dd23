import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Paper, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/export-button';
import { INTERVENTION_STATUSES, type InterventionStatus } from '@shared/domain';
import { formatDate, formatMoney } from '@shared/format';
import { api } from '../../api/client';
import { NeedsDepartment } from '../workspace/prerequisites';
import { useApp } from '../../stores';
import { BADGE_FULL, INTERVENTION_STATUS_COLOURS, NUM_STYLE } from '../gaps/gap-style';
import { useLoad } from '../../components/use-load';
import { usePagedRows } from '../../components/use-paged-rows';
import { PagedTable } from '../../components/paged-table';
import { InterventionDrawer } from './intervention-drawer';
import { InterventionFormModal } from './intervention-form-modal';
import { vocabularyLabel } from './vocabulary-select';

/** Interventions (#/interventions, #/interventions/<id>): paged by the core, newest start first, rows virtualised. */
export default function InterventionsPage() {
  const { t, i18n } = useTranslation('interventions');
  const { t: tc } = useTranslation();
  const locale = i18n.language;
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const departmentId = useApp((s) => s.departmentId);
  const departments = useApp((s) => s.departments);
  const departmentsLoaded = useApp((s) => s.departmentsLoaded);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const { status, kind } = useApp((s) => s.interventionFilter);
  const patchFilter = useApp((s) => s.patchInterventionFilter);
  const setStatus = (v: InterventionStatus | null) => patchFilter({ status: v });
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const [debounced] = useDebouncedValue(text, 200);
  const openId = route.page === 'interventions' ? (route.params[0] ?? null) : null;

  const filters = {
    ...(departmentId ? { departmentId } : {}),
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(debounced.trim() ? { text: debounced } : {}),
  };
  const rows = usePagedRows((offset, limit) => api.call('interventions.list', { limit, offset, ...filters }), [departmentId, status, kind, debounced]);
  const vocab = useLoad(() => api.call('vocabulary.list', {}), []);
  const label = (kind: 'intervention_kind' | 'platform', code: string | null) => {
    if (!code) return '—';
    const e = vocab.data?.find((v) => v.kind === kind && v.code === code);
    return e ? vocabularyLabel(e, locale) : code;
  };
  const filtered = !!(status || kind || debounced.trim());

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('title')}</Title>
          <Text size="sm" c="dimmed">{t('subtitle')}</Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={departments.length === 0} data-testid="intervention-create">
          {t('new')}
        </Button>
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput label={t('filters.text')} leftSection={<IconSearch size={14} />} w={260} value={text}
          onChange={(e) => setText(e.currentTarget.value)} data-testid="intervention-filter-text" />
        <Select label={t('filters.status')} placeholder={t('filters.any')} clearable w={200}
          data={INTERVENTION_STATUSES.map((s) => ({ value: s, label: tc(`interventionStatus.${s}`) }))}
          value={status} onChange={(v) => setStatus(v as InterventionStatus | null)} data-testid="intervention-filter-status" />
        <Select label={t('filters.kind')} placeholder={t('filters.any')} clearable w={240}
          data={[...new Map((vocab.data ?? []).filter((v) => v.kind === 'intervention_kind').map((v) => [v.code, { value: v.code, label: vocabularyLabel(v, locale) }])).values()]}
          value={kind} onChange={(v) => patchFilter({ kind: v })} data-testid="intervention-filter-kind" />
        <div style={{ marginLeft: 'auto' }}><ExportButton request={{ list: 'interventions', filters }} /></div>
      </Group>
      {rows.error && <Alert color="red" title={tc('errors.generic')}>{rows.error}</Alert>}
      {departmentsLoaded && departments.length === 0 && <Card withBorder padding="xl"><NeedsDepartment /></Card>}
      <Paper withBorder radius="md" hidden={departmentsLoaded && departments.length === 0}>
        <PagedTable
          testId="intervention-table"
          rows={rows}
          empty={filtered ? t('emptyFiltered') : t('empty')}
          emptyTestId="intervention-empty"
          countTestId="intervention-count"
          range={(from, to, all) => t('range', { from, to, total: all })}
          columns={9}
          minWidth={1100}
          header={
            <Table.Tr>
              <Table.Th>{t('col.title')}</Table.Th>
              <Table.Th>{t('col.kind')}</Table.Th>
              <Table.Th>{t('col.platform')}</Table.Th>
              <Table.Th>{t('col.owner')}</Table.Th>
              <Table.Th>{t('col.status')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('col.start')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('col.end')}</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('col.oneOff')}</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>{t('col.recurring')}</Table.Th>
            </Table.Tr>
          }
          renderRow={(i, index, measure) => (
            <Table.Tr key={i.id} ref={measure} data-index={index} onClick={() => navigate('interventions', i.id)} style={{ cursor: 'pointer' }} data-testid="intervention-row">
              <Table.Td miw={220} maw={340}>
                <UnstyledButton fw={600} fz="sm" style={{ textAlign: 'left' }} onClick={() => navigate('interventions', i.id)}>{i.title}</UnstyledButton>
              </Table.Td>
              <Table.Td><Text size="sm" lineClamp={2}>{label('intervention_kind', i.kind)}</Text></Table.Td>
              <Table.Td><Text size="sm">{label('platform', i.platform)}</Text></Table.Td>
              <Table.Td><Text size="sm" c={i.owner ? undefined : 'dimmed'}>{i.owner ?? '—'}</Text></Table.Td>
              <Table.Td>
                <Badge tt="none" variant="light" color={INTERVENTION_STATUS_COLOURS[i.status]} styles={BADGE_FULL} data-testid="intervention-row-status">
                  {tc(`interventionStatus.${i.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatDate(i.startDate, locale)}</Text></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatDate(i.endDate, locale)}</Text></Table.Td>
              <Table.Td ta="right" style={{ ...NUM_STYLE, whiteSpace: 'nowrap' }}><Text size="sm">{formatMoney(i.oneOffCostCents, i.currency, locale, 0)}</Text></Table.Td>
              <Table.Td ta="right" style={{ ...NUM_STYLE, whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatMoney(i.recurringCostCents, i.currency, locale, 0)}{t('perMonth')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Paper>
      <InterventionDrawer id={openId} onClose={() => navigate('interventions')} />
      <InterventionFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(i) => {
          bumpRevision();
          navigate('interventions', i.id);
        }}
      />
    </Stack>
  );
}
