// The recent-workspaces list behind File ▸ Open recent, kept as JSON in userData. Pure (no Electron,
// no fs): the shell passes the file text and an `exists` check, so the rules are tested under Node.
import { z } from 'zod';

/** Enough for a menu; older entries drop off. */
export const RECENT_CAP = 8;

const RecentSchema = z.object({ workspaces: z.array(z.string().min(1).max(4096)).max(100) });

/** The stored list, newest first; a missing or damaged file is an empty list (the menu is a convenience). */
export function parseRecent(text: string | null): string[] {
  if (text === null) return [];
  try {
    const r = RecentSchema.safeParse(JSON.parse(text));
    return r.success ? r.data.workspaces : [];
  } catch {
    return [];
  }
}

/** Folders that no longer exist are dropped (moved, deleted, an unplugged drive); duplicates and overflow too. */
export function pruneRecent(list: readonly string[], exists: (dir: string) => boolean): string[] {
  return [...new Set(list)].filter(exists).slice(0, RECENT_CAP);
}

/** `dir` becomes the newest entry. */
export function addRecent(list: readonly string[], dir: string): string[] {
  return [dir, ...list.filter((d) => d !== dir)].slice(0, RECENT_CAP);
}

export function serializeRecent(list: readonly string[]): string {
  return `${JSON.stringify({ workspaces: list.slice(0, RECENT_CAP) }, null, 2)}\n`;
}
