import { useState } from 'react';
import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconListDetails, IconPlus, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../stores';
import { GapDrawer } from './gap-drawer';
import { GapPriorities } from './gap-priorities';
import { GapRegister } from './gap-register';
import { NewGapModal } from './new-gap-modal';

/** The gap register (#/gaps), its prioritisation view, and the detail drawer of #/gaps/<id>. */
export default function GapsPage() {
  const { t } = useTranslation('gaps');
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const bumpRevision = useApp((s) => s.bumpRevision);
  const [tab, setTab] = useState<string | null>('register');
  const [creating, setCreating] = useState(false);
  const openId = route.page === 'gaps' ? (route.params[0] ?? null) : null;
  const open = (g: { id: string }) => navigate('gaps', g.id);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('title')}</Title>
          <Text size="sm" c="dimmed">{t('subtitle')}</Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="register-new-gap">
          {t('newGap.button')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="register" leftSection={<IconListDetails size={16} />} data-testid="tab-register">{t('tabs.register')}</Tabs.Tab>
          <Tabs.Tab value="priorities" leftSection={<IconSortDescending size={16} />} data-testid="tab-priorities">{t('tabs.priorities')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register"><GapRegister onOpen={open} /></Tabs.Panel>
        <Tabs.Panel value="priorities"><GapPriorities onOpen={open} /></Tabs.Panel>
      </Tabs>
      <GapDrawer gapId={openId} onClose={() => navigate('gaps')} />
      <NewGapModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(g) => {
          bumpRevision();
          setCreating(false);
          navigate('gaps', g.id);
        }}
      />
    </Stack>
  );
}
