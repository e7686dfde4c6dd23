import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { searchBox } from './SearchSpotlight';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's search field look-alike: a click (or Ctrl/Cmd+K) opens the search box. */
export function SearchButton() {
  const { t } = useTranslation('search');
  return (
    <UnstyledButton
      onClick={searchBox.open}
      aria-label={t('open')}
      data-testid="search-open"
      px="sm"
      py={6}
      w={260}
      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, background: 'var(--mantine-color-white)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="nowrap">
          <IconSearch size={16} stroke={1.6} color="var(--mantine-color-gray-6)" />
          <Text size="sm" c="dimmed" truncate>{t('button')}</Text>
        </Group>
        <Group gap={2} wrap="nowrap">
          <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </Group>
    </UnstyledButton>
  );
}
