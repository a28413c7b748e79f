import { browser } from 'wxt/browser';

/** Where the settings live in `storage.local` (lib/storage/settings.ts reads them whole, through their schema). */
export const SETTINGS_KEY = 'papershelf:settings';

/**
 * Whether the user turned the "in Zotero" marks on (issue #13), for the content script: one key read by hand,
 * since the content script carries no schema library (issue #12). Anything but `true` is off, as the
 * schema's default is.
 */
export async function zoteroMarksOn(): Promise<boolean> {
  const stored: unknown = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return typeof stored === 'object' && stored !== null && (stored as { zoteroMark?: unknown }).zoteroMark === true;
}
