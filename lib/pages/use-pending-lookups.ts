import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '@/lib/db/database';

/**
 * The papers whose lookup the user is waiting for, live from the worker's queue (issue #6): just saved
 * or refreshed, and not failed yet. A task that failed waits minutes to hours for its retry, and a
 * recheck is tomorrow's work: neither is something to wait for, and the row offers Refresh instead.
 * Undefined when lookups are turned off, so no paper says "looking up…" forever. Keys only, through
 * an index: cheap even while a large import is queued.
 */
export function usePendingLookups(enabled: boolean | undefined): ReadonlySet<string> | undefined {
  const keys = useLiveQuery(
    () =>
      enabled
        ? db.lookups
            .where('[reason+attempts]')
            .anyOf([
              ['new', 0],
              ['refresh', 0],
            ])
            .primaryKeys()
        : [],
    [enabled],
  );
  return useMemo(() => (enabled ? new Set((keys ?? []).map(([id]) => id)) : undefined), [enabled, keys]);
}
