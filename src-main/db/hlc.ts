// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so timestamps stay
// monotonic on one machine even when its clock steps back, and order across machines in sync.
// Encoded as a fixed-width string that sorts lexically: "<ms, 15 digits>-<counter, 5 digits>-<node>".

export interface HlcState {
  ms: number;
  counter: number;
}

export function formatHlc(state: HlcState, nodeId: string): string {
  return `${String(state.ms).padStart(15, '0')}-${String(state.counter).padStart(5, '0')}-${nodeId}`;
}

export function parseHlc(hlc: string): HlcState & { nodeId: string } {
  const m = /^(\d{15})-(\d{5})-(.+)$/.exec(hlc);
  if (!m) throw new Error(`Not a hybrid logical clock value: ${hlc}`);
  return { ms: Number(m[1]), counter: Number(m[2]), nodeId: m[3] as string };
}

/** Next local timestamp after `last`, given the wall clock `now`. */
export function tick(last: HlcState, now: number): HlcState {
  if (now > last.ms) return { ms: now, counter: 0 };
  return { ms: last.ms, counter: last.counter + 1 };
}

/** Local clock after receiving a remote timestamp (used by sync). */
export function receive(last: HlcState, remote: HlcState, now: number): HlcState {
  const ms = Math.max(last.ms, remote.ms, now);
  if (ms === last.ms && ms === remote.ms) return { ms, counter: Math.max(last.counter, remote.counter) + 1 };
  if (ms === last.ms) return { ms, counter: last.counter + 1 };
  if (ms === remote.ms) return { ms, counter: remote.counter + 1 };
  return { ms, counter: 0 };
}
