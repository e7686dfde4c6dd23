import { pathToFileURL } from 'node:url';

/** The file URL of the built renderer, i.e. what `loadFile(indexHtml)` loads. */
export function rendererFileUrl(indexHtml: string): string {
  return pathToFileURL(indexHtml).href;
}

/** The document part of a URL (no query, no fragment), or null when it is not a URL. */
function documentOf(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return u.href;
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page. The renderer routes inside the page (hash or memory
 * history), so no legitimate navigation ever leaves this one file; everything else is blocked.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const doc = documentOf(url);
  return doc !== null && doc.startsWith('file:') && doc === documentOf(appUrl);
}

/** Links the app may hand to the OS browser: https only (no file:, no custom protocols, no http). */
export function isExternalLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}
