import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildIndicatorTrendOption, INDICATOR_TREND_LABELS, type IndicatorTrendInput } from '../../src-shared/charts/indicator-trend';
import { badgeRows, niceAxis, rightLabelAlign, TREND_LOOK } from '../../src-shared/charts/trend-layout';

// The indicator chart never overlaps its labels: drawn by ECharts itself (server-side, as the reports
// do) at the sizes of the indicator page at 1440×900 and 1280×720, every text — title, axis labels,
// the unit, baseline and target labels, intervention badges, legend — keeps to its own box, inside
// the chart, and the line labels stay off the plot where the data is.

interface Box {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function layout(input: IndicatorTrendInput, width: number, height: number) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(buildIndicatorTrendOption({ ...input, animation: false, size: { width, height } }));
  const boxes: Box[] = [];
  for (const el of chart.getZr().storage.getDisplayList(true) as unknown as {
    style?: { text?: unknown };
    invisible?: boolean;
    transform?: number[];
    getBoundingRect(): { clone(): { applyTransform(m: number[]): void; x: number; y: number; width: number; height: number } };
  }[]) {
    if (el.invisible || typeof el.style?.text !== 'string' || !el.style.text.trim()) continue;
    const r = el.getBoundingRect().clone();
    if (el.transform) r.applyTransform(el.transform);
    boxes.push({ text: el.style.text, x: r.x, y: r.y, w: r.width, h: r.height });
  }
  const grid = ((chart as unknown as { getModel(): { getComponent(k: string): unknown } }).getModel().getComponent('grid') as unknown as { coordinateSystem: { getRect(): { x: number; y: number; width: number; height: number } } })
    .coordinateSystem.getRect();
  chart.dispose();
  // The legend's page counter ("1/1") only shows when the legend pages.
  return { boxes: boxes.filter((b) => !/^\d+\/\d+$/.test(b.text) || b.text !== '1/1'), grid };
}

const overlap = (a: Box, b: Box, pad: number) => a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;

function collisions(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      // Intervention badges have a padded background: keep a few pixels between them and the rest.
      const pad = /^\d+$/.test(boxes[i]!.text) && /^\d+$/.test(boxes[j]!.text) ? 4 : 1;
      if (overlap(boxes[i]!, boxes[j]!, pad)) out.push(`"${boxes[i]!.text}" × "${boxes[j]!.text}"`);
    }
  }
  return out;
}

