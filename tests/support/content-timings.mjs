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
    const world = await (await contentScriptWorlds(cdp))();
    if (world === undefined) return {};
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: 'globalThis.__papershelfTimings ?? {}',
      contextId: world,
      returnByValue: true,
    });
    return result.value ?? {};
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Collects the execution contexts of a page's DevTools session (`Runtime.enable` announces the existing ones
 * before it answers, and later ones as they come, so it may run before a navigation), and resolves to a finder
 * of the content script's isolated world in the main frame: its context id, or undefined when there is none
 * within `timeout` ms.
 * @param {import('@playwright/test').CDPSession} cdp
 * @returns {Promise<(options?: { timeout?: number }) => Promise<number | undefined>>}
 */
export async function contentScriptWorlds(cdp) {
  /** @type {{ id: number, origin: string, auxData?: { type?: string, frameId?: string } }[]} */
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  return async ({ timeout = 0 } = {}) => {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    for (let waited = 0; ; waited += 50) {
      const world = contexts.find(
        (context) =>
          context.auxData?.type === 'isolated' &&
          context.auxData.frameId === frameTree.frame.id &&
          context.origin.startsWith('chrome-extension://'),
      );
      if (world) return world.id;
      if (waited >= timeout) return undefined;
      await sleep(50);
    }
  };
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
