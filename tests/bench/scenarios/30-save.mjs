// Saving a paper from a listing (issue #12): a person's click on Save → the control painted as Saved, p95
// over 50 clicks on 50 different papers of an arXiv /new listing: ≤ 30 ms with the worker running, ≤ 250 ms
// when the worker was stopped before each click (DevTools protocol `ServiceWorker.stopWorker`).
//
// The control lives in a closed shadow root, and polling it from here would add the protocol's latency, so
// the timing is taken inside the page, in the content script's own isolated world (the page never sees it):
// the protocol's DOM domain hands this scenario each control's button in that world, where it listens for
// the click (`event.timeStamp`: when the browser made the input event), watches `aria-pressed` turn true
// (the control says Saved) and takes `performance.now()` in the next animation frame (Saved painted); it
// also wraps `runtime.sendMessage` there (the save sent, its answer back). The worker's side is the marks
// on its own timeline (lib/background/timing.ts): received, written, tabs told, replied.
import { contentScriptWorlds } from '../../support/content-timings.mjs';
import { launchWithExtension } from '../../support/extension-browser.mjs';
import { arxivNewListing } from '../../support/generate-listing.mjs';
import { stopServiceWorker } from '../../support/service-worker.mjs';
import { median, percentile, row } from '../report.mjs';

const URL = 'https://arxiv.org/list/cs.LG/new';

/** Installed in the content script's isolated world: the record of the click in flight. */
function recorder() {
  const api = (globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome).runtime;
  const send = api.sendMessage;
  const bench = { current: null };
  api.sendMessage = function (message, ...rest) {
    const current = bench.current;
    const answer = send.call(this, message, ...rest);
    if (!current || message?.type !== 'paper/save') return answer;
    current.sent ??= performance.now();
    // Handed on through this (one microtask more): a reaction of our own ran after the control's (seen).
    // The control may have turned Saved already: the worker tells every tab (storage.onChanged) as it
    // replies, and the broadcast often arrives first.
    return answer.then((reply) => {
      current.answered = performance.now();
      return reply;
    });
  };
  bench.watch = (button) => {
    // At the target, a capture listener runs before the control's own: the record exists when it sends.
    button.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) return;
        let finish;
        const done = new Promise((resolve) => (finish = resolve));
        bench.current = { origin: performance.timeOrigin, clicked: event.timeStamp, handler: performance.now(), done, finish };
      },
      { capture: true },
    );
    new MutationObserver(() => {
      const current = bench.current;
      if (!current || current.shown !== undefined || button.getAttribute('aria-pressed') !== 'true') return;
      current.shown = performance.now();
      requestAnimationFrame(() => {
        current.painted = performance.now();
        current.finish();
      });
    }).observe(button, { attributes: true, attributeFilter: ['aria-pressed'] });
  };
  globalThis.__papershelfBench = bench;
}

/** The content script's isolated world in the page's main frame, as the protocol announced it. */
async function isolatedWorld(cdp, page) {
  const findWorld = await contentScriptWorlds(cdp);
  await page.goto(URL);
  const world = await findWorld({ timeout: 10_000 });
  if (world === undefined) throw new Error('no content script world in the listing');
  return world;
}

/** Each control's button (in its closed root), first occurrence of each paper, in page order. */
async function buttons(cdp) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const found = new Map();
  const walk = (node) => {
    const attributes = node.attributes ?? [];
    const at = attributes.indexOf('data-papershelf-id');
    if (at >= 0 && !found.has(attributes[at + 1])) {
      const button = node.shadowRoots?.[0]?.children?.find((child) => child.nodeName === 'BUTTON');
      if (button) found.set(attributes[at + 1], button.backendNodeId);
    }
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
  };
  walk(root);
  return [...found].map(([id, backendNodeId]) => ({ id, backendNodeId }));
}

async function evaluate(cdp, contextId, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

/** The worker's marks of the latest request, and of its own start (ms on the worker's timeline). */
async function workerMarks(worker) {
  return worker.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime;
    return {
      origin: performance.timeOrigin,
      start: at('papershelf:worker-start'),
      received: at('papershelf:request-received'),
      handled: at('papershelf:request-handled'),
      announced: at('papershelf:request-announced'),
      replied: at('papershelf:request-replied'),
    };
  });
}

