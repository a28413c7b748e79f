import { browser } from 'wxt/browser';
// Types only: the schemas stay out of the content script's bundle (they are the background's to parse with).
import type { BackgroundReply, BackgroundRequest, BackgroundRequestType, BackgroundResults } from './contract';

/** The extension pages' (popup, library) way to ask the background, the single writer, for a change. */
export function askBackground<T extends BackgroundRequestType>(
  request: Extract<BackgroundRequest, { type: T }>,
): Promise<BackgroundResults[T]> {
  return sendToBackground((message) => browser.runtime.sendMessage(message), request);
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
