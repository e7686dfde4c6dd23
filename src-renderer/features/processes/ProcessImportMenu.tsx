import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconFileImport, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BpmnImportModal } from './bpmn-import-modal';
import { TemplateModal } from './template-modal';

/** The Processes page header actions: "Import BPMN…" and "New department from template…". */
export default function ProcessImportMenu() {
  const { t } = useTranslation('processes', { keyPrefix: 'map' });
  const [open, setOpen] = useState<'bpmn' | 'template' | null>(null);
  return (
    <>
      <Button.Group>
        <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setOpen('bpmn')} data-testid="import-bpmn">
          {t('menu.importBpmn')}
        </Button>
        <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={() => setOpen('template')} data-testid="import-template">
          {t('menu.fromTemplate')}
        </Button>
      </Button.Group>
      <BpmnImportModal opened={open === 'bpmn'} onClose={() => setOpen(null)} />
      <TemplateModal opened={open === 'template'} onClose={() => setOpen(null)} />
    </>
  );
}
