import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconFileExport, IconFileImport, IconMenu2, IconPresentation, IconSitemap } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RendererCommand } from '@shared/bridge';
import { hasBridge } from '../api/client';

// The browser's File menu: the desktop app has the native one (src-main/electron/menu.ts); in the web
// shell the same import, export and report commands live here, and run the same way (app-commands.ts).
export function FileMenu({ run }: { run: (command: RendererCommand) => void }) {
  const { t } = useTranslation('shell');
  // The tooltip says what the button is; once the menu is open it would only cover the menu's first item.
  const [opened, setOpened] = useState(false);
  if (hasBridge()) return null;
  const item = (command: RendererCommand, icon: React.ReactNode) => (
    <Menu.Item leftSection={icon} onClick={() => run(command)} data-testid={`file-menu-${command}`}>
      {t(`fileMenu.${command}`)}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>
        <Tooltip label={t('fileMenu.title')} disabled={opened}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('fileMenu.title')} data-testid="file-menu">
            <IconMenu2 size={20} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {item('importMeasurements', <IconFileImport size={16} />)}
        {item('importBpmn', <IconSitemap size={16} />)}
        {item('export', <IconFileExport size={16} />)}
        {item('report', <IconPresentation size={16} />)}
      </Menu.Dropdown>
    </Menu>
  );
}
