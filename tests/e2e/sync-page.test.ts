import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../src-main/services/sync/run';
import { callApi, shot, useBrowser } from '../helpers/e2e';
import { laptop, startTestStore, type TestStore } from '../helpers/sync-store';
import { startTestShell, type RunningShell } from '../helpers/web-shell';

// The Sync page in Chromium against a real central store: connect with a token, sync now, see the
// status in words, resolve a conflict between two people's words; in English and in French.

const { newPage } = useBrowser();
let t: TestStore;
let url: string;
let shell: RunningShell;
beforeAll(async () => {
  t = await startTestStore();
  url = (await t.serve()).url;
  shell = await startTestShell();
}, 120_000);
afterAll(async () => {
  await shell?.stop();
  await t?.close();
}, 60_000);

describe('Sync page', () => {
  it('connects, syncs, and resolves a conflict', async () => {
    const token = await t.user('ana', [['FIN', 'write']]);
    const dep = await callApi<{ id: string }>(shell, 'departments.create', { name: 'Finance', code: 'FIN' });
    const proc = await callApi<{ id: string }>(shell, 'processes.create', { departmentId: dep.id, name: 'Close the books' });
    const gap = await callApi<{ id: string }>(shell, 'gaps.create', { processId: proc.id, title: 'Accruals late', type: 'information', description: 'first' });

    const page = await newPage();
    await page.goto(`${shell.shell.url}#/sync`);
    await page.getByTestId('sync-connection-form').waitFor();
    await page.getByTestId('sync-server-url').fill(url);
    await page.getByTestId('sync-token').fill('bcl_wrong-token-000000000000000000000000000000');
    await page.getByTestId('sync-connect').click();
    await page.getByText('refused this token').waitFor();
    await page.getByTestId('sync-token').fill(token);
    await page.getByTestId('sync-connect').click();
    await page.getByTestId('sync-connection').getByText('Signed in as ana').waitFor();
    expect(await page.getByTestId('sync-pending').textContent()).toMatch(/^\d+ changes waiting to be sent$/);
    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-result').getByText(/Synced: \d+ sent, 0 received/).waitFor();
    await page.getByTestId('sync-pending').getByText('0 changes waiting to be sent').waitFor();

    // a colleague edits the same description offline
    const bob = await laptop(url, await t.user('bob', [['FIN', 'write']]));
    try {
      await runSync(bob.ws);
      await callApi(shell, 'gaps.update', { id: gap.id, description: 'Ana’s words' });
      await bob.ok('gaps.update', { id: gap.id, description: 'Bob’s words' });
      await runSync(bob.ws);
    } finally {
      bob.cleanup();
    }
    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-conflict').waitFor();
    await page.getByTestId('sync-conflict').getByText('Ana’s words').waitFor();
    await page.getByTestId('sync-conflict').getByText('Bob’s words').waitFor();
    await shot(page, 'sync-01-conflict');
    const kept = (await callApi<{ description: string }>(shell, 'gaps.get', { id: gap.id })).description;
    await page.getByTestId('sync-keep-lost').click();
    await page.getByText('No conflict').waitFor();
    const now = (await callApi<{ description: string }>(shell, 'gaps.get', { id: gap.id })).description;
    expect(now).not.toBe(kept);
    expect(['Ana’s words', 'Bob’s words']).toContain(now);

    // a row lost behind the app's back: the checksum finds it, the department comes again, the page says so
    const lost = await callApi<{ id: string }>(shell, 'gaps.create', { processId: proc.id, title: 'Lost then found', type: 'information' });
    expect((await runSync(shell.ws)).ok).toBe(true);
    shell.ws.db.pragma('foreign_keys = OFF');
    shell.ws.db.prepare('DELETE FROM gaps WHERE id = ?').run(lost.id);
    shell.ws.db.pragma('foreign_keys = ON');
    expect(await runSync(shell.ws, { verify: true })).toMatchObject({ ok: true, repaired: ['FIN'] });
    expect((await callApi<{ title: string }>(shell, 'gaps.get', { id: lost.id })).title).toBe('Lost then found');
    await page.reload();
    await page.getByTestId('sync-repaired').getByText('The copy of FIN on this computer differed from the server\'s', { exact: false }).waitFor();
    // the repair replays what came before: a conflict resolved then does not come back, nothing new to send
    await page.getByText('No conflict').waitFor();
    await page.getByTestId('sync-pending').getByText('0 changes waiting to be sent').waitFor();
    await shot(page, 'sync-03-repaired');

    const fr = await newPage({ locale: 'fr-FR' });
    await fr.goto(`${shell.shell.url}#/sync`);
    await fr.evaluate("localStorage.setItem('boucle.language', 'fr')");
    await fr.reload();
    await fr.getByTestId('sync-now').waitFor();
    await fr.getByTestId('sync-repaired').getByText('La copie de FIN sur cet ordinateur différait de celle du serveur', { exact: false }).waitFor();
    await shot(fr, 'sync-02-fr');

    // a department no grant covers: its changes stay here, counted, and every sync says so
    await callApi(shell, 'departments.create', { name: 'Lab', code: 'LAB' });
    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-refusals').getByText('LAB: no write grant, so its 1 change stays on this computer', { exact: false }).waitFor();
    await page.getByTestId('sync-held-back').getByText('1 change held back: no write grant for its department yet').waitFor();
    const lab = page.getByTestId('sync-departments').getByRole('row').filter({ hasText: 'LAB' });
    await lab.getByText('No grant on the server').waitFor();
    await lab.getByText('1 change held back').waitFor();
    await shot(page, 'sync-04-held-back');
    await fr.reload();
    await fr.getByTestId('sync-held-back').getByText('1 changement retenu', { exact: false }).waitFor();
    await fr.getByTestId('sync-departments').getByRole('row').filter({ hasText: 'LAB' }).getByText('Aucun droit sur le serveur').waitFor();
    await fr.context().close();
    await page.context().close();
  });
});
