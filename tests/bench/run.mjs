// `npm run bench`: the performance goals, measured in headless Chromium on the real build.
//   - annotate a 2000-entry arXiv listing (issue #3): time from the content script's start until every
//     entry has its control and its saved state, and the longest main-thread task meanwhile;
//   - the content script's size.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { EXTENSION_PATH, launchWithExtension } from '../support/extension-browser.mjs';
import { arxivNewListing } from '../support/generate-listing.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

if (process.env.PAPERSHELF_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

const contentScript = join(EXTENSION_PATH, 'content-scripts', 'content.js');
const size = statSync(contentScript).size;
const gzipped = gzipSync(readFileSync(contentScript)).length;

/** Runs in the page's main world before any of its scripts: records long tasks (responsiveness). */
function watchLongTasks() {
  const longTasks = (window.__papershelfLongTasks = []);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The content script's own performance marks (lib-free: the page shares the timeline with it). */
function readMarks() {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const start = at('papershelf:scan-start');
  const done = Math.max(at('papershelf:mounted') ?? Infinity, at('papershelf:saved-state') ?? -Infinity);
  const domContentLoaded = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
  const longest = Math.max(0, ...window.__papershelfLongTasks.filter((task) => task.start + task.duration >= start).map((task) => task.duration));
  return { start, done, domContentLoaded, longest };
}

const url = 'https://arxiv.org/list/cs.LG/new?skip=0&show=2000';
const html = arxivNewListing(2000);
const results = [];
for (let run = 0; run < RUNS; run++) {
  const { context, pages } = await launchWithExtension();
  pages.set(url, html);
  // Save one paper first, so the measured load also has to apply a saved state.
  const warmup = await context.newPage();
  await warmup.goto(url);
  await warmup.locator('[data-papershelf-id="2609.10001"]').first().getByRole('button').click();
  await warmup.getByRole('button', { name: 'Saved' }).first().waitFor();
  await warmup.close();

  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('papershelf:mounted').length > 0, null, { timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName('papershelf:saved-state').length > 0, null, { timeout: 30_000 });
  await page.waitForTimeout(200); // let a trailing long task finish and be reported
  const marks = await page.evaluate(readMarks);
  const hosts = await page.locator('[data-papershelf-id]').count();
  if (hosts !== 2000) throw new Error(`expected 2000 controls, found ${hosts}`);
  results.push({ annotate: marks.done - marks.start, fromDomContentLoaded: marks.done - marks.domContentLoaded, longestTask: marks.longest });
  await context.close();
}

console.log('\nPaperShelf benchmark (headless Chromium, this machine)');
console.log(`content script: ${(size / 1024).toFixed(1)} KiB (${(gzipped / 1024).toFixed(1)} KiB gzipped)`);
console.log(
  `annotate 2000-entry arXiv listing (content script start → every control mounted with its saved state): ` +
    `median ${ms(median(results.map((r) => r.annotate)))} (runs: ${results.map((r) => ms(r.annotate)).join(', ')})`,
);
console.log(`  the same from DOMContentLoaded (includes Chromium's own first layout of the page): median ${ms(median(results.map((r) => r.fromDomContentLoaded)))}`);
console.log(`  longest main-thread task meanwhile: median ${ms(median(results.map((r) => r.longestTask)))}`);
