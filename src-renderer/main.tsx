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
import { captureToken, hasBridge, onUnauthorized } from './api/client';
import { AppFrame } from './app/AppFrame';
import { preloadPage } from './app/pages';
import { parseHash } from './stores/route-slice';
import { Unauthorized } from './app/Unauthorized';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});

function Root() {
  const [unauthorized, setUnauthorized] = useState(() => !hasBridge() && !captureToken());
  useEffect(() => onUnauthorized(() => setUnauthorized(true)), []);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <ModalsProvider>
        <Notifications position="bottom-right" />
        {unauthorized ? <Unauthorized /> : <AppFrame />}
      </ModalsProvider>
    </MantineProvider>
  );
}

// The page the app opens on loads while the frame renders, not after.
preloadPage(parseHash(window.location.hash).page);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
