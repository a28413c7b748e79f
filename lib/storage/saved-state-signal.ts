import { browser } from 'wxt/browser';
import { canonicalArxivId } from '@/lib/model/arxiv-id';
import type { SavedState } from '@/lib/model/paper';

/**
 * How a save in one tab reaches every other open listing tab without the `tabs` permission: the
 * background writes the changed states to `storage.local`, and every content script watches the key.
 * It survives the worker being stopped, unlike a port. Plain `storage` calls and a check by hand: the
 * content script carries neither a schema library nor WXT's storage wrapper (issue #12).
 */
export interface SavedStateSignal {
  states: SavedState;
  /** Too many papers changed to list (an import): every tab asks again about its own. */
  everything?: true;
  /** Makes two identical changes in a row still fire `onChanged`. */
  at: number;
}

const KEY = 'papershelf:saved-state-change';

/**
 * The most ids one announcement lists (issue #10): a 100,000-paper import would otherwise hand every
 * open tab all 100,000; past this, the tabs are told to ask about their own papers instead.
 */
export const MAX_ANNOUNCED = 1000;

/** The stored value as a signal; undefined when it is none (another version wrote it, say). */
export function readSignal(stored: unknown): SavedStateSignal | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { states, everything, at } = stored as Record<string, unknown>;
  if (typeof at !== 'number' || typeof states !== 'object' || states === null || Array.isArray(states)) return undefined;
  if (everything !== undefined && everything !== true) return undefined;
  for (const [id, saved] of Object.entries(states)) if (canonicalArxivId(id) !== id || typeof saved !== 'boolean') return undefined;
  return { states: states as SavedState, at, ...(everything && { everything }) };
}

/** The background's announcement of changed saved states, for every open tab (lib/background/). */
export const announceSavedState = (states: SavedState, at = Date.now()): Promise<void> =>
  browser.storage.local.set({
    [KEY]: Object.keys(states).length > MAX_ANNOUNCED ? { states: {}, everything: true, at } : { states, at },
  });

/** Calls `listener` with every announcement (undefined for a value that is none); returns the unwatch. */
export function watchSavedState(listener: (signal: SavedStateSignal | undefined) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(readSignal(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
