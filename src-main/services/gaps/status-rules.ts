import type { Database } from 'better-sqlite3';
import type { InterventionStatus } from '../../../src-shared/domain';
import { BoucleError } from '../../../src-shared/errors';
import { INTERVENTION_TRANSITIONS, RESTARTABLE_STATUSES } from '../../../src-shared/interventions/workflow';
import type { WriteTx } from '../../db/write';

// The status rules of the loop (DOMAIN.md "Statuses"), in one place.
//
// Interventions move along INTERVENTION_TRANSITIONS (src-shared, so the UI offers only the allowed
// next statuses); done and stopped come back to running only through interventions.restart.
//
// A gap's open ⇄ addressing follows its links, and only those two statuses do (closed needs proof,
// dismissed is a person's decision, and neither is changed by a link):
//   addressing  ⇔  at least one live intervention linked to it is running or done;
//   open        ⇔  none is (no link, or only ideas, plans and stopped ones).
// "done" keeps the gap addressing: the intervention delivered and the gap now waits for its proof
// (gaps.close); it does not fall back to open just because the work finished. Stopping the last
// running intervention, unlinking it or deleting it brings the gap back to open. The status is a
// function of the links, recomputed inside the write transaction that changes a link or an
// intervention's status, so the stored status can never disagree with the links.

export function checkTransition(from: InterventionStatus, to: InterventionStatus): void {
  if (from === to || INTERVENTION_TRANSITIONS[from].includes(to)) return;
  if (RESTARTABLE_STATUSES.includes(from) && to === 'running') {
    throw BoucleError.of('validation', 'intervention.restart_instead', { status: from }, 'status');
  }
  const allowed = INTERVENTION_TRANSITIONS[from];
  throw allowed.length
    ? BoucleError.of('validation', 'intervention.transition', { from, to, allowed: allowed.join(',') }, 'status')
    : BoucleError.of('validation', 'intervention.transition_final', { from, to }, 'status');
}

/** What open/addressing a gap should have, from its live links to live interventions. */
export function statusFromLinks(db: Database, gapId: string): 'open' | 'addressing' {
  const acting = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM gap_interventions l JOIN interventions i ON i.id = l.intervention_id
        WHERE l.gap_id = ? AND l.deleted_at IS NULL AND i.deleted_at IS NULL AND i.status IN ('running', 'done'))`,
    )
    .pluck()
    .get(gapId) as number;
  return acting ? 'addressing' : 'open';
}

/** Brings an open or addressing gap in line with its links (a no-op for closed and dismissed gaps). */
export function syncGapStatus(tx: WriteTx, gapId: string): void {
  const row = tx.db.prepare(`SELECT status, deleted_at FROM gaps WHERE id = ?`).get(gapId) as
    | { status: string; deleted_at: string | null }
    | undefined;
  if (!row || row.deleted_at || (row.status !== 'open' && row.status !== 'addressing')) return;
  const next = statusFromLinks(tx.db, gapId);
  if (next !== row.status) tx.update('gaps', gapId, { status: next });
}

/** After an intervention's status changed (or it was deleted): every gap it is, or was just, linked to. */
export function syncGapsOfIntervention(tx: WriteTx, interventionId: string, gapIds: readonly string[] = []): void {
  const linked = tx.db
    .prepare(`SELECT gap_id FROM gap_interventions WHERE intervention_id = ? AND deleted_at IS NULL`)
    .pluck()
    .all(interventionId) as string[];
  for (const g of new Set([...linked, ...gapIds])) syncGapStatus(tx, g);
}
