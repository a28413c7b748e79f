import type { Page, Route } from '@playwright/test';
import { arxivAnswer, fullAuthors, huggingFaceAnswer, ids, listed, LISTING, repository } from './api-answers';
import { expect, test, type ExtensionHarness } from './harness';
import type { ListingPage } from './pages/listing';
import type { PopupPage } from './pages/paper-list';

// Issue #6: the worker completes saved papers from the arXiv and Hugging Face APIs, here answered by the
// test (no request leaves the machine). The listing shows no code, no abstracts, and cuts the first
// paper's author list after 25 names.

type Mode = 'answer' | 'fail' | 'hold';

/** Serves both APIs; `mode` says how. Held requests are never answered (the worker is stopped meanwhile). */
async function serveApis(ext: ExtensionHarness) {
  const state = { mode: 'answer' as Mode, requests: [] as string[], held: [] as Route[] };
  const handle = (answer: (url: string) => string, contentType: string) => async (route: Route) => {
    const url = route.request().url();
    state.requests.push(url);
    if (state.mode === 'hold') return void state.held.push(route);
    if (state.mode === 'fail') return route.fulfill({ status: 503, body: 'Service Unavailable' });
    return route.fulfill({ status: 200, contentType, body: answer(url) });
  };
  await ext.api('https://export.arxiv.org/api/query**', handle(arxivAnswer, 'application/atom+xml'));
  await ext.api('https://huggingface.co/api/papers/**', handle(huggingFaceAnswer, 'application/json'));
  return state;
}

async function saveAll(ext: ExtensionHarness): Promise<{ listing: ListingPage; savedAt: number }> {
  const listing = await ext.openListing(LISTING);
  const savedAt = Date.now();
  for (const id of ids) {
    await listing.control(id).click();
    // Saving never waits for a lookup.
    await listing.control(id).expectName('Saved', 2000);
  }
  return { listing, savedAt };
}

/** Within seconds: every repository from Hugging Face with its stars, and the authors arXiv named. */
async function expectCompleted(popup: PopupPage) {
  for (const paper of listed.papers) {
    const row = popup.row(paper.id);
    await expect(row.getByRole('link', { name: `Code: ${new URL(repository(paper.id)).pathname.slice(1)}, 1,234 stars` })).toHaveAttribute(
      'href',
      repository(paper.id),
    );
    await expect(row).toContainText('★ 1.2k');
    await expect(row.locator('.paper-meta')).toContainText(fullAuthors(paper).at(-1)!);
    await expect(row.getByText('looking up…')).toHaveCount(0);
  }
  // The collaboration's row names its 62nd author, whom the listing did not show.
  await expect(popup.row(ids[0]!).locator('.paper-meta')).toContainText('Polyglot Contributor 62');
}

interface QueueRow {
  id: string;
  service: string;
  attempts: number;
  notBefore: number;
}

/**
 * The lookup queue as stored, read by an extension page (which shares the worker's IndexedDB). With
 * `fastForward`, every task's time is moved to now first, as if its backoff had passed.
 */
const readQueue = (page: Page, { fastForward = false } = {}) =>
  page.evaluate(
    (fastForward) =>
      new Promise<QueueRow[]>((resolve, reject) => {
        const open = indexedDB.open('papershelf');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('lookups', 'readwrite');
          const rows: QueueRow[] = [];
          const cursor = transaction.objectStore('lookups').openCursor();
          cursor.onsuccess = () => {
            if (!cursor.result) return;
            const row = { ...(cursor.result.value as QueueRow), ...(fastForward && { notBefore: Date.now() }) };
            if (fastForward) cursor.result.update(row);
            rows.push(row);
            cursor.result.continue();
          };
          transaction.oncomplete = () => {
            open.result.close();
            resolve(rows);
          };
        };
      }),
    fastForward,
  );

test('saved papers get their repositories from Hugging Face and their full author lists from arXiv within seconds', async ({ ext }) => {
  const apis = await serveApis(ext);
  const { savedAt } = await saveAll(ext);
  const popup = await ext.openPopup();
  await expectCompleted(popup);
  console.log(`lookups of ${ids.length} papers complete in the popup ${Date.now() - savedAt} ms after the first save`);

  // Batched and spaced: arXiv got at most two calls for three papers saved within a second or two (the
  // first save starts a call at once, the next waits its 3 s and takes the rest); Hugging Face one per paper.
  const arxivCalls = apis.requests.filter((url) => url.includes('export.arxiv.org'));
  expect(arxivCalls.length).toBeLessThanOrEqual(2);
  expect(arxivCalls.flatMap((url) => new URL(url).searchParams.get('id_list')!.split(',')).sort()).toEqual([...ids].sort());
  expect(
    apis.requests
      .filter((url) => url.includes('huggingface.co'))
      .map((url) => url.split('/').at(-1))
      .sort(),
  ).toEqual([...ids].sort());
  expect(await readQueue(popup.page)).toEqual([]);
});

