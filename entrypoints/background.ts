import { browser } from 'wxt/browser';
import { handleBackgroundMessage } from '@/lib/background-handlers';
import { badgeText } from '@/lib/badge';
import { db } from '@/lib/db';
import { startLookups } from '@/lib/lookup/worker';
import { SAVED_STATE_SIGNAL_KEY, type SavedStateSignal } from '@/lib/saved-state-signal';
import { parseSettings, SETTINGS_KEY } from '@/lib/settings';

export default defineBackground(() => {
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  // Firefox's MV2 build has `browserAction` where Chrome's MV3 has `action`.
  const toolbarButton = browser.action ?? browser.browserAction;
  // Missing details and code from arXiv and Hugging Face (issue #6); registers its listeners now.
  const lookups = startLookups(db);

  const announceSavedState = async (states: Record<string, boolean>) => {
    const signal: SavedStateSignal = { states, at: Date.now() };
    // The write itself succeeded; a failed broadcast only delays other tabs until their next load.
    await browser.storage.local.set({ [SAVED_STATE_SIGNAL_KEY]: signal }).catch((error: unknown) => {
      console.warn('PaperShelf: could not tell other tabs about a change', error);
    });
  };

  const refreshBadge = async () => {
    try {
      const settings = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
      const unread = settings.badge === 'none' ? 0 : await db.papers.where('status').equals('unread').count();
      await toolbarButton.setBadgeText({ text: badgeText(unread, settings) });
    } catch (error) {
      console.warn('PaperShelf: could not update the toolbar badge', error);
    }
  };

  // Callback style (sendResponse + return true) is what every Chrome and Firefox version honours.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleBackgroundMessage(message, sender, {
      db,
      extension,
      announceSavedState,
      libraryChanged: () => void refreshBadge(),
      lookupsQueued: () => void lookups.kick(),
    }).then(sendResponse);
    return true;
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void refreshBadge();
  });
  void toolbarButton.setBadgeBackgroundColor({ color: '#2b4cb8' });
  void refreshBadge();
});
