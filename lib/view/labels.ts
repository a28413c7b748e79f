// What the pages call the sorts and read statuses. No zod, no React: the popup's first paint shows them too.
import type { ReadStatus } from '@/lib/model/paper';
import type { SortOrder } from './library-view';

export const SORT_LABELS: Record<SortOrder, string> = { saved: 'Newest saved', published: 'Newest published', title: 'Title A–Z' };
export const STATUS_LABELS: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };
/** The read statuses in the order the pages offer them. */
export const READ_STATUSES: readonly ReadStatus[] = ['unread', 'reading', 'read'];

/** A day as the pages write it, in the reader's locale: "Dec 3, 2026". */
export const calendarDay = (epochMs: number) =>
  new Date(epochMs).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
