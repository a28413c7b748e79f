// What the pages call the sorts and read statuses. No zod, no React: the popup's first paint shows them too.
import type { ReadStatus } from '@/lib/model/paper';
import type { SortOrder } from './library-view';

export const SORT_LABELS: Record<SortOrder, string> = { saved: 'Newest saved', published: 'Newest published', title: 'Title A–Z' };
export const STATUS_LABELS: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };
