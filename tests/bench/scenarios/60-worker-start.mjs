// Worker start (issue #12: ≤ 50 ms): after the worker was stopped, a message wakes it; from its script's
// evaluation (the mark at the top of the background's main) to its first answer, read from the worker's own
// timeline (no page sees it).
import { launchWithExtension } from '../../support/extension-browser.mjs';
import { stopServiceWorker } from '../../support/service-worker.mjs';
import { row } from '../report.mjs';

export async function measure({ runs }) {
  const evaluatedToAnswer = [];
  const evaluatedAt = [];
  const roundTrips = [];
  const failures = [];
  for (let run = 0; run < runs; run++) {
    const { context, extensionId } = await launchWithExtension();
    try {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await stopServiceWorker(context, extensionId);
      const sentAt = Date.now();
      // As PaperShelf's own client does: a message that reaches a worker still starting is sent again.
      const woken = await page.evaluate(async () => {
        for (let attempt = 0; ; attempt++) {
          try {
            await globalThis.chrome.runtime.sendMessage({ type: 'paper/saved-state', ids: ['2401.12345'] });
            return null;
          } catch (error) {
            if (attempt === 3) return String(error);
            await new Promise((resolve) => setTimeout(resolve, [100, 400, 1500][attempt]));
          }
        }
      });
      if (woken !== null) {
        failures.push(woken);
        continue;
      }
      roundTrips.push(Date.now() - sentAt);
      // Playwright fires no new `serviceworker` event for a restarted worker; its handle reaches the new one.
      const worker = context.serviceWorkers().at(-1);
      const marks = await worker.evaluate(() => ({
        start: performance.getEntriesByName('papershelf:worker-start')[0]?.startTime,
        reply: performance.getEntriesByName('papershelf:first-reply')[0]?.startTime,
      }));
      evaluatedToAnswer.push(marks.reply - marks.start);
      evaluatedAt.push(marks.start);
    } finally {
      await context.close();
    }
  }
  const note = failures.length > 0 ? `${failures.length} of ${runs} runs could not wake the stopped worker (${failures[0]})` : undefined;
  return [
    row({
      scenario: 'worker start',
      measure: 'script evaluated → first message answered',
      values: evaluatedToAnswer,
      unit: 'ms',
      budget: 50,
      note,
    }),
    row({ scenario: 'worker start', measure: "worker's own start → script evaluated", values: evaluatedAt, unit: 'ms' }),
    row({ scenario: 'worker start', measure: "page's message round trip (stopped worker)", values: roundTrips, unit: 'ms' }),
  ];
}
