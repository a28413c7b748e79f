import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/messaging/client';
import { loadSavedIds } from '@/lib/storage/saved-ids';
import { zoteroMarksOn } from '@/lib/storage/settings-key';
import { watchSavedState } from '@/lib/storage/saved-state-signal';
import { adapterFor } from '@/lib/sites/registry';
import { Annotator } from './annotator';
import { recordTiming } from './timings';

/**
 * The content script, wired to the page and the browser: the annotator (lib/content/annotator.ts) is
 * told about DOM changes, client-side navigation and saves made in other tabs, and everything it
 * registers ends with `ctx` (the extension updated or removed).
 * It starts at `document_start` (issue #12), before the page is parsed: it reads which papers are saved
 * while the page loads, and mounts every control in one pass at `DOMContentLoaded`, with its state known.
 * Mounting while the parser still runs was measured on a 2000-entry arXiv page: every control was in place
 * at `DOMContentLoaded`, but `DOMContentLoaded` itself came 130–290 ms later, each mount relaying out what
 * was parsed so far; one pass at the end lays the page out once.
 */
export function startAnnotating(ctx: ContentScriptContext): Annotator {
  recordTiming('script-start');
  const savedIds = loadSavedIds();
  const send = (message: unknown) => browser.runtime.sendMessage(message);
  const annotator = new Annotator({
    document,
    currentUrl: () => new URL(location.href),
    recognize: adapterFor,
    requestFrame: (callback) => ctx.requestAnimationFrame(callback),
    later: (callback, ms) => ctx.setTimeout(callback, ms),
    savedStateOf: (ids) => sendToBackground(send, { type: 'paper/saved-state', ids }),
    save: (paper, source) => sendToBackground(send, { type: 'paper/save', paper, source }),
    remove: (id) => sendToBackground(send, { type: 'paper/remove', id }),
    // Asked only with the marks on: a listing does not wake the worker for nothing.
    inZoteroOf: async (ids) => ((await zoteroMarksOn()) ? sendToBackground(send, { type: 'zotero/in-library', ids }) : {}),
    warn: (message) => console.warn(message),
  });

  // A save or removal in any tab (this one included), announced by the background: watched from the
  // start, so one made while the saved ids load is not lost (an announcement wins over the stored ids).
  const unwatch = watchSavedState((signal) => {
    if (signal?.everything) annotator.reloadSavedState();
    else if (signal) annotator.applySavedState(signal.states);
  });
  ctx.onInvalidated(unwatch);

  const begin = (ids: Awaited<typeof savedIds>) => {
    if (!ctx.isValid) return;
    annotator.useSavedIds(ids);
    const observer = new MutationObserver((records) => {
      if (records.some((record) => !annotator.isOwnMutation(record))) annotator.scheduleScan();
    });
    ctx.onInvalidated(() => {
      observer.disconnect();
      // A newer copy of this script took over the page (it mounts its own controls), or the extension went.
      if (browser.runtime?.id) annotator.destroy();
      else annotator.retire();
    });

    // Client-side navigation (pushState, popstate) to another listing: scan the new page.
    ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scheduleScan());
    ctx.addEventListener(window, 'popstate', () => annotator.scheduleScan());

    // Controls an older copy of this script left (the extension was reloaded and this copy injected): one per entry.
    for (const stale of document.querySelectorAll('[data-papershelf-id]')) stale.remove();
    annotator.scan();
    // Observed from after the first scan: its own thousands of mounts would each make a record to sift.
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  };
  const parsed = () => void savedIds.then(begin);
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', parsed, { once: true });
  else parsed();
  return annotator;
}