/** One browser, one listing, `clicks` saves; `cold`: the worker stopped before each. */
async function session({ clicks, cold }) {
  const { context, extensionId, pages } = await launchWithExtension();
  try {
    pages.set(URL, arxivNewListing(Math.ceil(clicks * 1.2) + 2));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const contextId = await isolatedWorld(cdp, page);
    await page.waitForFunction((n) => document.querySelectorAll('[data-papershelf-id]').length >= n, clicks);
    // The page's saved-state answer has come back and been applied before the first click.
    await page.waitForTimeout(500);
    const targets = (await buttons(cdp)).slice(0, clicks);
    if (targets.length < clicks) throw new Error(`only ${targets.length} controls found`);
    await evaluate(cdp, contextId, `(${recorder})()`);
    for (const { backendNodeId } of targets) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId, executionContextId: contextId });
      await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { globalThis.__papershelfBench.watch(this); }',
      });
    }

    const samples = [];
    // Playwright's handle follows the worker across a stop and a start (it announces no new one).
    const worker = context.serviceWorkers()[0];
    for (const { id, backendNodeId } of targets) {
      if (cold) {
        await stopServiceWorker(context, extensionId);
        await page.bringToFront();
      }
      await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId });
      const [x1, y1, x2, , , y3] = model.border;
      await evaluate(cdp, contextId, 'globalThis.__papershelfBench.current = null');
      await page.mouse.click((x1 + x2) / 2, (y1 + y3) / 2);
      const timing = await evaluate(
        cdp,
        contextId,
        `(async () => {
          const bench = globalThis.__papershelfBench;
          for (let waited = 0; !bench.current && waited < 2000; waited += 5) await new Promise((r) => setTimeout(r, 5));
          if (!bench.current) throw new Error('the click on ${id} did not reach its control');
          const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('${id} never showed Saved')), 10000));
          await Promise.race([bench.current.done, timeout]);
          // The reply too, when the broadcast came first: so that it is not in flight during the next click.
          for (let waited = 0; bench.current.answered === undefined && waited < 2000; waited += 5) await new Promise((r) => setTimeout(r, 5));
          const { done, finish, ...times } = bench.current;
          return times;
        })()`,
      );
      samples.push({ ...timing, worker: await workerMarks(worker) });
    }
    return samples;
  } finally {
    await context.close();
  }
}

const p95 = (values) => percentile(values, 0.95);

/** Whether the control turned Saved on the worker's broadcast to the tabs (else on its reply). */
const byBroadcast = (s) => !(s.answered <= s.shown);
/** When, on the worker's timeline, what turned the control Saved left the worker. */
const leftWorker = (s) => (byBroadcast(s) ? s.worker.announced : s.worker.replied);

function rows(label, samples, budget, { cold = false, note } = {}) {
  const total = samples.map((s) => s.painted - s.clicked);
  const piece = (measure, values, note) => row({ scenario: label, measure: `${measure}, p50`, values, unit: 'ms', note });
  const broadcasts = samples.filter(byBroadcast).length;
  const replyAfter = samples.filter(byBroadcast).map((s) => s.answered - s.shown);
  return [
    row({ scenario: label, measure: 'click → Saved painted, p50', values: total, unit: 'ms' }),
    row({ scenario: label, measure: 'click → Saved painted, p95', values: total, figure: p95(total), unit: 'ms', budget, note }),
    piece(
      'click → its handler runs',
      samples.map((s) => s.handler - s.clicked),
    ),
    piece(
      'handler → save sent',
      samples.map((s) => s.sent - s.handler),
    ),
    piece(
      'save sent → Saved set',
      samples.map((s) => s.shown - s.sent),
      `Saved was set by the worker's broadcast to the tabs in ${broadcasts} of ${samples.length} clicks, by its reply in the others` +
        (replyAfter.length > 0 ? `; the reply came a median ${median(replyAfter).toFixed(1)} ms after the broadcast` : ''),
    ),
    piece(
      '  worker: received → written (committed)',
      samples.map((s) => s.worker.handled - s.worker.received),
    ),
    piece(
      '  worker: written → tabs told (sent off)',
      samples.map((s) => s.worker.announced - s.worker.handled),
    ),
    piece(
      '  worker: tabs told → replied',
      samples.map((s) => s.worker.replied - s.worker.announced),
    ),
    piece(
      `  messaging both ways${cold ? ", and the worker's start" : ''} (sent → Saved set, minus the worker's work)`,
      samples.map((s) => s.shown - s.sent - (leftWorker(s) - s.worker.received)),
    ),
    piece(
      'Saved set → its frame',
      samples.map((s) => s.painted - s.shown),
    ),
  ];
}

function coldRows(label, samples) {
  // The worker's timeline starts when its global was made: before that, Chrome started it (and its process).
  const piece = (measure, values) => row({ scenario: label, measure: `${measure}, p50`, values, unit: 'ms' });
  return [
    piece(
      "  worker's own start → script evaluated",
      samples.map((s) => s.worker.start),
    ),
    piece(
      '  script evaluated → message received',
      samples.map((s) => s.worker.received - s.worker.start),
    ),
    piece(
      "  before the worker's timeline, and messaging (sent → Saved set, minus the worker's timeline)",
      samples.map((s) => s.shown - s.sent - leftWorker(s)),
    ),
  ];
}

/** Whether the worker started after the click (its timeline began then), as a stopped worker must. */
const startedByTheClick = (s) => s.worker.origin > s.origin + s.clicked - 2;

export async function measure({ smoke }) {
  const clicks = smoke ? 5 : 50;
  const warm = await session({ clicks, cold: false });
  const cold = await session({ clicks: smoke ? 2 : clicks, cold: true });
  const started = cold.filter(startedByTheClick);
  const woken = cold.length - started.length;
  // A worker something else started again between the stop and the click is warm, not cold: left out, and said.
  const note = woken > 0 ? `${woken} of ${cold.length} clicks found the stopped worker started again before them: left out` : undefined;
  return [
    ...rows('save, worker warm', warm, 30),
    ...rows('save, worker cold', started, 250, { cold: true, note }),
    ...coldRows('save, worker cold', started),
  ];
}
