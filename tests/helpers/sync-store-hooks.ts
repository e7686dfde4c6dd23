import { afterAll, beforeAll } from 'vitest';
import { startTestStore, type TestStore } from './sync-store';

// Apart from sync-store.ts, which the sync benchmark imports too: vitest cannot be loaded outside a
// test run, so the hooks that only tests use live here.

/**
 * One store and its server for a test file: started before the file's tests (`ready` gets both),
 * closed after them.
 */
export function useTestStore(ready: (store: TestStore, url: string) => void): void {
  let store: TestStore | undefined;
  beforeAll(async () => {
    store = await startTestStore();
    ready(store, (await store.serve()).url);
  }, 120_000);
  afterAll(async () => store?.close(), 60_000);
}
