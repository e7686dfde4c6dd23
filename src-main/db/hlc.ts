// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so timestamps stay
// monotonic on one machine even when its clock steps back, and order across machines in sync.
// Stored as ONE integer, ms × 1024 + counter (exact in a double until the year 2109), and shown as a
// fixed-width string that sorts lexically: "<ms, 15 digits>-<counter, 5 digits>-<node>". Ties
// between machines are broken by the node id, which the change log keeps with each transaction.

export interface HlcState {
  ms: number;
  counter: number;
}

/** Ticks within one millisecond before the clock moves on to the next one (10 bits). */
export const HLC_COUNTER_SPAN = 1024;

export function formatHlc(state: HlcState, nodeId: string): string {
  return `${String(state.ms).padStart(15, '0')}-${String(state.counter).padStart(5, '0')}-${nodeId}`;
}

export function parseHlc(hlc: string): HlcState & { nodeId: string } {
  const m = /^(\d{15})-(\d{5})-(.+)$/.exec(hlc);
  if (!m) throw new Error(`Not a hybrid logical clock value: ${hlc}`);
  return { ms: Number(m[1]), counter: Number(m[2]), nodeId: m[3] as string };
}

export const hlcToInt = (s: HlcState): number => s.ms * HLC_COUNTER_SPAN + s.counter;
export const hlcFromInt = (n: number): HlcState => ({ ms: Math.floor(n / HLC_COUNTER_SPAN), counter: n % HLC_COUNTER_SPAN });

/** The counter after `counter` in millisecond `ms`; a full millisecond moves on to the next one. */
function after(ms: number, counter: number): HlcState {
  return counter + 1 < HLC_COUNTER_SPAN ? { ms, counter: counter + 1 } : { ms: ms + 1, counter: 0 };
}

/** Next local timestamp after `last`, given the wall clock `now`. */
export function tick(last: HlcState, now: number): HlcState {
  if (now > last.ms) return { ms: now, counter: 0 };
  return after(last.ms, last.counter);
}

/** Local clock after receiving a remote timestamp (used by sync). */
export function receive(last: HlcState, remote: HlcState, now: number): HlcState {
  const ms = Math.max(last.ms, remote.ms, now);
  if (ms === last.ms && ms === remote.ms) return after(ms, Math.max(last.counter, remote.counter));
  if (ms === last.ms) return after(ms, last.counter);
  if (ms === remote.ms) return after(ms, remote.counter);
  return { ms, counter: 0 };
}
