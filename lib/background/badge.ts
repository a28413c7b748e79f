import type { PaperShelfDb } from '@/lib/db/database';
import type { Settings } from '@/lib/model/settings';
import { settingsItem } from '@/lib/storage/settings';

/** The toolbar badge: the number of papers to look at (as `papersToCount` counts them), capped so it fits, or nothing. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/**
 * The papers the badge counts, as the settings say: the unread ones, the ones whose code appeared since
 * (issue #8), or the papers that are either (each once).
 */
export async function papersToCount(db: PaperShelfDb, settings: Pick<Settings, 'badge' | 'codeBadge'>): Promise<number> {
  const unreadOnly = db.papers.where('status').equals('unread');
  // The usual case counts without reading a key.
  if (!settings.codeBadge) return settings.badge === 'unread' ? unreadOnly.count() : 0;
  const unread = settings.badge === 'unread' ? await unreadOnly.primaryKeys() : [];
  const newCode = await db.papers.where('lookup.codeAppearedAt').above(0).primaryKeys();
  return new Set([...unread, ...newCode]).size;
}

/** The part of `action` (MV3) / `browserAction` (Firefox's MV2) the badge uses. */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
}

/**
 * The badge kept in step with the library: each `refresh` counts again once the one before it is done, so
 * a count read before a write can never land after the count read since (a "new code" mark cleared, then
 * the badge showing it again). Refreshes asked for while one runs are done as one.
 */
export function badgeRefresher(db: PaperShelfDb, button: ToolbarButton): () => void {
  let running: Promise<void> | undefined;
  let again = false;
  const refresh = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = refreshBadge(db, button).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        refresh();
      }
    });
  };
  return refresh;
}

/** Counts the papers again and shows them, as the settings say. A failure only leaves the old badge. */
export async function refreshBadge(db: PaperShelfDb, button: ToolbarButton): Promise<void> {
  try {
    const settings = await settingsItem.read();
    await button.setBadgeText({ text: badgeText(await papersToCount(db, settings)) });
  } catch (error) {
    console.warn('PaperShelf: could not update the toolbar badge', error);
  }
}
