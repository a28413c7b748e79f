// Export BibTeX from the library page (issue #12): from the click on "Export all" to the file handed to the
// browser's download, the database read included: 10,000 papers ≤ 500 ms, 100,000 ≤ 5 s. Twice per run: the
// first export of a library whose papers have no citation key yet, and a later one, when every paper has one.
// Each run: a fresh browser, the library seeded (synthetic papers carry no keys), the page opened and every
// paper loaded, then the two exports, a pause between for the page to take in what the first one wrote.
import { readFileSync } from 'node:fs';
import { launchWithExtension } from '../../support/extension-browser.mjs';
import { largest, messagesOf, watchMessages, workerMeasures } from '../../support/message-sizes.mjs';
import { seedLibrary } from '../../support/seed.mjs';
import { row } from '../report.mjs';

/** In the page: when "Export all" was clicked and when the file's Blob went to the download (an object URL). */
function watchExport() {
  const watched = { clickedAt: null, handedAt: null };
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof HTMLElement && event.target.closest('button')?.textContent === 'Export all')
        watched.clickedAt = performance.now();
    },
    { capture: true },
  );
  const original = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    watched.handedAt = performance.now();
    return original(blob);
  };
  globalThis.__papershelfExport = watched;
}

async function exportOnce(page, context) {
  const before = (await messagesOf(page)).length;
  await page.evaluate(() => Object.assign(globalThis.__papershelfExport, { clickedAt: null, handedAt: null }));
  const download = page.waitForEvent('download', { timeout: 300_000 });
  await page.getByRole('button', { name: 'Export all', exact: true }).click();
  const file = await download;
  await page.waitForFunction(() => globalThis.__papershelfExport.handedAt !== null);
  const { clickedAt, handedAt } = await page.evaluate(() => globalThis.__papershelfExport);
  const text = readFileSync(await file.path(), 'utf8');
  const messages = await messagesOf(page, before);
  const handled = (await workerMeasures(context)).filter((entry) => entry.name.startsWith('papershelf:handle:library/')).at(-1);
  const request = messages.filter((message) => message.type?.startsWith('library/')).at(-1);
  // The pieces of this export, in the page (read, keys, assign, text) and in the worker (keys:read, keys:write).
  const pieces = [
    ...(await page.evaluate(() => performance.getEntriesByType('measure').map(({ name, duration }) => ({ name, duration })))),
    ...(await workerMeasures(context)),
  ]
    .filter((entry) => /^papershelf:piece:(export|keys):/.test(entry.name))
    .reduce((last, entry) => ({ ...last, [entry.name.replace('papershelf:piece:', '')]: entry.duration }), {});
  await page.evaluate(() => performance.clearMeasures());
  await context.serviceWorkers()[0]?.evaluate(() => performance.clearMeasures());
  return {
    pieces,
    ms: handedAt - clickedAt,
    entries: (text.match(/^@\w+\{/gm) ?? []).length,
    mib: Buffer.byteLength(text) / 1024 / 1024,
    worker: handled?.duration ?? NaN,
    reply: request?.ms ?? NaN,
    message: largest(messages),
  };
}

async function measureOnce(papers) {
  const { context, extensionId } = await launchWithExtension();
  await watchMessages(context);
  try {
    await seedLibrary(context, extensionId, papers);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/library.html`);
    await page.waitForFunction(() => performance.getEntriesByName('papershelf:all-rows').length > 0, null, { timeout: 180_000 });
    await page.evaluate(watchExport);
    const first = await exportOnce(page, context);
    // Long enough for the page to take in the keys the first export wrote (it reads every paper again).
    await page.waitForTimeout(papers >= 100_000 ? 8000 : 4000);
    const later = await exportOnce(page, context);
    for (const done of [first, later]) if (done.entries !== papers) throw new Error(`exported ${done.entries} of ${papers} papers`);
    return { first, later };
  } finally {
    await context.close();
  }
}

const seconds = (values) => values.map((value) => (value / 1000).toFixed(2)).join(', ');

async function measureSize(papers, runs, budget) {
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await measureOnce(papers));
  const label = `export BibTeX, ${papers.toLocaleString('en')} papers`;
  const lines = [];
  for (const [which, measure] of [
    ['later', '"Export all" → file handed to the download, keys assigned'],
    ['first', '"Export all" → file handed to the download, first export (no keys yet)'],
  ]) {
    const done = results.map((r) => r[which]);
    lines.push(
      row({
        scenario: label,
        measure,
        values: done.map((d) => d.ms),
        unit: 'ms',
        budget,
        note: `${done.some((d) => Number.isFinite(d.reply)) ? `the keys request's reply ${seconds(done.map((d) => d.reply))} s, of which the worker ${seconds(done.map((d) => d.worker))} s` : 'no message'}; pieces, run 1: ${Object.entries(
          done[0].pieces,
        )
          .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`)
          .join(
            ', ',
          )}; file ${done[0].mib.toFixed(1)} MiB; largest message ${Math.max(...done.map((d) => d.message.mib)).toFixed(1)} MiB${done.some((d) => d.message.exceeded) ? ', OVER THE LIMIT' : ''}`,
      }),
    );
  }
  return lines;
}

export async function measure({ runs, smoke }) {
  if (smoke) return measureSize(200, 1, 500);
  return [...(await measureSize(10_000, runs, 500)), ...(await measureSize(100_000, Math.min(runs, 2), 5000))];
}
