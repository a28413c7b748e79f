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
  /** Too many papers changed to list (an import): every tab asks again about its own. */
  everything: z.literal(true).optional(),
  /** Makes two identical changes in a row still fire `onChanged`. */
  at: z.number(),
});
export type SavedStateSignal = z.infer<typeof SavedStateSignal>;

/** The last change the background announced; undefined when there is none or it does not parse. */
export const savedStateSignal = typedItem<SavedStateSignal | undefined, SavedStateSignal>(
  'local:papershelf:saved-state-change',
  (stored) => SavedStateSignal.safeParse(stored).data,
);

/**
 * The most ids one announcement lists (issue #10): a 100,000-paper import would otherwise hand every
 * open tab all 100,000; past this, the tabs are told to ask about their own papers instead.
 */
export const MAX_ANNOUNCED = 1000;

/** The background's announcement of changed saved states, for every open tab (lib/background/). */
export const announceSavedState = (states: SavedState, at = Date.now()): Promise<void> =>
  savedStateSignal.write(Object.keys(states).length > MAX_ANNOUNCED ? { states: {}, everything: true, at } : { states, at });
