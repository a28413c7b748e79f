// What crosses the extension's message boundary, as the page sees it (issue #12): the size of every request
// an extension page sends to the background and of its reply, and any "Message length exceeded" error (or Chrome's "Message exceeded maximum allowed size of 64MiB").
// Chrome refuses a runtime message over 64 MiB; a request or reply near that is a bug waiting for a larger library.

/** Chrome's limit for one runtime message (extensions/renderer/api/messaging/messaging_util.cc). */
export const MESSAGE_LIMIT = 64 * 1024 * 1024;

/**
 * Installs, before the page's own scripts run, a wrapper around `chrome.runtime.sendMessage` that records
 * each message's type, its JSON size (in UTF-16 code units, which is what Chrome's limit counts after
 * serialization, near enough) and its reply's, and every error thrown.
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function watchMessages(context) {
  await context.addInitScript(() => {
    const runtime = globalThis.chrome?.runtime;
    if (!runtime?.sendMessage || !location.protocol.startsWith('chrome-extension')) return;
    const sent = [];
    globalThis.__papershelfMessages = sent;
    const original = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = async (message, ...rest) => {
      const entry = { type: message?.type, bytes: JSON.stringify(message)?.length ?? 0, replyBytes: 0, error: null, at: performance.now() };
      sent.push(entry);
      try {
        const reply = await original(message, ...rest);
        entry.replyBytes = JSON.stringify(reply)?.length ?? 0;
        entry.ms = performance.now() - entry.at;
        if (reply && reply.ok === false) entry.error = reply.error;
        return reply;
      } catch (error) {
        entry.error = String(error?.message ?? error);
        throw error;
      }
    };
  });
}

/**
 * The messages a page sent since `from` (an index into its log).
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<{ type: string, bytes: number, replyBytes: number, error: string | null, ms?: number }[]>}
 */
export function messagesOf(page, from = 0) {
  return page.evaluate((start) => (globalThis.__papershelfMessages ?? []).slice(start), from);
}

/** The largest message (request or reply) of a log, in MiB, and whether any broke the limit or failed on its length. */
export function largest(messages) {
  const bytes = Math.max(0, ...messages.flatMap((message) => [message.bytes, message.replyBytes]));
  const exceeded =
    messages.some((message) => /message length exceeded|exceeded maximum allowed size/i.test(message.error ?? '')) || bytes > MESSAGE_LIMIT;
  return { mib: bytes / 1024 / 1024, exceeded };
}

/**
 * The background's own timing of each request (`papershelf:handle:<type>` measures the router leaves in the
 * service worker), since `from` milliseconds of the worker's clock.
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function workerMeasures(context) {
  const worker = context.serviceWorkers()[0];
  if (!worker) return [];
  return worker.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('papershelf:'))
      .map((entry) => ({ name: entry.name, duration: entry.duration, detail: entry.detail ?? null })),
  );
}
