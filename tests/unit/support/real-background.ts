// For page tests: `askBackground` answered by the real background handlers over the test's database, so a
// click travels as in the extension: page → message → handler → database → the page's live copy → screen.
// Use as `vi.mock('@/lib/messaging/client', () => realBackgroundClient('popup.html'))`.
import type { BackgroundRequest } from '@/lib/messaging/contract';

export async function realBackgroundClient(page: string) {
  const { handleBackgroundMessage } = await import('@/lib/background/router');
  return {
    askBackground: async (request: BackgroundRequest) => {
      // The database module of the test's own module graph (modules are reset before every test).
      const { db } = await import('@/lib/db/database');
      const reply = await handleBackgroundMessage(
        request,
        { id: 'papershelf', url: `chrome-extension://papershelf/${page}` },
        { db, extension: { id: 'papershelf', origin: 'chrome-extension://papershelf' }, announceSavedState: async () => undefined },
      );
      if (!reply.ok) throw new Error(reply.error);
      return reply.result;
    },
  };
}
