// How fast the popup is with a large library (issue #4), measured in the page: shared by the 10,000-paper
// end-to-end check and `npm run bench`. Times are milliseconds.

/**
 * After opening popup.html: when its script started, when the first rows were in the page (the popup's
 * `papershelf:first-rows` mark), when the page was first painted, and when the live popup (React) showed
 * its rows (`papershelf:live-rows`). The popup paints only once its first rows are read, so its first
 * paint shows them.
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<{ scriptStart: number, firstRows: number, firstPaint: number, liveRows: number }>}
 */
export async function measureOpening(page) {
  await page.waitForFunction(() => performance.getEntriesByName('papershelf:live-rows').length > 0, null, { timeout: 30_000 });
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          const paint = list.getEntriesByName('first-contentful-paint')[0];
          if (!paint) return;
          observer.disconnect();
          const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
          resolve({
            scriptStart: at('papershelf:start'),
            firstRows: at('papershelf:first-rows'),
            firstPaint: paint.startTime,
            liveRows: at('papershelf:live-rows'),
          });
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/**
 * Types `text` into the focused search box, one key at a time with a pause between, and times each keystroke:
 * from the input event to the frame after it (the list updated and painted), and the popup's own filtering
 * (its `papershelf:filter` measures, the part in the keystroke's own task), and, for each search that paused
 * there, how long until every match was found (`papershelf:search-complete`).
 * @param {import('@playwright/test').Page} page
 * @param {string} text
 * @returns {Promise<{ keystrokes: number[], filtering: number[], searchesFinished: number[] }>}
 */
export async function measureTyping(page, text) {
  const before = await page.evaluate(() => {
    const times = [];
    window.__papershelfKeystrokes = times;
    document.addEventListener(
      'input',
      (event) => {
        const start = event.timeStamp;
        // rAF runs before the next paint, the task after it once that frame is done.
        requestAnimationFrame(() => setTimeout(() => times.push(performance.now() - start), 0));
      },
      true,
    );
    return {
      filter: performance.getEntriesByName('papershelf:filter').length,
      finished: performance.getEntriesByName('papershelf:search-complete').length,
    };
  });
  for (const key of text) {
    await page.keyboard.type(key);
    await page.waitForTimeout(80);
  }
  return page.evaluate(
    (from) => ({
      keystrokes: [...window.__papershelfKeystrokes],
      filtering: performance
        .getEntriesByName('papershelf:filter')
        .slice(from.filter)
        .map((entry) => entry.duration),
      searchesFinished: performance
        .getEntriesByName('papershelf:search-complete')
        .slice(from.finished)
        .map((entry) => entry.duration),
    }),
    before,
  );
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
