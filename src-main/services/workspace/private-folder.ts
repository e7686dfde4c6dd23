import fs from 'node:fs';
import path from 'node:path';
import { BoucleError } from '../../../src-shared/errors';

// Folders of the data folder that hold the user's files on their way in or out (web uploads waiting
// for their import, reports waiting for their download). They are the user's alone: in a shared
// temp folder another local user could create them first, read the names and swap a file.

/**
 * Creates `dataDir/name` (0700), or checks the one there: a real folder (not a link), owned by this
 * user, closed to others. A folder that fails is refused, never used.
 */
export function privateFolder(dataDir: string, name: string): string {
  const dir = path.join(dataDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.isSymbolicLink()) throw BoucleError.of('forbidden', 'workspace.folder_not_private', { dir });
  if (process.platform !== 'win32') {
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) throw BoucleError.of('forbidden', 'workspace.folder_not_private', { dir });
    // Ours but opened up (by hand, or an old version): close it before anything is written in it.
    if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  }
  return dir;
}
