import { Fragment } from 'react';
import { Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

// The app's real shortcuts, where they are handled: search (SearchSpotlight, mod+K), this list
// (F1 here and in the native Help menu, mod+/ here), the map keys (ProcessMapPanel onViewportKey,
// map-svg step keys), the measurement grid's Enter. Keep this list in step with those files.
const GROUPS: { group: string; rows: { keys: string[][]; what: string }[] }[] = [
  {
    group: 'everywhere',
    rows: [
      { keys: [[MOD, 'K']], what: 'search' },
      { keys: [['F1'], [MOD, '/']], what: 'help' },
      { keys: [['Esc']], what: 'close' },
    ],
  },
  {
    group: 'map',
    rows: [
      { keys: [['←'], ['→'], ['↑'], ['↓']], what: 'pan' },
      { keys: [['+'], ['−']], what: 'zoom' },
      { keys: [['0']], what: 'fit' },
      { keys: [['Esc']], what: 'stopFlow' },
      { keys: [['Enter'], ['Space']], what: 'selectStep' },
    ],
  },
  { group: 'tables', rows: [{ keys: [['Enter']], what: 'saveRow' }] },
];

/** Named keys read in the UI language (Entrée, Échap); symbols and letters as they are on the key. */
const NAMED = new Set(['Enter', 'Space', 'Esc']);

function Keys({ keys }: { keys: string[][] }) {
  const { t } = useTranslation('shell', { keyPrefix: 'shortcuts.keys' });
  return (
    <Group gap={6} wrap="nowrap">
      {keys.map((combo, i) => (
        <Group key={i} gap={2} wrap="nowrap">
          {combo.map((k, j) => (
            <Fragment key={k}>
              {j > 0 && <Text span size="xs" c="dimmed">+</Text>}
              <Kbd size="sm">{NAMED.has(k) ? t(k) : k}</Kbd>
            </Fragment>
          ))}
        </Group>
      ))}
    </Group>
  );
}

/** Help ▸ Keyboard shortcuts (and F1 / Ctrl+/ anywhere, in the web shell too). */
export function ShortcutsDialog({ opened, onOpen, onClose }: { opened: boolean; onOpen(): void; onClose(): void }) {
  const { t } = useTranslation('shell', { keyPrefix: 'shortcuts' });
  // Also from inside inputs: F1 and mod+/ type nothing, so taking them never loses text.
  useHotkeys([['F1', onOpen], ['mod+slash', onOpen]], []);
  return (
    <Modal opened={opened} onClose={onClose} title={<Title order={4}>{t('title')}</Title>} size="lg" data-testid="shortcuts-dialog">
      <Stack gap="md">
        {GROUPS.map((g) => (
          <Stack key={g.group} gap={4}>
            <Text fw={600} size="sm">{t(`groups.${g.group}`)}</Text>
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {g.rows.map((r) => (
                  <Table.Tr key={r.what}>
                    <Table.Td w={200}><Keys keys={r.keys} /></Table.Td>
                    <Table.Td>{t(r.what)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
        <Text size="xs" c="dimmed">{t('menuNote')}</Text>
      </Stack>
    </Modal>
  );
}
