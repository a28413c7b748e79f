import { browser } from 'wxt/browser';
import { db } from '@/lib/db/database';
import { purgeTrash } from '@/lib/db/trash';
import { startLookups } from '@/lib/lookup/worker';
import type { SavedState } from '@/lib/model/paper';
import { announceSavedState } from '@/lib/storage/saved-state-signal';
import { settingsItem } from '@/lib/storage/settings';
import { zoteroHostPermission } from '@/lib/model/zotero-endpoints';
import { zoteroMemory } from '@/lib/zotero/send';
import { badgeRefresher } from './badge';
import type { ZoteroReach } from './handlers';
import { handleBackgroundMessage } from './router';
import { savedIdsKeeper } from './saved-ids';
import { markRequest } from './timing';

/**
 * The service worker (Firefox: the background page), wired to the browser. Runs synchronously from the
 * background entrypoint's `main`, so every listener is in place when an event starts a stopped worker.
 */
export function startBackground(): void {
  // For `npm run bench` (issue #12): from the script's evaluation to its first answer. A worker's
  // performance timeline is its own: no page sees these marks.
  performance.mark('papershelf:worker-start');
  let answered = false;
  const extension = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  // Firefox's MV2 build has `browserAction` where Chrome's MV3 has `action`.
  const toolbarButton = browser.action ?? browser.browserAction;
  const badge = badgeRefresher(db, toolbarButton);
  // Missing details and code from arXiv and Hugging Face (issue #6); registers its listeners now. What they
  // write may change the badge (code that appeared, issue #8).
  const lookups = startLookups(db, badge);

  // What the listings read before their first control (lib/storage/saved-ids.ts): rebuilt when the
  // extension is installed or updated and when the browser starts, kept up after every change.
  const savedIds = savedIdsKeeper(db);
  browser.runtime.onInstalled.addListener(() => void savedIds.refresh());
  browser.runtime.onStartup.addListener(() => void savedIds.refresh());

  const announce = (states: SavedState) => {
    void savedIds.refresh();
    // The write itself succeeded; a failed broadcast only delays other tabs until their next load.
    return announceSavedState(states).catch((error: unknown) =>
      console.warn('PaperShelf: could not tell other tabs about a change', error),
    );
  };

  // Zotero on this computer (issue #13): reached only when the user sends a paper, or turned the mark on.
  const zotero: ZoteroReach = {
    fetch: (url, init) => fetch(url, init),
    hasPermission: () => browser.permissions.contains({ origins: [zoteroHostPermission()] }),
    settings: () => settingsItem.read(),
    sessionId: () => crypto.randomUUID(),
    memory: zoteroMemory(),
    warn: (message) => console.warn(message),
  };

  // Callback style (sendResponse + return true) is what every Chrome and Firefox version honours.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    markRequest('received');
    void handleBackgroundMessage(message, sender, {
      db,
      extension,
      announceSavedState: announce,
      libraryChanged: badge,
      lookupsQueued: () => void lookups.kick(),
      zotero,
    }).then((reply) => {
      markRequest('replied');
      sendResponse(reply);
      if (!answered) performance.mark('papershelf:first-reply');
      answered = true;
    });
    return true;
  });

  settingsItem.watch(badge);
  void toolbarButton.setBadgeBackgroundColor({ color: '#2b4cb8' });
  badge();

  // The Trash keeps a removed paper for TRASH_DAYS: emptied of older ones at start and daily after.
  const purge = () =>
    void purgeTrash(db, Date.now()).catch((error: unknown) => console.warn('PaperShelf: could not empty the Trash of old papers', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TRASH_ALARM) purge();
  });
  void browser.alarms.get(TRASH_ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(TRASH_ALARM, { periodInMinutes: 24 * 60 });
  });
  purge();
}

const TRASH_ALARM = 'papershelf:trash';
