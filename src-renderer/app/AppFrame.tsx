import { Suspense, useEffect, type ReactNode } from 'react';
import { ActionIcon, AppShell, Burger, Center, Group, Loader, NavLink, ScrollArea, Select, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAdjustments, IconBulb, IconKeyboard, IconChartLine, IconFileReport, IconGauge, IconHierarchy2, IconAlertTriangle, IconRefresh,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores';
import { PAGES, type Page } from '../stores/route-slice';
import { enteringPage, PAGE_COMPONENTS, preloadAllPagesWhenIdle, preloadPage } from './pages';
import { HeaderExtras } from './header-extras';
import { ReadOnlyBanner } from '../features/workspace/read-only-banner';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useMenuCommands } from './use-menu-commands';
import { useAppCommands } from './app-commands';
import { FileMenu } from './file-menu';
import { LazyExportDialog as ExportDialog } from '../features/reports/lazy-export-dialog';
import { WindowDrop } from './window-drop';

const ICONS: Record<Page, ReactNode> = {
  dashboard: <IconGauge size={18} stroke={1.6} />,
  processes: <IconHierarchy2 size={18} stroke={1.6} />,
  gaps: <IconAlertTriangle size={18} stroke={1.6} />,
  interventions: <IconBulb size={18} stroke={1.6} />,
  indicators: <IconChartLine size={18} stroke={1.6} />,
  reports: <IconFileReport size={18} stroke={1.6} />,
  sync: <IconRefresh size={18} stroke={1.6} />,
  settings: <IconAdjustments size={18} stroke={1.6} />,
};

function DepartmentSwitcher() {
  const { t } = useTranslation();
  const departments = useApp((s) => s.departments);
  const departmentId = useApp((s) => s.departmentId);
  const setDepartmentId = useApp((s) => s.setDepartmentId);
  return (
    <Select
      aria-label={t('department.filter')}
      w={240}
      size="sm"
      value={departmentId ?? '__all'}
      onChange={(v) => setDepartmentId(!v || v === '__all' ? null : v)}
      data={[{ value: '__all', label: t('department.all') }, ...departments.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))]}
      allowDeselect={false}
      data-testid="department-switcher"
    />
  );
}

export function AppFrame() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const [shortcutsOpen, shortcuts] = useDisclosure();
  const runCommand = useAppCommands(shortcuts.open);
  useMenuCommands(runCommand);
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const syncRoute = useApp((s) => s.syncRoute);
  const loadDepartments = useApp((s) => s.loadDepartments);

  useEffect(() => {
    window.addEventListener('hashchange', syncRoute);
    void loadDepartments();
    preloadAllPagesWhenIdle();
    return () => window.removeEventListener('hashchange', syncRoute);
  }, [syncRoute, loadDepartments]);

  useEffect(() => enteringPage(route), [route]);

  const PageComponent = PAGE_COMPONENTS[route.page];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={3} c="indigo.7" style={{ letterSpacing: '-0.02em' }}>
              Boucle
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <HeaderExtras />
            <FileMenu run={runCommand} />
            <DepartmentSwitcher />
            <Tooltip label={t('shortcuts.open', { ns: 'shell' })}>
              <ActionIcon variant="subtle" color="gray" size="lg" onClick={shortcuts.open} aria-label={t('shortcuts.open', { ns: 'shell' })} data-testid="open-shortcuts">
                <IconKeyboard size={20} stroke={1.6} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {PAGES.map((p) => (
            <NavLink
              key={p}
              href={`#/${p}`}
              label={t(`nav.${p}`)}
              leftSection={ICONS[p]}
              active={route.page === p}
              onMouseEnter={() => preloadPage(p)}
              onFocus={() => preloadPage(p)}
              onClick={(e) => {
                e.preventDefault();
                navigate(p);
                close();
              }}
              data-testid={`nav-${p}`}
              style={{ borderRadius: 6 }}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <ReadOnlyBanner />
        <Suspense
          fallback={
            <Center h={200}>
              <Loader size="sm" />
            </Center>
          }
        >
          <PageComponent />
        </Suspense>
      </AppShell.Main>
      <WindowDrop />
      <ShortcutsDialog opened={shortcutsOpen} onOpen={shortcuts.open} onClose={shortcuts.close} />
      <ExportDialog />
    </AppShell>
  );
}
