import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from './db';

/**
 * The papers whose lookup the user is waiting for (just saved, or refreshed), live from the worker's
 * queue (issue #6); undefined when lookups are turned off, so no paper shows "looking up…" forever.
 * Background rechecks are not shown: they are tomorrow's work, not something to wait for. Keys only,
 * through the `reason` index: cheap even while a large import is queued.
 */
export function usePendingLookups(enabled: boolean | undefined): ReadonlySet<string> | undefined {
  const keys = useLiveQuery(() => (enabled ? db.lookups.where('reason').anyOf('new', 'refresh').primaryKeys() : []), [enabled]);
  return useMemo(() => (enabled ? new Set((keys ?? []).map(([id]) => id)) : undefined), [enabled, keys]);
}
