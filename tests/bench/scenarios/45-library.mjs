// The library page at 100,000 saved papers (issue #12): opening → first rows painted (≤ 300 ms), and the
// bulk tag a user does: "Select all shown", a tag typed, "Add tag", to every row shown carrying the tag and
// the notice saying how many were tagged (≤ 2 s).
// Each run: a fresh browser, the library seeded, a pause for IndexedDB to settle, then the library page
// opened twice (the first opening of a fresh browser also pays for starting the extension's process), and the
// second one used. Times are the page's own clock; the background's share is its `papershelf:handle:*` measure.
import { launchWithExtension } from '../../support/extension-browser.mjs';
import { largest, messagesOf, watchMessages, workerMeasures } from '../../support/message-sizes.mjs';
import { seedLibrary } from '../../support/seed.mjs';
import { row } from '../report.mjs';

const TAG = 'bench-everything';

/** In the page: from the first rows mark to its paint (the page renders only once they are read). */
function firstRowsPainted() {
  return new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const paint = list.getEntriesByName('first-contentful-paint')[0];
      if (!paint) return;
      observer.disconnect();
      const rows = performance.getEntriesByName('papershelf:live-rows')[0]?.startTime ?? NaN;
      resolve({ firstPaint: paint.startTime, liveRows: rows, shownAtFirstPaint: rows <= paint.startTime });
    }).observe({ type: 'paint', buffered: true });
  });
}

/**
 * In the page, before the click on "Add tag": when the click came, when the notice said it was done, and when
 * every row in the page showed the tag (each a frame later, so painted).
 */
function watchBulkTag(tag) {
  const watched = { clickedAt: null, noticeAt: null, rowsAt: null, notice: null };
  document.addEventListener('submit', () => (watched.clickedAt ??= performance.now()), { capture: true });
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => (watched[key] ??= performance.now())));
  const check = () => {
    if (watched.clickedAt === null) return;
    const text = document.querySelector('.notice-text')?.textContent ?? '';
    if (!watched.notice && /^Tagged|^Could not/.test(text)) {
      watched.notice = text;
      painted('noticeAt');
    }
    const rows = [...document.querySelectorAll('li[data-papershelf-id]')];
    const tagged = rows.length > 0 && rows.every((li) => li.querySelector(`button[aria-label="Remove tag ${CSS.escape(tag)}"]`));
    if (tagged && watched.rowsAt === null && !watched.rowsPending) {
      watched.rowsPending = true;
      painted('rowsAt');
    }
  };
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
  globalThis.__papershelfBulk = watched;
}

async function measureOnce(papers) {
  const { context, extensionId } = await launchWithExtension();
  await watchMessages(context);
  try {
    const seeded = await seedLibrary(context, extensionId, papers);

    const url = `chrome-extension://${extensionId}/library.html`;
    let page = await context.newPage();
    await page.goto(url);
    const cold = await page.evaluate(firstRowsPainted);
    await page.close();
    page = await context.newPage();
    await page.goto(url);
    const warm = await page.evaluate(firstRowsPainted);
    await page.waitForFunction(() => performance.getEntriesByName('papershelf:all-rows').length > 0, null, { timeout: 180_000 });
    const allRows = await page.evaluate(() => performance.getEntriesByName('papershelf:all-rows')[0].startTime);

    const selectStart = Date.now();
    await page.getByRole('checkbox', { name: 'Select all shown' }).check();
    await page.getByText(`${papers.toLocaleString('en')} selected`).waitFor({ timeout: 60_000 });
    const selectAll = Date.now() - selectStart;

    const toolbar = page.getByRole('toolbar', { name: 'Selected papers' });
    await toolbar.getByRole('textbox', { name: 'Tag to add to the selected papers' }).fill(TAG);
    await page.evaluate(watchBulkTag, TAG);
    const before = (await messagesOf(page)).length;
    await toolbar.getByRole('button', { name: 'Add tag' }).click();
    await page.waitForFunction(() => globalThis.__papershelfBulk.noticeAt !== null && globalThis.__papershelfBulk.rowsAt !== null, null, {
      timeout: 300_000,
    });
    const bulk = await page.evaluate(() => globalThis.__papershelfBulk);
    if (!bulk.notice.startsWith('Tagged')) throw new Error(`the bulk tag failed: ${bulk.notice}`);
    const messages = await messagesOf(page, before);
    const update = messages.find((message) => message.type === 'papers/update');
    const handled = (await workerMeasures(context)).filter((entry) => entry.name === 'papershelf:handle:papers/update').at(-1);
    return {
      seedMs: seeded.ms,
      cold,
      warm,
      allRows,
      selectAll,
      notice: bulk.noticeAt - bulk.clickedAt,
      rows: bulk.rowsAt - bulk.clickedAt,
      done: Math.max(bulk.noticeAt, bulk.rowsAt) - bulk.clickedAt,
      reply: update?.ms ?? NaN,
      worker: handled?.duration ?? NaN,
      requestMiB: (update?.bytes ?? 0) / 1024 / 1024,
      exceeded: largest(messages).exceeded,
    };
  } finally {
    await context.close();
  }
}

export async function measure({ runs, smoke }) {
  const papers = smoke ? 200 : 100_000;
  const results = [];
  for (let run = 0; run < (smoke ? 1 : Math.min(runs, 3)); run++) results.push(await measureOnce(papers));
  const label = `library page, ${papers.toLocaleString('en')} papers`;
  const values = (pick) => results.map(pick);
  const oneDigit = (value) => value.toFixed(1);
  return [
    row({
      scenario: label,
      measure: 'open → first rows painted',
      values: values((r) => (r.warm.shownAtFirstPaint ? r.warm.firstPaint : r.warm.liveRows)),
      unit: 'ms',
      budget: 300,
      note: `the second opening of the browser; rows were in the first paint in ${results.filter((r) => r.warm.shownAtFirstPaint).length} of ${results.length} runs`,
    }),
    row({ scenario: label, measure: 'open → first rows painted, first opening', values: values((r) => r.cold.firstPaint), unit: 'ms' }),
    row({ scenario: label, measure: 'every paper loaded (search ready)', values: values((r) => r.allRows), unit: 'ms' }),
    row({ scenario: label, measure: '"Select all shown" → "N selected"', values: values((r) => r.selectAll), unit: 'ms' }),
    row({
      scenario: label,
      measure: '"Add tag" to all → notice and every row shown tagged',
      values: values((r) => r.done),
      unit: 'ms',
      budget: 2000,
      note: `notice ${results.map((r) => oneDigit(r.notice / 1000)).join(', ')} s; rows ${results.map((r) => oneDigit(r.rows / 1000)).join(', ')} s; the request's reply ${results.map((r) => oneDigit(r.reply / 1000)).join(', ')} s, of which the worker ${results.map((r) => oneDigit(r.worker / 1000)).join(', ')} s; request ${oneDigit(results[0].requestMiB)} MiB${results.some((r) => r.exceeded) ? '; A MESSAGE EXCEEDED THE LIMIT' : ''}`,
    }),
  ];
}
