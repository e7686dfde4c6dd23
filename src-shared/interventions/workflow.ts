import { z } from 'zod';
import type { InterventionStatus } from '../domain';
import { id } from '../common';

/**
 * The status workflow of an intervention: which status may follow which through interventions.update.
 * An idea is planned or dropped; a plan starts, goes back to the ideas, or is dropped; a running
 * intervention ends done or stopped. done and stopped are final for interventions.update: running it
 * again is an explicit interventions.restart (so a slip of the status menu cannot reopen a finished one).
 * Creating an intervention may use any status (it records one that already exists).
 */
export const INTERVENTION_TRANSITIONS: Readonly<Record<InterventionStatus, readonly InterventionStatus[]>> = {
  idea: ['planned', 'stopped'],
  planned: ['running', 'idea', 'stopped'],
  running: ['done', 'stopped'],
  done: [],
  stopped: [],
};
/** The statuses interventions.restart brings back to running. */
export const RESTARTABLE_STATUSES: readonly InterventionStatus[] = ['done', 'stopped'];

export const interventionRestart = z.object({ id }).strict();
