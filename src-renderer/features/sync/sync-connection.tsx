import { useState } from 'react';
import { Alert, Button, Card, Code, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/sync/schemas';
import { api, ApiCallError } from '../../api/client';

/** Settings → Sync: the server's address and the token to sign in with. */
export function SyncConnection({ status, onChange }: { status: SyncStatus; onChange(s: SyncStatus): void }) {
  const { t } = useTranslation('sync');
  const [editing, setEditing] = useState(!status.configured);
  const [serverUrl, setServerUrl] = useState(status.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ serverUrl?: string; token?: string; form?: string }>({});

  const connect = async () => {
    setBusy(true);
    setErrors({});
    try {
      onChange(await api.call('sync.configure', { serverUrl, ...(token ? { token } : {}) }));
      setToken('');
      setEditing(false);
    } catch (e) {
      const err = e instanceof ApiCallError ? e : null;
      const text = e instanceof Error ? e.message : String(e);
      setErrors(err?.field === 'serverUrl' || err?.field === 'token' ? { [err.field]: text } : { form: text });
    } finally {
      setBusy(false);
    }
  };

  if (!editing) {
    return (
      <Card withBorder padding="lg" data-testid="sync-connection">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>{t('server')}</Title>
            <Text size="sm" mt={4}><Code>{status.serverUrl}</Code></Text>
            <Text size="sm" c="dimmed" mt={4}>{status.user ? t('signedInAs', { user: status.user }) : t('notSignedIn')}</Text>
          </div>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>{t('change')}</Button>
            <Button variant="subtle" color="red" size="xs" onClick={async () => onChange(await api.call('sync.disconnect', {}))}>{t('disconnect')}</Button>
          </Group>
        </Group>
      </Card>
    );
  }
  return (
    <Card withBorder padding="lg" data-testid="sync-connection-form">
      <Title order={4} mb="xs">{t('connectTitle')}</Title>
      <Text size="sm" c="dimmed" mb="md">{t('connectHelp')}</Text>
      <Stack gap="sm" maw={560}>
        <TextInput label={t('serverUrl')} placeholder="https://sync.example.com" value={serverUrl} onChange={(e) => setServerUrl(e.currentTarget.value)} error={errors.serverUrl} data-testid="sync-server-url" />
        <PasswordInput
          label={t('token')}
          description={status.hasToken ? t('tokenKept') : t('tokenHelp')}
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
          error={errors.token}
          data-testid="sync-token"
        />
        {status.tokenProtection === 'file' && (
          <Alert color="yellow" variant="light" title={t('tokenFileTitle')}>
            {t('tokenFileWarning')} <Code>{status.tokenFile}</Code>
          </Alert>
        )}
        {errors.form && <Alert color="red">{errors.form}</Alert>}
        <Group>
          <Button leftSection={<IconPlugConnected size={16} />} loading={busy} disabled={!serverUrl || (!token && !status.hasToken)} onClick={connect} data-testid="sync-connect">
            {t('connect')}
          </Button>
          {status.configured && <Button variant="default" onClick={() => setEditing(false)}>{t('cancel')}</Button>}
        </Group>
      </Stack>
    </Card>
  );
}
