import { browser } from 'wxt/browser';
// Types only: the schemas stay out of the content script's bundle (they are the background's to parse with).
import type { BackgroundReply, BackgroundRequestInput, BackgroundRequestType, BackgroundResults } from './contract';

/** The extension pages' (popup, library) way to ask the background, the single writer, for a change. */
export function askBackground<T extends BackgroundRequestType>(
  request: Extract<BackgroundRequestInput, { type: T }>,
): Promise<BackgroundResults[T]> {
  return sendToBackground((message) => browser.runtime.sendMessage(message), request);
}

export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

/** The extension was updated, reloaded or removed: this page's scripts can no longer reach it. */
export class ExtensionGoneError extends BackgroundError {
  override name = 'ExtensionGoneError';
  constructor() {
    super('PaperShelf was updated — reload the page');
  }
}

type Transport = (message: unknown) => Promise<unknown>;

/**
 * How long to wait before each new attempt when a request got no reply: the worker was stopped (Chrome
 * stops idle ones, and may stop one mid-task) and the browser starts it again for the next message.
 */
export const RETRY_DELAYS_MS = [100, 400, 1500];

export interface SendOptions {
  wait?: (ms: number) => Promise<void>;
}

/**
 * Sends a request and unwraps the reply; a refused request throws `BackgroundError` with the reason.
 * A request whose reply was lost is sent again with the same request id, which the background answers
 * from its receipt if it did the work already (lib/db/receipts.ts), so nothing is done twice.
 */
export async function sendToBackground<T extends BackgroundRequestType>(
  transport: Transport,
  request: Extract<BackgroundRequestInput, { type: T }>,
  { wait = sleep }: SendOptions = {},
): Promise<BackgroundResults[T]> {
  const message = { ...request, requestId: crypto.randomUUID() };
  for (let attempt = 0; ; attempt++) {
    let reply: BackgroundReply<T> | undefined;
    let lost: unknown;
    try {
      reply = (await transport(message)) as BackgroundReply<T> | undefined;
    } catch (error) {
      if (isExtensionGone(error)) throw new ExtensionGoneError();
      lost = error;
    }
    if (reply) {
      if (!reply.ok) throw new BackgroundError(reply.error);
      return reply.result;
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) {
      throw new BackgroundError(`PaperShelf background did not answer${lost === undefined ? '' : ` (${errorText(lost)})`}`);
    }
    await wait(delay);
  }
}

/** Chrome's words when the extension behind a content script was reloaded, updated or removed. */
function isExtensionGone(error: unknown): boolean {
  return /extension context invalidated/i.test(errorText(error));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
