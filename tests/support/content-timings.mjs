// Reads the content script's milestones (lib/content/timings.ts) from its isolated world through the
// DevTools protocol: page script cannot see them, and neither can Playwright's page.evaluate.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<Partial<Record<'script-start' | 'scan-start' | 'extracted' | 'mounted' | 'saved-state' | 'longest-slice', number>>>}
 *   `performance.now()` in the page's clock (the isolated world shares the document's timeline origin);
 *   `longest-slice` is a duration, in ms.
 */
export async function contentTimings(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    /** @type {{ id: number, origin: string, auxData?: { type?: string, frameId?: string } }[]} */
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable'); // announces every existing context before it answers
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = contexts.find(
      (context) =>
        context.auxData?.type === 'isolated' &&
        context.auxData.frameId === frameTree.frame.id &&
        context.origin.startsWith('chrome-extension://'),
    );
    if (!world) return {};
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'globalThis.__papershelfTimings ?? {}',
      contextId: world.id,
      returnByValue: true,
    });
    return result.value ?? {};
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Waits until the content script has recorded every one of `names`.
 * @param {import('@playwright/test').Page} page
 * @param {string[]} names
 */
export async function waitForTimings(page, names, { timeout = 30_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const timings = await contentTimings(page);
    if (names.every((name) => typeof timings[name] === 'number')) return timings;
    if (Date.now() > deadline)
      throw new Error(`the content script did not record ${names.join(', ')} within ${timeout} ms: ${JSON.stringify(timings)}`);
    await sleep(interval);
  }
}