test('with the APIs failing, saving works at once, and the lookups complete once the APIs answer again', async ({ ext }) => {
  const apis = await serveApis(ext);
  apis.mode = 'fail';
  const { savedAt } = await saveAll(ext);
  const popup = await ext.openPopup();
  for (const id of ids) await expect(popup.row(id)).toBeVisible();

  // Every task failed once and waits for its retry: 30 s (up to 37.5 s with jitter) after the failure.
  await expect.poll(async () => (await readQueue(popup.page)).filter((row) => row.attempts === 1).length, { timeout: 15_000 }).toBe(6);
  for (const row of await readQueue(popup.page)) expect(row.notBefore - savedAt).toBeGreaterThanOrEqual(30_000);
  // A failed lookup is not "looking up…": the row offers Refresh.
  await expect(popup.page.getByText('looking up…')).toHaveCount(0);
  await expect(popup.page.getByRole('button', { name: 'Refresh details' })).toHaveCount(3);

  // The APIs are back. Rather than sit through the 30 s backoff, the test moves the queue's clock: the
  // retries become due, and the `online` event (what the worker hears when the network returns) wakes
  // the processor, which would otherwise wait for its alarm.
  apis.mode = 'answer';
  await readQueue(popup.page, { fastForward: true });
  const backAt = Date.now();
  await ext.worker().evaluate(() => void self.dispatchEvent(new Event('online')));
  await expectCompleted(popup);
  console.log(`lookups complete ${Date.now() - backAt} ms after the APIs came back`);
});

test('a service worker stopped in the middle of the lookups loses none of them', async ({ ext }) => {
  const apis = await serveApis(ext);
  apis.mode = 'hold';
  await saveAll(ext);
  const popup = await ext.openPopup();
  // The first requests are under way, unanswered, when Chrome stops the worker.
  await expect.poll(() => apis.requests.length).toBeGreaterThanOrEqual(1);
  await expect(popup.page.getByText('looking up…')).toHaveCount(3);
  await ext.stopServiceWorker();
  for (const route of apis.held) await route.abort().catch(() => undefined);
  // Nothing was lost: every paper still has both of its tasks, none counted as failed.
  expect((await readQueue(popup.page)).map((row) => `${row.id} ${row.service} ${row.attempts}`).sort()).toEqual(
    ids.flatMap((id) => [`${id} arxiv 0`, `${id} huggingface 0`]).sort(),
  );

  // Any event starts the worker again: in use, the queue's alarm (at most 30 s later in Chrome), a save, an
  // edit in the popup. A listing no longer does: it reads which papers are saved from storage (issue #12).
  apis.mode = 'answer';
  const restartedAt = Date.now();
  await popup.page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'paper/saved-state',
      ids: [],
    }),
  );
  await expectCompleted(popup);
  console.log(`lookups complete ${Date.now() - restartedAt} ms after the worker was started again`);
  expect(await readQueue(popup.page)).toEqual([]);
});

test('code that appears on a recheck marks the paper and counts on the badge, until the paper is opened', async ({ ext }) => {
  await serveApis(ext);
  let repositoryKnown = false;
  await ext.api('https://huggingface.co/api/papers/**', (route) => {
    const id = new URL(route.request().url()).pathname.split('/').at(-1)!;
    const body = repositoryKnown ? { id, githubRepo: repository(id), githubStars: 3 } : { id, upvotes: 1 };
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  });
  const popup = await ext.openPopup();
  // The badge counts new code only.
  await popup.setSetting('Unread count on toolbar icon', false);
  await popup.setSetting('Count papers whose code appeared on toolbar icon', true);
  const id = ids[1]!;
  const listing = await ext.openListing(LISTING);
  await listing.save(id);

  // Asked once, no code yet: a recheck waits a day.
  await expect.poll(async () => (await readQueue(popup.page)).map((row) => `${row.service} ${row.id}`)).toEqual([`huggingface ${id}`]);
  await expect(popup.row(id).getByText('new code')).toHaveCount(0);

  // A day later (the test moves the queue's clock), Hugging Face knows the repository.
  repositoryKnown = true;
  await readQueue(popup.page, { fastForward: true });
  await ext.worker().evaluate(() => void self.dispatchEvent(new Event('online')));
  await expect(popup.row(id).getByText('new code')).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => ext.badge()).toBe('1');

  // Opening the paper (here its code, with C on the row) clears the mark and the badge.
  await popup.row(id).focus();
  await popup.page.keyboard.press('c');
  await expect(popup.row(id).getByText('new code')).toHaveCount(0);
  await expect.poll(() => ext.badge()).toBe('');
});
