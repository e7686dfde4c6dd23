import { preloadable } from '../../components/preloadable';
import { useExportDialog } from '../../app/app-commands';

// The export dialog's code loads the first time File ▸ Export… is chosen, not with the app.
const Dialog = preloadable(() => import('./export-dialog').then((m) => m.ExportDialog));

export function LazyExportDialog() {
  const [opened] = useExportDialog();
  if (!opened && !Dialog.loaded()) return null;
  return <Dialog.Component />;
}
