import { z } from 'zod';
import { method } from '../api-method';
import * as im from './schemas';

export const importsMethods = {
  /** Detects encoding, separator, number and date formats, header and columns; parses the first rows. */
  'imports.measurements.preview': method<im.ImportPreview>()(im.importPreviewInput),
  /** Starts an all-or-nothing streaming import; follow it with imports.jobs.get. */
  'imports.measurements.start': method<{ jobId: string }>()(im.importStartInput),
  'imports.jobs.get': method<im.ImportJob>()(im.importJobInput),
  /** Stops a running import; nothing of it is written. */
  'imports.jobs.cancel': method<im.ImportJob>()(im.importJobInput),
  /** The user gave up an upload without importing it (closed the wizard): it is removed now. */
  'imports.uploads.discard': method<{ ok: true }>()(z.object({ fileRef: im.fileRef }).strict()),
};
