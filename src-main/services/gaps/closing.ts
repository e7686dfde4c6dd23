import type { z } from 'zod';
import { BoucleError } from '../../../src-shared/errors';
import type { GapClosingEvent, gapClose, gapReopen } from '../../../src-shared/gaps/closing';
import type { ClosureEvidence, Gap } from '../../../src-shared/gaps/schemas';
import type { Workspace } from '../../db/workspace';
import { rowLog } from '../../db/log-read';
import { todayIso } from '../../db/ids';
import { requireLive } from '../../db/read';
import { checkIndicatorTarget, checkMeasuredImprovement } from './evidence';
import { getGap } from './register';
import { statusFromLinks } from './status-rules';

// Closing a loop needs proof, and reopening it is recorded. The gap row holds the current episode
// only — a closing clears the last reopening, a reopening clears the closing — and the change log
// keeps every earlier one (gapClosings replays it). All checks run before the write: a refused
// closing writes nothing.

export function closeGap(ws: Workspace, input: z.output<typeof gapClose>): Gap {
  const gap = requireLive(ws.db, 'gaps', input.id);
  const ev = input.evidence;
  if (!ev) {
    throw BoucleError.of('validation', 'closing.no_proof', undefined, 'evidence');
  }
  if (gap.status === 'closed') {
    throw BoucleError.of('conflict', 'closing.already_closed', { date: String(gap.closed_on) }, 'status');
  }
  if (gap.status === 'dismissed') {
    throw BoucleError.of('validation', 'closing.dismissed', undefined, 'status');
  }
  const closedOn = input.closedOn ?? todayIso();
  if (closedOn > todayIso()) throw BoucleError.of('validation', 'closing.future', undefined, 'closedOn');
  if (closedOn < (gap.found_on as string)) {
    throw BoucleError.of('validation', 'closing.before_found', { foundOn: String(gap.found_on) }, 'closedOn');
  }

  let proof: ClosureEvidence | null = null;
  let note: string | null;
  if (ev.kind === 'indicator_target') {
    proof = checkIndicatorTarget(ws.db, input.id, ev.indicatorId);
    note = ev.note || null;
  } else if (ev.kind === 'measured_improvement') {
    proof = checkMeasuredImprovement(ws, input.id, ev.indicatorId, ev.interventionId, ev.earlierStartReason);
    note = ev.note || null;
  } else {
    note = ev.justification;
  }

  ws.writer.write((tx) =>
    tx.update('gaps', input.id, {
      status: 'closed',
      closed_on: closedOn,
      closure_kind: ev.kind,
      closure_evidence: proof,
      closure_note: note,
      reopened_on: null,
      reopen_reason: null,
    }),
  );
  return getGap(ws, input.id);
}

export function reopenGap(ws: Workspace, input: z.output<typeof gapReopen>): Gap {
  const gap = requireLive(ws.db, 'gaps', input.id);
  if (gap.status !== 'closed') {
    throw BoucleError.of('validation', 'reopen.only_closed', { status: String(gap.status) }, 'status');
  }
  ws.writer.write((tx) =>
    tx.update('gaps', input.id, {
      // Back to open, or addressing when a running or done intervention is still linked.
      status: statusFromLinks(tx.db, input.id),
      closed_on: null,
      closure_kind: null,
      closure_evidence: null,
      closure_note: null,
      reopened_on: todayIso(),
      reopen_reason: input.reason,
    }),
  );
  return getGap(ws, input.id);
}

/** Every closing and reopening of the gap, oldest first, replayed from the change log. */
export function gapClosings(ws: Workspace, id: string): GapClosingEvent[] {
  requireLive(ws.db, 'gaps', id);
  const log = rowLog(ws.db, 'gaps', id);
  const state: Record<string, unknown> = {};
  const events: GapClosingEvent[] = [];
  for (let i = 0; i < log.length; ) {
    const tx = log[i]!;
    const before = state.status;
    // The entries of one transaction are consecutive: transactions of the write path never interleave.
    for (; i < log.length && log[i]!.txId === tx.txId; i++) Object.assign(state, log[i]!.fields);
    const after = state.status;
    const closed = after === 'closed' && before !== 'closed';
    const reopened = before === 'closed' && after !== 'closed';
    if (!closed && !reopened) continue;
    const str = (f: string) => (typeof state[f] === 'string' ? (state[f] as string) : null);
    events.push({
      action: closed ? 'closed' : 'reopened',
      at: tx.at,
      nodeId: tx.nodeId,
      local: tx.nodeId === ws.nodeId,
      txId: tx.txId,
      closedOn: closed ? str('closed_on') : null,
      closureKind: closed ? (str('closure_kind') as Gap['closureKind']) : null,
      closureEvidence: closed ? ((state.closure_evidence as ClosureEvidence | undefined) ?? null) : null,
      closureNote: closed ? str('closure_note') : null,
      reopenedOn: reopened ? str('reopened_on') : null,
      reopenReason: reopened ? str('reopen_reason') : null,
    });
  }
  return events;
}
