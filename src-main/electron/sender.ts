import type { ApiError } from '../../src-shared/errors';
import { isAppUrl } from './navigation';

/** What the main process knows about the frame an IPC message came from. */
export interface SenderInfo {
  /** event.senderFrame?.url; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** The frame is the main frame of our own window (not a subframe, not another window). */
  isOurMainFrame: boolean;
}

/**
 * Only the main frame of our window, showing our own renderer file, may call the core. An iframe,
 * a page navigated elsewhere or another webContents gets `forbidden` and reaches nothing.
 */
export function senderError(sender: SenderInfo, appUrl: string): ApiError | null {
  if (!sender.isOurMainFrame) return { code: 'forbidden', message: 'API calls are only accepted from the Boucle window' };
  if (sender.frameUrl === undefined || !isAppUrl(sender.frameUrl, appUrl)) {
    return { code: 'forbidden', message: 'API calls are only accepted from the Boucle app page' };
  }
  return null;
}
