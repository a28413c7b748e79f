import type { Worker } from '@playwright/test';
import { expect, test, type ExtensionHarness } from './harness';

/**
 * Issue #9: the service worker stopped in the middle of a write, as Chrome may stop it. The worker is made
 * to hang (a busy loop, from the test) either as the write's transaction opens, so nothing is written, or
 * right after it commits, so the write landed but its reply cannot go out; then the DevTools protocol
 * stops it. Each write must end done exactly once, and the user sees no error.
 */
type Moment = 'before-commit' | 'after-commit';

async function hangAtNextWrite(worker: Worker, moment: Moment): Promise<void> {
  await worker.evaluate((moment) => {
    const hang = () => {
      for (;;);
    };
    // Dexie binds `IDBDatabase.transaction` when it opens, but calls the object stores' methods each time.
    const store = IDBObjectStore.prototype;
    const originals = { put: store.put, add: store.add, delete: store.delete };
    const restore = () => Object.assign(store, originals);
    for (const [name, original] of Object.entries(originals)) {
      Object.assign(store, {
        [name](this: IDBObjectStore, ...args: unknown[]) {
          const { transaction } = this;
          if (transaction.mode === 'readwrite' && transaction.objectStoreNames.contains('papers')) {
            restore();
            if (moment === 'before-commit') hang();
            // Dexie resolves the write (and so replies) in `oncomplete`: in its place, the worker hangs.
            transaction.oncomplete = hang;
          }
          return (original as (...args: unknown[]) => IDBRequest).apply(this, args);
        },
      });
    }
  }, moment);
}

/** Waits until the worker hangs in the write (it stops answering), then stops it; the next message starts a fresh one. */
async function stopWhenHung(ext: ExtensionHarness): Promise<void> {
  const worker = ext.worker();
  const sleep = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));
  for (let attempt = 0; ; attempt++) {
    // A stopped worker rejects what was still waiting for it.
    const answered = await Promise.race([worker.evaluate(() => true).catch(() => false), sleep(250)]);
    if (!answered) break;
    if (attempt === 40) throw new Error('the worker never reached the write');
    await sleep(50);
  }
  await ext.stopServiceWorker();
}

for (const moment of ['before-commit', 'after-commit'] as const) {
  test(`a save from a listing, the worker stopped ${moment}: saved once, no error`, async ({ ext }) => {
    const listing = await ext.openListing('huggingface/daily');
    const [id] = (await listing.ids()) as [string];
    await hangAtNextWrite(ext.worker(), moment);
    await listing.control(id).click();
    await stopWhenHung(ext);
    await listing.control(id).expectName('Saved');
    expect(await listing.control(id).status()).toBe('');
    const popup = await ext.openPopup();
    await expect(popup.rows).toHaveCount(1);
  });
}

test('a note edit, the worker stopped after it committed: the note stays, no conflict shown', async ({ ext }) => {
  const listing = await ext.openListing('huggingface/daily');
  const [id] = (await listing.saveFirst(1)) as [string];
  const popup = await ext.openPopup();
  const notes = await popup.notesOf(id);
  await hangAtNextWrite(ext.worker(), 'after-commit');
  await notes.fill('Written while the worker died.');
  await stopWhenHung(ext);
  await expect(popup.row(id).getByTitle('Has notes')).toBeAttached();
  await expect(popup.page.getByRole('group', { name: /^Notes changed elsewhere/ })).toHaveCount(0);
  await expect(popup.page.getByRole('alert')).toHaveCount(0);
  await popup.page.close();
  const again = await ext.openPopup();
  await expect(await again.notesOf(id)).toHaveValue('Written while the worker died.');
});

test('a bulk remove and a restore, the worker stopped after each committed: both answer as done once', async ({ ext }) => {
  const listing = await ext.openListing('huggingface/daily');
  await listing.saveFirst(3);
  const library = await ext.openLibrary();
  await expect(library.rows).toHaveCount(3);
  const backup = await library.backUp();

  await hangAtNextWrite(ext.worker(), 'after-commit');
  await library.removeAllShown();
  await stopWhenHung(ext);
  // Sent again, the removal answers with the three papers it removed (not none), and Undo has them.
  await expect(library.page.getByText('Removed 3 papers.')).toBeVisible();
  await expect(library.rows).toHaveCount(0);
  await library.page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(library.rows).toHaveCount(3);

  await library.removeAllShown();
  await expect(library.rows).toHaveCount(0);
  // Removed after the backup was made, they stay removed, unless asked for: the import that brings them back hangs.
  await library.restore('backup.json', backup.text);
  await expect(library.importOutcome).toContainText('3 papers of the backup you removed after it was made stayed removed.');
  await hangAtNextWrite(ext.worker(), 'after-commit');
  await library.importOutcome.getByRole('button', { name: 'Restore them too' }).click();
  await stopWhenHung(ext);
  await expect(library.importOutcome).toContainText('backup.json: 3 added');
  await expect(library.rows).toHaveCount(3);
});

test('the extension reloaded under an open listing: its controls say to reload the page, and then work again', async ({ ext }) => {
  const listing = await ext.openListing('huggingface/daily');
  const [first, second] = (await listing.saveFirst(1).then(() => listing.ids())) as [string, string];
  await ext.reloadExtension();

  // Chrome does not run the new content script in open tabs: the old one can no longer reach PaperShelf.
  await listing.control(second).click();
  await expect.poll(() => listing.control(second).status()).toBe('PaperShelf was updated — reload the page');
  await listing.control(second).expectDisabled();
  await listing.control(first).expectDisabled();

  await listing.page.reload();
  await listing.control(first).expectName('Saved');
  await listing.save(second);
  const popup = await ext.openPopup();
  await expect(popup.rows).toHaveCount(2);
});
