import { browser } from 'wxt/browser';
import { sendToBackground, type BackgroundRequest, type BackgroundRequestType, type BackgroundResults } from './messages';

/** The extension pages' (popup, library) way to ask the background, the single writer, for a change. */
export function askBackground<T extends BackgroundRequestType>(
  request: Extract<BackgroundRequest, { type: T }>,
): Promise<BackgroundResults[T]> {
  return sendToBackground((message) => browser.runtime.sendMessage(message), request);
}
