import type { GapStatus, InterventionStatus } from '@shared/domain';

// Colours of the domain codes, the same on every screen of the loop.
export const GAP_STATUS_COLOURS: Record<GapStatus, string> = { open: 'orange', addressing: 'blue', closed: 'teal', dismissed: 'gray' };
export const INTERVENTION_STATUS_COLOURS: Record<InterventionStatus, string> = {
  idea: 'gray',
  planned: 'violet',
  running: 'blue',
  done: 'teal',
  stopped: 'red',
};
export const severityColour = (s: number) => (s >= 4 ? 'red' : s === 3 ? 'orange' : 'yellow');
/** Right-aligned figures line up when digits have the same width. */
export const NUM_STYLE = { fontVariantNumeric: 'tabular-nums' } as const;
/** Status badges in table cells keep their whole word (a table squeezes cells down to min-content). */
export const BADGE_FULL = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } as const;
