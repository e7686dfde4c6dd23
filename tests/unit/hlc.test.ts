import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick } from '../../src-main/db/hlc';

describe('hybrid logical clock', () => {
  it('follows the wall clock when it moves forward', () => {
    expect(tick({ ms: 100, counter: 7 }, 200)).toEqual({ ms: 200, counter: 0 });
  });

  it('stays monotonic when the wall clock steps back or stands still', () => {
    const a = tick({ ms: 500, counter: 0 }, 400);
    expect(a).toEqual({ ms: 500, counter: 1 });
    const b = tick(a, 500);
    expect(b).toEqual({ ms: 500, counter: 2 });
    expect(formatHlc(b, 'n1') > formatHlc(a, 'n1')).toBe(true);
  });

  it('sorts lexically in time order across magnitudes', () => {
    const early = formatHlc({ ms: 9_999, counter: 99 }, 'zz');
    const late = formatHlc({ ms: 10_000, counter: 0 }, 'aa');
    expect([late, early].sort()).toEqual([early, late]);
  });

  it('round-trips through its text form', () => {
    const s = formatHlc({ ms: 1_764_000_000_000, counter: 12 }, 'abcdef0123456789');
    expect(parseHlc(s)).toEqual({ ms: 1_764_000_000_000, counter: 12, nodeId: 'abcdef0123456789' });
    expect(() => parseHlc('garbage')).toThrow(/Not a hybrid logical clock/);
  });

  it('moves past a remote timestamp from the future', () => {
    expect(receive({ ms: 100, counter: 3 }, { ms: 900, counter: 5 }, 200)).toEqual({ ms: 900, counter: 6 });
    expect(receive({ ms: 900, counter: 8 }, { ms: 900, counter: 5 }, 200)).toEqual({ ms: 900, counter: 9 });
    expect(receive({ ms: 100, counter: 3 }, { ms: 150, counter: 5 }, 1000)).toEqual({ ms: 1000, counter: 0 });
  });
});
