import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/background-client';
import { SAVED_STATE_SIGNAL_KEY, SavedStateSignal } from '@/lib/saved-state-signal';
import { adapterFor } from '@/lib/sites/registry';
import { Annotator } from './annotator';

export default defineContentScript({
  // Every page of both hosts, not only listings: Hugging Face reaches /papers by client-side
  // navigation, and the registry decides per URL whether a page has papers.
  matches: ['https://huggingface.co/*', 'https://arxiv.org/*'],
  // document_end: the listing is parsed, and a long page need not wait for its images to be annotated.
  runAt: 'document_end',
  main(ctx) {
    const send = (message: unknown) => browser.runtime.sendMessage(message);
    const annotator = new Annotator({
      document,
      currentUrl: () => new URL(location.href),
      recognize: adapterFor,
      requestFrame: (callback) => ctx.requestAnimationFrame(callback),
      savedStateOf: (ids) => sendToBackground(send, { type: 'paper/saved-state', ids }),
      save: (paper, source) => sendToBackground(send, { type: 'paper/save', paper, source }),
      remove: (id) => sendToBackground(send, { type: 'paper/remove', id }),
      warn: (message) => console.warn(message),
    });

    const observer = new MutationObserver((records) => {
      if (records.some((record) => !annotator.isOwnMutation(record))) annotator.scheduleScan();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      annotator.destroy();
    });

    // Client-side navigation (pushState, popstate) to another listing: scan the new page.
    ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scheduleScan());
    ctx.addEventListener(window, 'popstate', () => annotator.scheduleScan());

    const onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(SAVED_STATE_SIGNAL_KEY in changes)) return;
      const signal = SavedStateSignal.safeParse(changes[SAVED_STATE_SIGNAL_KEY]?.newValue);
      if (signal.success) annotator.applySavedState(signal.data.states);
    };
    browser.storage.onChanged.addListener(onStorageChanged);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorageChanged));

    annotator.scan();
  },
});
