import { Alert, Card, Code, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@shared/format';
import { useWorkspaceInfo } from '../../components/use-workspace-info';

/** What this machine holds and would sync; central sync itself comes with its own issue. */
export default function SyncPage() {
  const { t, i18n } = useTranslation('sync');
  const info = useWorkspaceInfo();
  const counts = info?.counts ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <Title order={2}>{t('title')}</Title>
        <Text c="dimmed" size="sm">{t('subtitle')}</Text>
      </div>
      <Alert color="gray" icon={<IconCloudOff size={20} />} title={t('notConfiguredTitle')} data-testid="sync-not-configured">
        {t('notConfigured')}
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Title order={4} mb="xs">{t('machine')}</Title>
          <Table withRowBorders={false} verticalSpacing={6}>
            <Table.Tbody>
              <Table.Tr><Table.Th c="dimmed" fw={500}>{t('nodeId')}</Table.Th><Table.Td><Code data-testid="sync-node-id">{info?.nodeId ?? '—'}</Code></Table.Td></Table.Tr>
              <Table.Tr><Table.Th c="dimmed" fw={500}>{t('dataDir')}</Table.Th><Table.Td><Code style={{ wordBreak: 'break-all' }}>{info?.dataDir ?? '—'}</Code></Table.Td></Table.Tr>
              <Table.Tr><Table.Th c="dimmed" fw={500}>{t('databaseFile')}</Table.Th><Table.Td><Code style={{ wordBreak: 'break-all' }}>{info?.databaseFile ?? '—'}</Code></Table.Td></Table.Tr>
              <Table.Tr><Table.Th c="dimmed" fw={500}>{t('schemaVersion')}</Table.Th><Table.Td>{info?.schemaVersion ?? '—'}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="sm">{t('nodeIdHelp')}</Text>
        </Card>
        <Card withBorder padding="lg">
          <Title order={4} mb="xs">{t('rows')}</Title>
          <Table verticalSpacing={4} data-testid="sync-counts">
            <Table.Tbody>
              {Object.entries(counts).map(([entity, n]) => (
                <Table.Tr key={entity}>
                  <Table.Td>{t(`entity.${entity}`, { defaultValue: entity.replace(/_/g, ' ') })}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNumber(n, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('total')}</Table.Td>
                <Table.Td ta="right" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNumber(total, i18n.language)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="sm">{t('changeLogHelp')}</Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
