import { z } from 'zod';
import { ArxivId, type SavedState } from '@/lib/model/paper';
import { typedItem } from './item';

/**
 * How a save in one tab reaches every other open listing tab without the `tabs` permission: the
 * background writes the changed states to `storage.local`, and every content script watches the key.
 * It survives the worker being stopped, unlike a port.
 */
export const SavedStateSignal = z.object({
  states: z.record(ArxivId, z.boolean()),
  /** Makes two identical changes in a row still fire `onChanged`. */
  at: z.number(),
});
export type SavedStateSignal = z.infer<typeof SavedStateSignal>;

/** The last change the background announced; undefined when there is none or it does not parse. */
export const savedStateSignal = typedItem<SavedStateSignal | undefined, SavedStateSignal>(
  'local:papershelf:saved-state-change',
  (stored) => SavedStateSignal.safeParse(stored).data,
);

/** The background's announcement of changed saved states, for every open tab (lib/background/). */
export const announceSavedState = (states: SavedState, at = Date.now()): Promise<void> => savedStateSignal.write({ states, at });
