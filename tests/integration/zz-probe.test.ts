import { it } from 'vitest';
import { createDemo } from '../../src-main/core/demo/generate';
import { statusOfIndicator, ragOf } from '../../src-main/services/indicators/rag';
import { loadIndicator, loadPoints } from '../../src-main/services/indicators/series';
import { periodEnd } from '../../src-main/services/indicators/periods';
import { openTestWorkspace } from '../helpers/workspace';
it('probe', () => {
  const t = openTestWorkspace();
  createDemo(t.ws, { seed: 1, today: '2026-06-15' });
  const ids = t.ws.db.prepare('SELECT id FROM indicators WHERE deleted_at IS NULL').pluck().all() as string[];
  let changedNew = 0, changedOld = 0;
  for (const id of ids) {
    const ind = loadIndicator(t.ws, id);
    const pts = loadPoints(t.ws, id);
    const last = pts.slice(-6);
    const news = last.map((p) => statusOfIndicator(t.ws, ind, periodEnd(ind.frequency, p.period)).status);
    const olds = last.map((p) => ragOf({ direction: ind.direction, targetValue: ind.targetValue, tolerancePct: ind.tolerancePct, value: p.value }).status);
    if (new Set(news).size > 1) changedNew++;
    if (new Set(olds).size > 1) changedOld++;
    console.log(ind.name, olds.join(','), '|', news.join(','));
  }
  console.log('indicators', ids.length, 'old', changedOld, 'new', changedNew);
  t.cleanup();
});
