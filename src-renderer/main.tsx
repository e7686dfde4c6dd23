import './zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/spotlight/styles.css';
import './i18n';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { captureToken, hasBridge, onHealthRefusal, onUnauthorized } from './api/client';
import { AppFrame } from './app/AppFrame';
import { openingPage, preloadPage } from './app/pages';
import { parseHash } from './stores/route-slice';
import { Unauthorized } from './app/Unauthorized';
import { DamagedScreen } from './features/workspace/damaged-screen';
import { useApp } from './stores';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

function Root() {
  const [unauthorized, setUnauthorized] = useState(() => !hasBridge() && !captureToken());
  const health = useApp((s) => s.health);
  const loadHealth = useApp((s) => s.loadHealth);
  useEffect(() => onUnauthorized(() => setUnauthorized(true)), []);
  useEffect(() => {
    if (unauthorized) return;
    void loadHealth().catch(() => undefined);
    return onHealthRefusal(() => void loadHealth().catch(() => undefined));
  }, [unauthorized, loadHealth]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ModalsProvider>
        <Notifications position="bottom-right" />
        {unauthorized ? <Unauthorized /> : health?.state === 'damaged' ? <DamagedScreen health={health} /> : <AppFrame />}
      </ModalsProvider>
    </MantineProvider>
  );
}

// The page the app opens on, and its first data, load while the frame renders, not after (once the
// token is known, which a first load takes from the address).
if (hasBridge() || captureToken()) openingPage(parseHash(window.location.hash));
else preloadPage(parseHash(window.location.hash).page);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
