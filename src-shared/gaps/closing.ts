import { z } from 'zod';
import { msg } from '../messages';
import { id, isoDate } from '../common';
import type { Gap } from './schemas';

// Closing a gap with proof, reopening it, and the record of both.

export const JUSTIFICATION_MIN = 20;

const note = z.string().trim().max(2000, msg('common.max_chars', { max: 2000 })).nullable().optional();

export const closureEvidenceInput = z.discriminatedUnion(
  'kind',
  [
    /** A linked indicator (to the gap, or to an intervention linked to it) whose latest value meets its target. */
    z.object({ kind: z.literal('indicator_target'), indicatorId: id, note }).strict(),
    /**
     * The Impact tab calls the intervention's effect on the indicator an improvement (the same rule:
     * an interrupted time series). An intervention that started before the gap was found needs
     * `earlierStartReason`: why it still proves this gap closed.
     */
    z
      .object({
        kind: z.literal('measured_improvement'),
        indicatorId: id,
        interventionId: id,
        note,
        earlierStartReason: z.string().trim().max(2000, msg('common.max_chars', { max: 2000 })).nullable().optional(),
      })
      .strict(),
    /** No indicator proves it: a written justification, kept and shown with the gap. */
    z
      .object({
        kind: z.literal('override'),
        justification: z
          .string(msg('closing.justification_required'))
          .trim()
          .min(JUSTIFICATION_MIN, msg('closing.justification_min', { min: JUSTIFICATION_MIN }))
          .max(5000, msg('common.max_chars', { max: 5000 })),
      })
      .strict(),
  ],
  msg('closing.choose_evidence'),
);

export const gapClose = z
  .object({
    id,
    /** Optional in the schema so that a missing proof gets its own message from the core. */
    evidence: closureEvidenceInput.optional(),
    /** Default: today. */
    closedOn: isoDate.optional(),
  })
  .strict();

export const gapReopen = z
  .object({
    id,
    reason: z
      .string(msg('reopen.reason_required'))
      .trim()
      .min(5, msg('reopen.reason_min', { min: 5 }))
      .max(2000, msg('common.max_chars', { max: 2000 })),
  })
  .strict();

export type GapCloseInput = z.input<typeof gapClose>;
export type GapReopenInput = z.input<typeof gapReopen>;

/** One closing or reopening of a gap, from the change log (gaps.closings), oldest first. */
export interface GapClosingEvent {
  action: 'closed' | 'reopened';
  /** When it was recorded (from the change log's clock), ISO date-time. */
  at: string;
  nodeId: string;
  local: boolean;
  txId: string;
  /** For a closing. */
  closedOn: string | null;
  closureKind: Gap['closureKind'];
  closureEvidence: Gap['closureEvidence'];
  closureNote: string | null;
  /** For a reopening. */
  reopenedOn: string | null;
  reopenReason: string | null;
}
