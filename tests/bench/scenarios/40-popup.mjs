// The popup at 10,000 and 100,000 saved papers (issue #12): opening → first rows painted, minus an empty
// extension page's first paint in the same browser (≤ 50 ms), and each keystroke of a search → the filtered
// rows painted (p95 ≤ 16 ms at 10,000, ≤ 50 ms at 100,000).
// Each run: a fresh browser, the library seeded, a pause for IndexedDB to settle, then the popup opened
// twice (the first opening of a fresh browser also pays for starting the extension's process) and a query
// typed into the second.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_PATH, launchWithExtension } from '../../support/extension-browser.mjs';
import { measureOpening, measureTyping } from '../../support/popup-timing.mjs';
import { seedLibrary } from '../../support/seed.mjs';
import { percentile, row } from '../report.mjs';

const QUERY = 'muller scal';

/** An extension page with nothing but a script: the floor of this machine, written into the build for the run. */
function writeBlankPage() {
  const page = join(EXTENSION_PATH, 'bench-blank.html');
  const script = join(EXTENSION_PATH, 'bench-blank.js');
  writeFileSync(page, '<!doctype html><html><head><script src="/bench-blank.js"></script></head><body><p>PaperShelf</p></body></html>');
  writeFileSync(script, "performance.mark('papershelf:start');");
  return () => {
    rmSync(page, { force: true });
    rmSync(script, { force: true });
  };
}

async function firstPaint(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) =>
        new PerformanceObserver((list) => {
          const paint = list.getEntriesByName('first-contentful-paint')[0];
          if (paint) resolve(paint.startTime);
        }).observe({ type: 'paint', buffered: true }),
      ),
  );
}

async function measureSize(papers, runs) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const { context, extensionId } = await launchWithExtension();
    try {
      await seedLibrary(context, extensionId, papers);

      const blank = await context.newPage();
      await blank.goto(`chrome-extension://${extensionId}/bench-blank.html`);
      const floor = await firstPaint(blank);
      await blank.close();

      let popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await measureOpening(popup);
      await popup.close();
      popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      const opening = await measureOpening(popup);
      await popup.waitForFunction(() => performance.getEntriesByName('papershelf:all-rows').length > 0, null, { timeout: 120_000 });
      const allRows = await popup.evaluate(() => performance.getEntriesByName('papershelf:all-rows')[0].startTime);
      await popup.getByRole('searchbox', { name: 'Search' }).focus();
      const typing = await measureTyping(popup, QUERY);
      results.push({ floor, opening, allRows, ...typing });
    } finally {
      await context.close();
    }
  }
  const label = `popup, ${papers.toLocaleString('en')} papers`;
  const keystrokes = results.flatMap((r) => r.keystrokes);
  const filtering = results.flatMap((r) => r.filtering);
  const searchesFinished = results.flatMap((r) => r.searchesFinished);
  return [
    row({
      scenario: label,
      measure: 'open → first rows painted, minus an empty page',
      values: results.map((r) => r.opening.firstPaint - r.floor),
      unit: 'ms',
      budget: 50,
    }),
    row({ scenario: label, measure: 'open → first rows painted', values: results.map((r) => r.opening.firstPaint), unit: 'ms' }),
    row({ scenario: label, measure: 'an empty extension page, first paint', values: results.map((r) => r.floor), unit: 'ms' }),
    row({ scenario: label, measure: 'every paper loaded (search ready)', values: results.map((r) => r.allRows), unit: 'ms' }),
    row({
      scenario: label,
      measure: `search keystroke → rows painted, p95 ("${QUERY}")`,
      values: keystrokes,
      figure: percentile(keystrokes, 0.95),
      unit: 'ms',
      budget: papers >= 100_000 ? 50 : 16,
    }),
    row({
      scenario: label,
      measure: 'filtering in the keystroke’s own task, p95',
      values: filtering,
      figure: percentile(filtering, 0.95),
      unit: 'ms',
    }),
    // A search that did not end in that task goes on in slices; the rows below the first screen come then.
    ...(searchesFinished.length > 0
      ? [
          row({
            scenario: label,
            measure: `keystroke → every match found, of the ${searchesFinished.length} searches that paused, p95`,
            values: searchesFinished,
            figure: percentile(searchesFinished, 0.95),
            unit: 'ms',
          }),
        ]
      : []),
  ];
}

export async function measure({ runs, smoke }) {
  const removeBlankPage = writeBlankPage();
  try {
    if (smoke) return await measureSize(200, 1);
    return [...(await measureSize(10_000, runs)), ...(await measureSize(100_000, Math.min(runs, 3)))];
  } finally {
    removeBlankPage();
  }
}