const months = (n: number, from = 2024, f: (i: number) => number = (i) => 44 - i * 0.5 + (i % 3)) =>
  Array.from({ length: n }, (_, i) => ({ period: `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, value: f(i) }));
const weeks = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ period: new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), value: 88 + (i % 7) * 0.9 + (i > 80 ? 4 : 0) }));

const SCENARIOS: [string, IndicatorTrendInput][] = [
  [
    'monthly, baseline and target apart, two interventions two weeks apart',
    {
      indicator: { name: 'Invoice-to-payment days', unit: 'days', direction: 'lower', baselineValue: 45, targetValue: 30, tolerancePct: 10 },
      measurements: months(30),
      xmr: { centre: 42.5, unpl: 50.48, lnpl: 34.52 },
      interventions: [{ title: 'AP community of practice', startDate: '2025-02-15' }, { title: 'Supplier payment-status page and FAQ', startDate: '2025-03-01' }],
      status: 'amber',
    },
  ],
  [
    'weekly, 130 points, fractional axis (57.5 next to 57), baseline next to the target, French',
    {
      indicator: { name: 'Taux de commandes parfaites', unit: '%', direction: 'higher', baselineValue: 92.6, targetValue: 93, tolerancePct: 1 },
      measurements: weeks(130),
      xmr: { centre: 92.1, unpl: 96.4, lnpl: 87.8 },
      interventions: [{ title: 'Commentaires et @mentions sur les livraisons dans l’ERP (boucle des réclamations)', startDate: '2024-01-01' }],
      status: 'green',
      labels: INDICATOR_TREND_LABELS.fr,
      locale: 'fr',
    },
  ],
  [
    'an intervention on the first value, another on the last, target on the axis edge',
    {
      indicator: { name: 'Manual correcting journals', unit: 'journals', direction: 'lower', baselineValue: 40, targetValue: 20, tolerancePct: 15 },
      measurements: months(36, 2023, (i) => 40 - (i > 20 ? 10 : 0) + (i % 4)),
      xmr: { centre: 39.6, unpl: 47.7, lnpl: 31.5 },
      interventions: [
        { title: 'Close community of practice', startDate: '2023-01-01' },
        { title: 'Journal owners forum', startDate: '2023-02-01' },
        { title: 'Fix-at-source review', startDate: '2025-12-01' },
      ],
      status: 'red',
    },
  ],
];

describe('the indicator chart keeps its labels apart', () => {
  for (const [what, input] of SCENARIOS) {
    for (const [w, h] of [
      [1100, 380], // the indicator page at 1440×900
      [940, 380], // at 1280×720
    ] as const) {
      it(`${what}, at ${w}×${h}`, () => {
        const { boxes, grid } = layout(input, w, h);
        expect(boxes.length).toBeGreaterThan(10);
        expect(collisions(boxes)).toEqual([]);
        // Everything inside the chart.
        for (const b of boxes) {
          expect(b.x, b.text).toBeGreaterThanOrEqual(0);
          expect(b.y, b.text).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w, b.text).toBeLessThanOrEqual(w + 0.5);
          expect(b.y + b.h, b.text).toBeLessThanOrEqual(h + 0.5);
        }
        // Baseline and target labels right of the plot, badges above it: never on the data.
        const L = input.labels ?? INDICATOR_TREND_LABELS.en;
        const named = new RegExp(`^(${L.baseline}|${L.target}) [-\\d.,\\s\u202f]+$`);
        const lineLabels = boxes.filter((b) => named.test(b.text));
        expect(lineLabels).toHaveLength(2);
        for (const b of lineLabels) expect(b.x, b.text).toBeGreaterThanOrEqual(grid.x + grid.width);
        const badges = boxes.filter((b) => /^\d+$/.test(b.text) && b.y < grid.y && b.x >= grid.x - 8);
        expect(badges).toHaveLength(input.interventions!.length);
        for (const b of badges) expect(b.y + b.h, b.text).toBeLessThanOrEqual(grid.y);
      });
    }
  }
});

describe('layout rules', () => {
  it('ticks the value axis on round steps only, with air above and below the lines', () => {
    for (const values of [[57, 57.5, 58.2, 55.1], [0.12, 0.4, 0.33], [3500, 4331, 4610], [93, 92.6, 87.8, 96.4], [5, 5]]) {
      const a = niceAxis(values)!;
      const steps = (a.max - a.min) / a.interval;
      expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-6);
      expect(steps).toBeLessThanOrEqual(12);
      expect(a.min).toBeLessThan(Math.min(...values));
      expect(a.max).toBeGreaterThan(Math.max(...values));
    }
  });

  it('stacks badges of interventions close in time, and puts close right labels above and below', () => {
    const range = { min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) };
    expect(badgeRows(['2024-06-01', '2024-06-10', '2025-06-01'], range, { width: 1000, height: 380 }, { left: 12, right: 100 })).toEqual([0, 1, 0]);
    expect(rightLabelAlign([{ key: 'baseline', y: 92.6 }, { key: 'target', y: 93 }], { min: 85, max: 100 }, { width: 1000, height: 380 }, { top: 104, bottom: 58 }))
      .toEqual({ target: 'bottom', baseline: 'top' });
    expect(rightLabelAlign([{ key: 'baseline', y: 45 }, { key: 'target', y: 30 }], { min: 25, max: 55 }, { width: 1000, height: 380 }, { top: 104, bottom: 58 }))
      .toEqual({ target: 'middle', baseline: 'middle' });
  });

  it('draws limits, tolerance, baseline and target each their own way', () => {
    const looks = [TREND_LOOK.limit, TREND_LOOK.baseline, TREND_LOOK.target, TREND_LOOK.centre].map((l) => JSON.stringify([l.color, l.type]));
    expect(new Set(looks).size).toBe(4);
    const option = buildIndicatorTrendOption({ ...SCENARIOS[0]![1], animation: false });
    const series = option.series as { id: string; markArea?: { itemStyle: { color: string }; label: { show: boolean } }; lineStyle?: { color: string } }[];
    // The band is a fill without outline or label, not a line like the limits.
    const band = series.find((s) => s.id === 'tolerance')!;
    expect(band.markArea!.itemStyle.color).toBe(TREND_LOOK.band);
    expect(band.markArea!.label.show).toBe(false);
    expect(series.find((s) => s.id === 'xmr-lnpl')!.lineStyle!.color).toBe(TREND_LOOK.limit.color);
  });
});
