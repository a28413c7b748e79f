import type { PaperShelfDb } from '@/lib/db/database';
import type { Settings } from '@/lib/model/settings';
import { settingsItem } from '@/lib/storage/settings';

/** The toolbar badge: the number of unread saved papers, capped so it fits, or nothing. */
export function badgeText(unread: number, settings: Pick<Settings, 'badge'>): string {
  if (settings.badge === 'none' || unread <= 0) return '';
  return unread > 999 ? '999+' : String(unread);
}

/** The part of `action` (MV3) / `browserAction` (Firefox's MV2) the badge uses. */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
}

/** Counts the unread papers again and shows them, as the settings say. A failure only leaves the old badge. */
export async function refreshBadge(db: PaperShelfDb, button: ToolbarButton): Promise<void> {
  try {
    const settings = await settingsItem.read();
    const unread = settings.badge === 'none' ? 0 : await db.papers.where('status').equals('unread').count();
    await button.setBadgeText({ text: badgeText(unread, settings) });
  } catch (error) {
    console.warn('PaperShelf: could not update the toolbar badge', error);
  }
}
