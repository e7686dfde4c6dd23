import type { importsMethods } from '../../../src-shared/imports/api';
import { cancelJob, getJob } from '../../services/imports/jobs';
import { startImport } from '../../services/imports/measurement-import';
import { previewImport } from '../../services/imports/preview';
import type { Handlers } from './types';

export const importsHandlers: Handlers<keyof typeof importsMethods> = {
  'imports.measurements.preview': previewImport,
  'imports.measurements.start': async (ws, i) => ({ jobId: (await startImport(ws, i)).job.id }),
  'imports.jobs.get': (ws, i) => getJob(ws, i.jobId),
  'imports.jobs.cancel': (ws, i) => cancelJob(ws, i.jobId),
};
