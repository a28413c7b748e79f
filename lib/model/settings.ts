import { z } from 'zod';

const StatusTag = z.string().trim().max(100);
const DEFAULT_STATUS_TAGS = { unread: 'to-read', reading: 'reading', read: 'read' };

/**
 * The user's preferences. Kept in `storage.local` (lib/storage/settings.ts), not the papers database:
 * extension pages write them directly, and the background reads them (the badge, lookups) and listens.
 */
export const Settings = z.object({
  /** What the toolbar badge shows: the number of unread saved papers, or nothing. */
  badge: z.enum(['unread', 'none']).catch('unread'),
  /** Whether the badge also counts the papers whose code appeared since they were saved (issue #8). */
  codeBadge: z.boolean().catch(false),
  /** Whether the background asks arXiv and Hugging Face for missing details and code (issue #6). Off: no request at all. */
  lookups: z.boolean().catch(true),
  /**
   * Whether the background asks Zotero's local API which papers are already in the user's Zotero library
   * (issue #13), to mark them on listings and in the pages. Off: PaperShelf asks Zotero nothing unasked.
   */
  zoteroMark: z.boolean().catch(false),
  /** The tag each read status becomes on a paper sent to Zotero; an empty one adds no tag. */
  zoteroStatusTags: z.object({ unread: StatusTag, reading: StatusTag, read: StatusTag }).catch(DEFAULT_STATUS_TAGS),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  badge: 'unread',
  codeBadge: false,
  lookups: true,
  zoteroMark: false,
  zoteroStatusTags: DEFAULT_STATUS_TAGS,
};

/** Stored settings, with defaults for anything missing or malformed (an older or hand-edited value). */
export function parseSettings(stored: unknown): Settings {
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
