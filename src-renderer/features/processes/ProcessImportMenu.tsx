import { useEffect, useState } from 'react';
import { Button } from '@mantine/core';
import { IconFileImport, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BpmnImportModal } from './bpmn-import-modal';
import { TemplateModal } from './template-modal';
import { useImportRequest } from '../../app/import-requests';

/** The Processes page header actions: "Import BPMN…" and "New department from template…". */
export default function ProcessImportMenu() {
  const { t } = useTranslation('processes', { keyPrefix: 'map' });
  const [open, setOpen] = useState<'bpmn' | 'template' | null>(null);
  // A BPMN file dropped on the window, or File ▸ Import BPMN…: open the import with it.
  const [request, take] = useImportRequest('bpmn');
  const [dropped, setDropped] = useState<File | null>(null);
  useEffect(() => {
    if (!request) return;
    setDropped(request.file);
    setOpen('bpmn');
    take();
  }, [request, take]);
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
      <BpmnImportModal opened={open === 'bpmn'} onClose={() => { setOpen(null); setDropped(null); }} initialFile={dropped} />
      <TemplateModal opened={open === 'template'} onClose={() => setOpen(null)} />
    </>
  );
}
