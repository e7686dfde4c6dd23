import { z } from 'zod';
import { msg } from '../messages';
import { isoDate } from '../common';
import { RELATIVE_PERIODS } from './period-window';

// The period of a report or a dashboard: two dates, or a period relative to the day it is built
// (so a saved template says "last quarter" and means the last quarter every time it is run).

export { RELATIVE_PERIODS, previousWindow, resolvePeriod, type DateWindow, type PeriodSpec, type RelativePeriod } from './period-window';

export const reportPeriod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relative'), relative: z.enum(RELATIVE_PERIODS, msg('report.period.relative')) }).strict(),
  z
    .object({ kind: z.literal('dates'), from: isoDate, to: isoDate })
    .strict()
    .refine((p) => p.from <= p.to, { ...msg('report.period.reversed'), path: ['to'] }),
]);
export type ReportPeriod = z.output<typeof reportPeriod>;

