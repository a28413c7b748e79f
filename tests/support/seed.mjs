// Fills PaperShelf's database with many papers at once, for scale tests and the benchmark (issue #4).
// A test helper, not a user feature: it writes straight into IndexedDB, bypassing the background (which
// is why the badge does not count seeded papers until the next real write).
import { syntheticPapers } from './synthetic-papers.mjs';

/**
 * Writes `count` synthetic papers (synthetic-papers.mjs) into the `papers` store in one transaction.
 * `page` must be an extension page that opens the database (popup.html, library.html): Dexie creates the
 * schema there, and this waits for it rather than create a schema-less database of its own.
 * The page's live queries do not see raw IndexedDB writes: open (or reload) the page to see them.
 * @param {import('@playwright/test').Page} page
 * @param {number} count
 * @returns {Promise<{ count: number, ms: number }>}
 */
export async function seedPapers(page, count) {
  return page.evaluate(`(async () => {
    const started = performance.now();
    const papers = (${syntheticPapers.toString()})(${Number(count)});
    const open = () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('papershelf');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    // The page's Dexie may still be creating the schema: poll (in the page, so each try sees the last one's
    // result) until the store exists, rather than create a schema-less database of our own. Opening without
    // a version never creates stores, and an existing database is opened at its current version.
    let database;
    for (let attempt = 0; ; attempt++) {
      const databases = await indexedDB.databases();
      if (databases.some((entry) => entry.name === 'papershelf' && entry.version > 0)) {
        database = await open();
        if (database.objectStoreNames.contains('papers')) break;
        database.close();
      }
      if (attempt === 200) throw new Error('the papers store did not appear within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    try {
      await new Promise((resolve, reject) => {
        const transaction = database.transaction('papers', 'readwrite');
        const store = transaction.objectStore('papers');
        for (const paper of papers) store.put(paper);
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error ?? new Error('seeding aborted'));
      });
    } finally {
      database.close();
    }
    return { count: papers.length, ms: performance.now() - started };
  })()`);
}

export { syntheticPapers };

/**
 * Seeds `count` papers through a popup page of a fresh browser, then leaves IndexedDB time to settle (its
 * writes are flushed after the transaction completes), as every scale benchmark does before measuring.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} extensionId
 * @param {number} count
 */
export async function seedLibrary(context, extensionId, count) {
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${extensionId}/popup.html`);
  const seeded = await seedPapers(setup, count);
  await setup.close();
  await new Promise((resolve) => setTimeout(resolve, count >= 100_000 ? 5000 : 2000));
  return seeded;
}
