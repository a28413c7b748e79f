import { browser } from 'wxt/browser';
import { handleBackgroundMessage } from '@/lib/background-handlers';
import { db } from '@/lib/db';
import { SAVED_STATE_SIGNAL_KEY, type SavedStateSignal } from '@/lib/saved-state-signal';

export default defineBackground(() => {
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

  const announceSavedState = async (states: Record<string, boolean>) => {
    const signal: SavedStateSignal = { states, at: Date.now() };
    // The write itself succeeded; a failed broadcast only delays other tabs until their next load.
    await browser.storage.local.set({ [SAVED_STATE_SIGNAL_KEY]: signal }).catch((error: unknown) => {
      console.warn('PaperShelf: could not tell other tabs about a change', error);
    });
  };

  // Callback style (sendResponse + return true) is what every Chrome and Firefox version honours.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleBackgroundMessage(message, sender, { db, extension, announceSavedState }).then(sendResponse);
    return true;
  });
});
