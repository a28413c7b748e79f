import type { Settings } from './settings';

/** The toolbar badge: the number of unread saved papers, capped so it fits, or nothing. */
export function badgeText(unread: number, settings: Pick<Settings, 'badge'>): string {
  if (settings.badge === 'none' || unread <= 0) return '';
  return unread > 999 ? '999+' : String(unread);
}
