import { useState } from 'react';
import {
  ActionIcon, Badge, Button, Card, Code, Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Department } from '@shared/api';
import { formatBytes, formatMoney, formatNumber } from '@shared/format';
import { api } from '../../api/client';
import { askToDelete } from '../../components/confirm-delete';
import { useWorkspaceInfo } from '../../components/use-workspace-info';
import { setLanguage, type Language } from '../../i18n';
import { useApp } from '../../stores';
import { DepartmentFormModal } from '../departments/department-form-modal';

function InfoRow({ label, value, testId }: { label: string; value: string | number | undefined; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Th w={220} fw={500} c="dimmed">{label}</Table.Th>
      <Table.Td><Code data-testid={testId} style={{ wordBreak: 'break-all' }}>{value ?? '—'}</Code></Table.Td>
    </Table.Tr>
  );
}

export default function SettingsPage() {
  const { t, i18n } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const departments = useApp((s) => s.departments);
  const info = useWorkspaceInfo();
  const [form, setForm] = useState<{ open: boolean; department: Department | null }>({ open: false, department: null });
  const locale = i18n.language;

  const confirmDelete = (d: Department) =>
    askToDelete({
      title: t('department.deleteTitle', { name: d.name }),
      body: t('department.deleteBody'),
      remove: () => api.call('departments.delete', { id: d.id }),
    });

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={2}>{t('title')}</Title>

      <Card withBorder padding="lg">
        <Stack gap="xs">
          <Title order={4}>{t('language.title')}</Title>
          <Text size="sm" c="dimmed">{t('language.help')}</Text>
          <SegmentedControl
            w={300}
            value={locale.startsWith('fr') ? 'fr' : 'en'}
            onChange={(v) => setLanguage(v as Language)}
            data={[{ value: 'en', label: 'English' }, { value: 'fr', label: 'Français' }]}
            data-testid="language-switch"
          />
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Group justify="space-between">
            <div>
              <Title order={4}>{t('department.sectionTitle')}</Title>
              <Text size="sm" c="dimmed">{t('department.sectionHelp')}</Text>
            </div>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ open: true, department: null })} data-testid="department-create">
              {t('department.create')}
            </Button>
          </Group>
          {departments.length === 0 ? (
            <Paper withBorder p="lg" radius="md" bg="gray.0">
              <Text c="dimmed" ta="center">{t('department.empty')}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover data-testid="department-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('department.name')}</Table.Th>
                    <Table.Th>{t('department.code')}</Table.Th>
                    <Table.Th ta="right">{t('department.rate')}</Table.Th>
                    <Table.Th>{t('department.currency')}</Table.Th>
                    <Table.Th w={80} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {departments.map((d) => (
                    <Table.Tr key={d.id} data-testid="department-row">
                      <Table.Td>
                        <Group gap="xs">
                          <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: d.colour }} />
                          <Text fw={600} size="sm">{d.name}</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td><Badge tt="none" variant="light" color="gray">{d.code}</Badge></Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {d.loadedHourlyRateCents === null ? (
                          <Text span c="dimmed" size="sm">{t('department.noRate')}</Text>
                        ) : (
                          <Text span size="sm">{formatMoney(d.loadedHourlyRateCents, d.currency, locale)} / h</Text>
                        )}
                      </Table.Td>
                      <Table.Td>{d.currency}</Table.Td>
                      <Table.Td>
                        <Group gap={2} justify="flex-end" wrap="nowrap">
                          <Tooltip label={tc('actions.edit')}>
                            <ActionIcon variant="subtle" aria-label={t('department.editNamed', { name: d.name })}
                              onClick={() => setForm({ open: true, department: d })} data-testid="department-edit">
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={tc('actions.delete')}>
                            <ActionIcon variant="subtle" color="red" aria-label={t('department.deleteNamed', { name: d.name })}
                              onClick={() => confirmDelete(d)} data-testid="department-delete">
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="xs">
          <Title order={4}>{t('workspace.title')}</Title>
          <Text size="sm" c="dimmed">{t('workspace.help')}</Text>
          <Table withRowBorders={false} verticalSpacing={6}>
            <Table.Tbody>
              <InfoRow label={t('workspace.dataDir')} value={info?.dataDir} testId="info-data-dir" />
              <InfoRow label={t('workspace.databaseFile')} value={info?.databaseFile} />
              <InfoRow label={t('workspace.databaseSize')} value={info ? formatBytes(info.databaseBytes, i18n.language) : undefined} testId="info-database-size" />
              <InfoRow label={t('workspace.historyEntries')} value={info ? formatNumber(info.historyEntries, i18n.language) : undefined} testId="info-history" />
              {info?.historyBytes != null && (
                <InfoRow label={t('workspace.historySize')} value={formatBytes(info.historyBytes, i18n.language)} testId="info-history-size" />
              )}
              <InfoRow label={t('workspace.schemaVersion')} value={info?.schemaVersion} />
              <InfoRow label={t('workspace.appVersion')} value={info?.appVersion} />
              <InfoRow label={t('workspace.nodeId')} value={info?.nodeId} />
            </Table.Tbody>
          </Table>
        </Stack>
      </Card>

      <DepartmentFormModal opened={form.open} onClose={() => setForm({ open: false, department: null })} department={form.department} />
    </Stack>
  );
}
