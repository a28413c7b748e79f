// Annotating a listing (issue #12): how long after `DOMContentLoaded` every entry has its Save control,
// against a baseline page script that inserts one plain button per entry at `DOMContentLoaded` (≤ 3×); and
// what PaperShelf costs the page: its longest task, `DOMContentLoaded` and `load`, and its JS heap, each
// with PaperShelf minus the same page without it (≤ 50 ms, ≤ 30 ms, ≤ 3 MB).
// Each run, one fresh browser loads the same markup three ways: bare (at an address no content script
// matches), with the baseline script (same address), and at its real address, where PaperShelf runs. The
// library is empty, so the saved-state answer is "nothing saved"; it is asked for all the same.
import { setTimeout as sleep } from 'node:timers/promises';
import { launchWithExtension } from '../../support/extension-browser.mjs';
import { waitForTimings } from '../../support/content-timings.mjs';
import { arxivNewListing, arxivSearchListing, huggingfaceDailyListing } from '../../support/generate-listing.mjs';
import { median, row } from '../report.mjs';

const BARE_ORIGIN = 'https://baseline.papershelf.test';

/** Where the baseline puts its button: the spot PaperShelf's adapter picks for the same page type. */
const listings = (smoke) => [
  {
    name: `arXiv /new, ${smoke ? 50 : 2000} entries`,
    url: 'https://arxiv.org/list/cs.LG/new',
    html: arxivNewListing(smoke ? 50 : 2000),
    anchors: 'dl#articles > dt',
    placement: 'beforeend',
  },
  {
    name: `Hugging Face daily, ${smoke ? 5 : 50} cards`,
    url: 'https://huggingface.co/papers',
    html: huggingfaceDailyListing(smoke ? 5 : 50),
    anchors: 'article h3',
    placement: 'afterend',
  },
  {
    name: `arXiv search, ${smoke ? 5 : 50} results`,
    url: 'https://arxiv.org/search/?query=conformal+prediction&searchtype=all',
    html: arxivSearchListing(smoke ? 5 : 50),
    anchors: 'li.arxiv-result p.list-title',
    placement: 'beforeend',
  },
];

/** The baseline: one plain button per entry, inserted at `DOMContentLoaded`, its end time kept. */
const baselineScript = (anchors, placement) => `<script>
document.addEventListener('DOMContentLoaded', () => {
  for (const anchor of document.querySelectorAll(${JSON.stringify(anchors)})) {
    const button = document.createElement('button');
    button.textContent = 'Save';
    anchor.insertAdjacentElement(${JSON.stringify(placement)}, button);
  }
  window.__baselineDone = performance.now();
});
</script>`;

/** Runs in every page before its own markup: collects long tasks from the start. */
function watchLongTasks() {
  const tasks = (window.__longTasks = []);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function loadAndMeasure(context, url, { papershelf }) {
  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const timings = papershelf ? await waitForTimings(page, ['mounted'], { interval: 50 }) : {};
    await sleep(500); // long tasks of the work that follows (the saved state, the controls' layout)
    const figures = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      return {
        domContentLoaded: navigation.domContentLoadedEventStart,
        load: navigation.loadEventStart,
        longestTask: Math.max(0, ...window.__longTasks),
        baselineDone: window.__baselineDone,
      };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return { ...figures, timings, heap: usedSize };
  } finally {
    await page.close();
  }
}

async function measureListing(listing, runs) {
  const bare = [];
  const baseline = [];
  const papershelf = [];
  const path = new URL(listing.url).pathname + new URL(listing.url).search;
  for (let run = 0; run < runs; run++) {
    const { context, pages } = await launchWithExtension();
    try {
      pages.set(`${BARE_ORIGIN}${path}`, listing.html);
      pages.set(
        `${BARE_ORIGIN}/baseline${path}`,
        listing.html.replace('<head>', `<head>${baselineScript(listing.anchors, listing.placement)}`),
      );
      pages.set(listing.url, listing.html);
      // A first load warms the browser's caches and the extension's process for all three; then the order
      // turns each run, so that no variant always pays for coming first.
      await loadAndMeasure(context, listing.url, { papershelf: true });
      const variants = [
        () => loadAndMeasure(context, `${BARE_ORIGIN}${path}`, { papershelf: false }).then((r) => bare.push(r)),
        () => loadAndMeasure(context, `${BARE_ORIGIN}/baseline${path}`, { papershelf: false }).then((r) => baseline.push(r)),
        () => loadAndMeasure(context, listing.url, { papershelf: true }).then((r) => papershelf.push(r)),
      ];
      for (let turn = 0; turn < variants.length; turn++) await variants[(turn + run) % variants.length]();
    } finally {
      await context.close();
    }
  }
  const scenario = `annotate ${listing.name}`;
  const afterDcl = papershelf.map((r) => r.timings.mounted - r.domContentLoaded);
  const baselineAfterDcl = baseline.map((r) => r.baselineDone - r.domContentLoaded);
  const difference = (key) => papershelf.map((r, index) => r[key] - bare[index][key]);
  const mb = (values) => values.map((value) => value / 1024 / 1024);
  return [
    row({
      scenario,
      measure: "every control in place, after DOMContentLoaded, ÷ the baseline script's",
      values: afterDcl.map((value, index) => value / Math.max(baselineAfterDcl[index], 0.1)),
      figure: median(afterDcl) / Math.max(median(baselineAfterDcl), 0.1),
      unit: '×',
      budget: 3,
    }),
    row({ scenario, measure: 'every control in place, ms after DOMContentLoaded', values: afterDcl, unit: 'ms' }),
    row({ scenario, measure: 'baseline script: every button in place, ms after DOMContentLoaded', values: baselineAfterDcl, unit: 'ms' }),
    row({
      scenario,
      measure: 'content script started, ms after DOMContentLoaded',
      values: papershelf.map((r) => r.timings['script-start'] - r.domContentLoaded),
      unit: 'ms',
    }),
    row({ scenario, measure: 'longest task, with minus without', values: difference('longestTask'), unit: 'ms', budget: 50 }),
    row({ scenario, measure: "the page's own longest task (without)", values: bare.map((r) => r.longestTask), unit: 'ms' }),
    row({
      scenario,
      measure: 'baseline script: longest task, with minus without',
      values: baseline.map((r, index) => r.longestTask - bare[index].longestTask),
      unit: 'ms',
    }),
    row({ scenario, measure: 'DOMContentLoaded, with minus without', values: difference('domContentLoaded'), unit: 'ms', budget: 30 }),
    row({ scenario, measure: 'load, with minus without', values: difference('load'), unit: 'ms', budget: 30 }),
    row({ scenario, measure: 'JS heap, with minus without', values: mb(difference('heap')), unit: 'MB', budget: 3 }),
  ];
}

export async function measure({ runs, smoke }) {
  const rows = [];
  for (const listing of listings(smoke)) rows.push(...(await measureListing(listing, runs)));
  return rows;
}
