import { APP_ORIGIN } from './app-protocol';

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
 * True when `url` is the app's own page (app://boucle/index.html). The renderer routes inside the
 * page (hash routes), so no legitimate navigation ever leaves it; everything else is blocked.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const doc = documentOf(url);
  return doc !== null && doc.startsWith(`${APP_ORIGIN}/`) && doc === documentOf(appUrl);
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
