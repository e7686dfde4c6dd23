import { useCallback, useSyncExternalStore } from 'react';

// A request to open an import dialog, from outside the page that owns it: a file dropped anywhere on
// the window, or File ▸ Import… in the native menu. The app frame posts it and goes to the page; the
// page's own dialog (with its department and indicators) takes it. One at a time: a newer one wins.

export type ImportKind = 'measurements' | 'bpmn';
export interface ImportRequest {
  kind: ImportKind;
  /** The dropped file; null when the menu asked (the dialog then asks for the file). */
  file: File | null;
}

let pending: ImportRequest | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function requestImport(request: ImportRequest): void {
  pending = request;
  emit();
}

/** What a dropped file's name says it is, or null for anything the app cannot import. */
export function importKindOf(fileName: string): ImportKind | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (ext === 'csv' || ext === 'xlsx' || ext === 'tsv' || ext === 'txt') return 'measurements';
  if (ext === 'bpmn' || ext === 'xml') return 'bpmn';
  return null;
}

/** The pending request of this kind, and a function the page calls once it has opened its dialog. */
export function useImportRequest(kind: ImportKind): [ImportRequest | null, () => void] {
  const subscribe = useCallback((l: () => void) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  const current = useSyncExternalStore(subscribe, () => (pending?.kind === kind ? pending : null));
  const take = useCallback(() => {
    if (pending?.kind === kind) {
      pending = null;
      emit();
    }
  }, [kind]);
  return [current, take];
}
