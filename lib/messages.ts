import { z } from 'zod';
import { ArxivId, Paper, PaperMetadata, PaperSource, ReadStatus, Tag } from './paper';
import type { SavedState } from './papers';
import { isSupportedPageUrl } from './hosts';

/**
 * Messages to the background, the single writer of the database. Content scripts, the popup and the
 * library page send them; the background parses every one with `BackgroundRequest` before acting.
 * Names say who talks to whom and what happens: `<noun>/<verb>`.
 */
export const BackgroundRequest = z.discriminatedUnion('type', [
  /** content script → background: save (or complete) a paper seen on a page. */
  z.object({ type: z.literal('paper/save'), paper: PaperMetadata, source: PaperSource }).strict(),
  /** any page → background: forget a paper. */
  z.object({ type: z.literal('paper/remove'), id: ArxivId }).strict(),
  /** content script → background: which of a page's papers are saved (one round trip per page). */
  z.object({ type: z.literal('paper/saved-state'), ids: z.array(ArxivId).max(10_000) }).strict(),
  /** popup/library → background: the user's notes, tags and read status. */
  z
    .object({
      type: z.literal('paper/update'),
      id: ArxivId,
      patch: z
        .object({ notes: z.string().max(1_000_000), tags: z.array(Tag).max(200), status: ReadStatus })
        .partial()
        .strict(),
    })
    .strict(),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
export type BackgroundRequestType = BackgroundRequest['type'];

/** What each request answers with. */
export interface BackgroundResults {
  'paper/save': Paper;
  'paper/remove': { removed: boolean };
  'paper/saved-state': SavedState;
  'paper/update': Paper;
}

export type BackgroundReply<T extends BackgroundRequestType = BackgroundRequestType> =
  | { ok: true; result: BackgroundResults[T] }
  | { ok: false; error: string };

/** The parts of `runtime.MessageSender` the check needs. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Only this extension's own pages, and its content scripts on the supported sites, may talk to the
 * background. A web page cannot reach `runtime.onMessage` without `externally_connectable`, but a
 * compromised or unexpected frame could: check anyway, as Dark Reader does.
 */
export function isTrustedSender(sender: MessageSender, extension: { id: string; origin: string }): boolean {
  if (sender.id !== extension.id) return false;
  if (sender.url?.startsWith(extension.origin)) return true;
  return sender.tab !== undefined && isSupportedPageUrl(sender.url);
}

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

type Transport = (message: unknown) => Promise<unknown>;

/** Sends a request and unwraps the reply; a refused request throws `BackgroundError` with the reason. */
export async function sendToBackground<T extends BackgroundRequestType>(
  transport: Transport,
  request: Extract<BackgroundRequest, { type: T }>,
): Promise<BackgroundResults[T]> {
  const reply = (await transport(request)) as BackgroundReply<T> | undefined;
  if (!reply) throw new BackgroundError('PaperShelf background did not answer');
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.result;
}
