// Stops the extension's service worker as Chrome does when it idles, through the DevTools protocol
// (`ServiceWorker.stopWorker`); shared by the end-to-end tests and the benchmark.

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} extensionId
 */
export async function stopServiceWorker(context, extensionId) {
  // A session of one of the extension's own pages sees its service worker (about:blank's does not).
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const cdp = await context.newCDPSession(page);
  const ours = (/** @type {{ scriptURL: string }} */ version) => version.scriptURL.startsWith(`chrome-extension://${extensionId}/`);
  // A worker stopped before it was activated is not started again by the next message (seen here: about
  // one run in three right after the browser started, every later message failing for seconds).
  const status = (/** @type {string} */ wanted) =>
    new Promise((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const version = versions.find((v) => ours(v) && v.runningStatus === wanted && (wanted !== 'running' || v.status === 'activated'));
        if (version) resolve(version.versionId);
      }),
    );
  const running = status('running');
  await cdp.send('ServiceWorker.enable');
  const versionId = await running;
  // Playwright reports the worker's end late; the protocol says when it has stopped.
  const stopped = status('stopped');
  await cdp.send('ServiceWorker.stopWorker', { versionId: /** @type {string} */ (versionId) });
  await stopped;
  await cdp.detach();
  await page.close();
}
