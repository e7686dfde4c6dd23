import { notifications } from '@mantine/notifications';
import { hasBridge } from '../api/client';
import { download } from '../features/processes/map-export';

// A file the core wrote (a report, a list export) reaches the user: in the browser shell it is fetched
// from GET /download/<fileRef> with the launch token and saved by the browser; under Electron it is
// already on disk, and the user can open it or show it in its folder.

export async function downloadCoreFile(file: { fileRef: string; fileName: string }): Promise<void> {
  const token = sessionStorage.getItem('boucle.token') ?? '';
  const res = await fetch(`/download/${encodeURIComponent(file.fileRef)}`, { headers: { 'x-boucle-token': token } });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  download(await res.blob(), file.fileName);
}

export const isDesktop = hasBridge;

/** After an export: the browser saves it; the desktop app says where it is, with Open and Show in folder. */
export async function deliverFile(file: { fileRef: string; fileName: string; path: string }, texts: { saved: string }): Promise<void> {
  if (!window.boucle) return downloadCoreFile(file);
  notifications.show({ title: texts.saved, message: file.path, color: 'green' });
  await window.boucle.openFile(file.path);
}
