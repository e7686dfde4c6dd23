import { useEffect, useState } from 'react';
import { Center, Loader, Modal } from '@mantine/core';
import { preloadable } from '../../components/preloadable';
import type { ImportWizardProps } from './import-wizard';

// The import wizard (file reading, mapping, preview) loads the first time it is opened.
const Wizard = preloadable(() => import('./import-wizard').then((m) => m.ImportWizard), {
  fallback: (props) => (
    <Modal opened={props.opened} onClose={props.onClose} size="xl" withCloseButton={false}>
      <Center h={160}><Loader size="sm" /></Center>
    </Modal>
  ),
});

export function ImportWizard(props: ImportWizardProps) {
  const [wanted, setWanted] = useState(props.opened);
  useEffect(() => {
    if (props.opened) setWanted(true);
  }, [props.opened]);
  if (!wanted) return null;
  return <Wizard.Component {...props} />;
}
