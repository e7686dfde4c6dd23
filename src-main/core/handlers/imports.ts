import { BoucleError } from '../../../src-shared/errors';
import type { importsMethods } from '../../../src-shared/imports/api';
import { cancelJob, getJob } from '../../services/imports/jobs';
import { previewImport } from '../../services/imports/preview';
import { removeUpload } from '../../services/imports/uploads';
import { prepareLargeImport } from '../import-guard';
import { startMeasurementImport } from '../import-jobs';
import type { CallContext, Handlers } from './types';

/**
 * A browser may import only what it uploaded through the web shell: a path it names could be any
 * file the user can read (/etc/passwd, ~/.ssh/…), and the preview would hand back its first lines.
 */
export function refusePathFromBrowser(input: { path?: string | undefined }, ctx: CallContext): void {
  if (ctx.shell === 'web' && input.path !== undefined) throw BoucleError.of('forbidden', 'import.path_from_browser', undefined, 'path');
}

export const importsHandlers: Handlers<keyof typeof importsMethods> = {
  'imports.measurements.preview': (ws, i, ctx) => {
    refusePathFromBrowser(i, ctx);
    return previewImport(ws, i);
  },
  'imports.measurements.start': async (ws, i, ctx) => {
    refusePathFromBrowser(i, ctx);
    // Room on the disk for it, and a backup first when it is large.
    await prepareLargeImport(ctx.session, i);
    // Refused before it starts (a date format to choose…), the upload stays: the user fixes the choice and starts again.
    const entry = await startMeasurementImport(ctx.session, ws, i);
    // The upload goes once the import has finished, whatever the outcome: done, rejected, cancelled, failed.
    if (i.fileRef) {
      const ref = i.fileRef;
      void entry.done.then(() => removeUpload(ref));
    }
    return { jobId: entry.job.id };
  },
  'imports.jobs.get': (ws, i) => getJob(ws, i.jobId),
  'imports.jobs.cancel': (ws, i) => cancelJob(ws, i.jobId),
  'imports.uploads.discard': (_ws, i) => {
    removeUpload(i.fileRef);
    return { ok: true as const };
  },
};
