import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, SHOTS, shot, useBrowser } from '../helpers/e2e';
import { startTestShell, type RunningShell } from '../helpers/web-shell';

// Issue 13, point 3, in Chromium: "fit" shows every lane, a user draws a flow between two steps and a
// decision with labelled branches, undoes the last one, and the exported PNG carries the title.

const { newPage } = useBrowser();

interface MapDto {
  steps: { id: string; name: string; kind: string }[];
  flows: { id: string; fromStepId: string; toStepId: string; label: string | null; kind: string }[];
}

describe('drawing on the process map', () => {
  let shell: RunningShell;
  beforeAll(async () => {
    shell = await startTestShell();
  });
  afterAll(async () => {
    await shell?.stop();
  });
  const api = <T>(method: string, input: unknown) => callApi<T>(shell, method, input);

  /** The lanes' boxes lie inside the viewport's box. */
  const lanesInView = async (page: Page) => {
    const vp = (await page.getByTestId('map-viewport').boundingBox())!;
    const lanes = await page.locator('[data-testid="map-svg"] > g [data-testid="map-lane"]').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }),
    );
    return lanes.length > 0 && lanes.every((l) => l.top >= vp.y - 1 && l.bottom <= vp.y + vp.height + 1);
  };

  it('fits every lane, draws a flow and a labelled branch, undoes, and exports with the title', async () => {
    const dep = await api<{ id: string }>('departments.create', { name: 'Accounts payable', code: 'AP' });
    const proc = await api<{ id: string }>('processes.create', { departmentId: dep.id, name: 'Supplier invoice to payment' });
    const lanes = ['Requester', 'Procurement', 'Warehouse', 'Accounts payable', 'Budget owner', 'Treasury', 'Controlling'];
    const names = ['Raise requisition', 'Send purchase order', 'Post goods receipt', 'Capture invoice', 'Approve invoice', 'Pay supplier', 'Close the month'];
    const ids: string[] = [];
    for (let i = 0; i < names.length; i++) {
      ids.push((await api<{ id: string }>('steps.create', { processId: proc.id, name: names[i], lane: lanes[i] })).id);
    }

    const page = await newPage({ acceptDownloads: true });
    await page.goto(`${shell.shell.url}#/processes/${proc.id}/map`);
    await page.getByTestId('process-map').waitFor();
    await page.locator('[data-testid="map-svg"] [data-step-name="Close the month"]').waitFor();
    // Seven lanes at 1440×900: the first view shows all of them, and so does "fit" after zooming in.
    await expect.poll(() => lanesInView(page)).toBe(true);
    await page.getByTestId('map-zoom-in').click();
    await page.getByTestId('map-zoom-in').click();
    expect(await lanesInView(page)).toBe(false);
    await page.getByTestId('map-fit').click();
    await expect.poll(() => lanesInView(page)).toBe(true);
    await shot(page, 'map-draw-01-fit', false);

    // A decision, then its two branches drawn by clicking the steps, each with its label.
    await page.getByTestId('map-add-decision').click();
    await page.getByTestId('decision-name').fill('Invoice matches the order?');
    await page.getByTestId('decision-after').click();
    await page.getByRole('option', { name: 'Capture invoice' }).click();
    // In the lane of the step it follows unless said otherwise.
    expect(await page.getByTestId('decision-lane').inputValue()).toBe('Accounts payable');
    await page.getByTestId('decision-save').click();
    await page.getByTestId('decision-form').waitFor({ state: 'hidden' });
    let dto = await api<MapDto>('processes.map', { processId: proc.id });
    const decision = dto.steps.find((s) => s.name === 'Invoice matches the order?')!;
    expect(decision.kind).toBe('gateway');
    await page.getByTestId(`map-step-${decision.id}`).waitFor();

    const draw = async (from: string, to: string, label: string, kind?: 'Otherwise') => {
      await page.getByTestId('map-connect').click();
      await page.getByTestId('map-connect-hint').waitFor();
      await page.getByTestId(`map-step-${from}`).click();
      await page.getByTestId('map-flow-start').waitFor();
      await page.getByTestId(`map-step-${to}`).click();
      await page.getByTestId('flow-form').waitFor();
      await page.getByTestId('flow-label').fill(label);
      if (kind) await page.getByTestId('flow-kind').getByText(kind).click();
      await page.getByTestId('flow-save').click();
      await page.getByTestId('flow-form').waitFor({ state: 'hidden' });
    };
    // Before any flow the map reads the steps in order; the first flow drawn keeps that order as flows,
    // and drawing one that is already there opens it to be labelled.
    expect(await page.locator('[data-testid="map-flow"]').count()).toBe(7);
    await draw(decision.id, ids[4]!, 'yes');
    await draw(decision.id, ids[1]!, 'no: price differs', 'Otherwise');
    dto = await api<MapDto>('processes.map', { processId: proc.id });
    expect(dto.flows).toHaveLength(8);
    const out = dto.flows.filter((f) => f.fromStepId === decision.id).map((f) => ({ to: f.toStepId, label: f.label, kind: f.kind }));
    expect(out).toEqual(
      expect.arrayContaining([
        { to: ids[4], label: 'yes', kind: 'conditional' },
        { to: ids[1], label: 'no: price differs', kind: 'default' },
      ]),
    );
    expect(dto.flows.find((f) => f.fromStepId === ids[3] && f.toStepId === decision.id)).toMatchObject({ label: null, kind: 'sequence' });
    // The branches are on the map with their labels.
    await page.locator('[data-testid="map-flow"][data-flow-label="yes"]').waitFor();
    await page.locator('[data-testid="map-flow"][data-flow-label="no: price differs"]').waitFor();
    await shot(page, 'map-draw-02-branches', false);

    // Undo takes the last branch back, and only it.
    await page.getByTestId('map-undo').click();
    await page.locator('[data-testid="map-flow"][data-flow-label="no: price differs"]').waitFor({ state: 'detached' });
    dto = await api<MapDto>('processes.map', { processId: proc.id });
    expect(dto.flows.filter((f) => f.fromStepId === decision.id).map((f) => f.label)).toEqual(['yes']);

    // A click on a drawn flow opens it: relabel it.
    const yes = dto.flows.find((f) => f.label === 'yes')!;
    // A real click at the middle of the line (an elbow's box has nothing at its centre).
    const at = await page.getByTestId(`map-flow-hit-${yes.id}`).evaluate((el) => {
      type Pt = { x: number; y: number };
      const path = el as unknown as { getTotalLength(): number; getPointAtLength(n: number): Pt; getScreenCTM(): Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', number> };
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    await page.mouse.click(at.x, at.y);
    await page.getByTestId('flow-label').fill('yes, within tolerance');
    await page.getByTestId('flow-save').click();
    await page.locator('[data-testid="map-flow"][data-flow-label="yes, within tolerance"]').waitFor();

    // The PNG for a slide: the process name and its department above the drawing.
    await page.getByTestId('map-export').click();
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export-svg').click()]);
    const svg = fs.readFileSync((await svgDl.path())!, 'utf8');
    expect(svg).toMatch(/<text[^>]*>Supplier invoice to payment<\/text>/);
    expect(svg).toMatch(/<text[^>]*>Accounts payable · /);
    expect(svg).toContain('yes, within tolerance');
    await page.getByTestId('map-export').click();
    const [pngDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('map-export-png').click()]);
    const pngPath = path.join(SHOTS, 'map-draw-03-export.png');
    await pngDl.saveAs(pngPath);
    const png = fs.readFileSync(pngPath);
    const svgH = Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(20)).toBe(svgH * 2);
  });
});
