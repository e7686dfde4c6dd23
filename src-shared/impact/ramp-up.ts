import type { InterventionKind } from '../domain';

// Ramp-up: the months after an intervention starts while it settles in (people join, habits form).
// Those periods are neither "before" nor "after": averaging them into "after" understates the steady
// effect, so impact leaves them out. An intervention may give its own length (rampUpMonths); else
// the default of its kind below — how long such a social means typically takes to reach its regime.

export const DEFAULT_RAMP_UP_MONTHS: Record<InterventionKind, number> = {
  // A community needs members, a playbook and a few cycles of use.
  community_of_practice: 3,
  mentoring: 3,
  working_out_loud: 3,
  // A forum or a workspace is useful once it holds enough answers.
  qa_forum: 2,
  shared_workspace: 2,
  social_layer: 2,
  // A directory, a challenge or a notification works from the first weeks.
  expert_directory: 1,
  idea_challenge: 1,
  social_workflow: 1,
};

/** For a kind the department added to its vocabulary. */
export const FALLBACK_RAMP_UP_MONTHS = 2;

export function rampUpMonths(kind: string, own: number | null | undefined): { months: number; source: 'intervention' | 'kind' } {
  if (own !== null && own !== undefined) return { months: own, source: 'intervention' };
  const byKind = (DEFAULT_RAMP_UP_MONTHS as Record<string, number>)[kind];
  return { months: byKind ?? FALLBACK_RAMP_UP_MONTHS, source: 'kind' };
}
