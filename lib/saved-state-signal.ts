import { z } from 'zod';
import { ArxivId } from './paper';

/**
 * How a save in one tab reaches every other open listing tab without the `tabs` permission:
 * the background writes the changed states to `storage.local` under this key, and every content
 * script listens to `storage.onChanged`. It survives the worker being stopped, unlike a port.
 */
export const SAVED_STATE_SIGNAL_KEY = 'papershelf:saved-state-change';

export const SavedStateSignal = z.object({
  states: z.record(ArxivId, z.boolean()),
  /** Makes two identical changes in a row still fire `onChanged`. */
  at: z.number(),
});
export type SavedStateSignal = z.infer<typeof SavedStateSignal>;
