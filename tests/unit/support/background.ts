/**
 * The one background harness of the unit tests: the real router and handlers over a test database, with
 * what they announce to the tabs, queue for lookups and change recorded. Messages are sent as the browser
 * would deliver them, from one of `senders`.
 */
import { handleBackgroundMessage } from '@/lib/background/router';
import type { MessageSender } from '@/lib/background/senders';
import { PaperShelfDb } from '@/lib/db/database';
import { allPapers, readBackup } from '@/lib/db/reads';
import { bibtexFile, type BibtexFileOptions } from '@/lib/pages/export-bibtex';
import type { ImportSummary } from '@/lib/model/imports';
import { sendBackup } from '@/lib/pages/restore-backup';
import type { BackgroundReply, BackgroundRequest, BackgroundRequestType, BackgroundResults } from '@/lib/messaging/contract';
import type { SavedState } from '@/lib/model/paper';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import type { StatusTags } from '@/lib/formats/zotero-item';
import { zoteroMemory } from '@/lib/zotero/send';
import { createZoteroDouble } from '../../support/zotero-double.mjs';
import { uniqueDbName } from './factory';

export const extension = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id' };

/** Who sends, as `runtime.onMessage` describes them. */
export const senders = {
  contentScript: { id: extension.id, url: 'https://huggingface.co/papers', tab: { id: 1 } },
  popup: { id: extension.id, url: `${extension.origin}/popup.html` },
  library: { id: extension.id, url: `${extension.origin}/library.html` },
} satisfies Record<string, MessageSender>;

export interface TestBackground {
  readonly db: PaperShelfDb;
  /** The saved states announced to every tab, in order. */
  readonly announced: SavedState[];
  /** How often lookups were queued (the worker woken), and requests that may have changed papers ran (the badge recounted). */
  readonly counts: { lookupsQueued: number; libraryChanged: number };
  /** The time the handlers see (epoch ms); a test moves it. */
  now: number;
  /** Zotero on this computer, as the protocol double of tests/support/zotero-double.mjs (issue #13). */
  readonly zotero: ReturnType<typeof createZoteroDouble>;
  /** What the worker reads of the settings for Zotero, and whether the user left it the host permission; a test changes them. */
  zoteroSettings: { zoteroMark: boolean; zoteroStatusTags: StatusTags; permission: boolean };
  /** The reply to `message` from `sender` (the popup unless said), as the browser would deliver it. */
  send(message: unknown, sender?: MessageSender): Promise<BackgroundReply>;
  /** The result of `request`; a refusal throws with the reply's error. */
  ask<T extends BackgroundRequestType>(
    request: Extract<BackgroundRequest, { type: T }>,
    sender?: MessageSender,
  ): Promise<BackgroundResults[T]>;
  /** A BibTeX export, as the pages make it: read in the page, keys stored by the background where missing. */
  exportBibtex(options?: Partial<BibtexFileOptions>, sender?: MessageSender): Promise<{ text: string; count: number }>;
  /** The backup file, as the library page reads it. */
  backup(): Promise<{ text: string; count: number }>;
  /** Restores a backup file as the library page does: read in the page, sent in pieces, merged on the commit. */
  restore(text: string, options?: { includeRemoved?: boolean; sender?: MessageSender }): Promise<ImportSummary>;
  /** An empty database again, nothing recorded, and Zotero as it was. */
  reset(): Promise<void>;
}

/** A Zotero that is never there: for tests that call the router without the harness. */
export const unreachableZotero = {
  fetch: () => Promise.reject(new TypeError('Failed to fetch')),
  hasPermission: async () => true,
  settings: async () => DEFAULT_SETTINGS,
  sessionId: () => 'unused',
  memory: zoteroMemory(),
};

/** `db`: a database of the test's own (a page test's module graph); a fresh one otherwise. */
export function testBackground(options: { db?: PaperShelfDb; now?: number } = {}): TestBackground {
  let db = options.db ?? new PaperShelfDb(uniqueDbName());
  const zotero = createZoteroDouble();
  let sessions = 0;
  let memory = zoteroMemory();
  const background: TestBackground = {
    get db() {
      return db;
    },
    announced: [],
    counts: { lookupsQueued: 0, libraryChanged: 0 },
    now: options.now ?? 5000,
    zotero,
    zoteroSettings: { ...DEFAULT_SETTINGS, permission: true },
    send: (message, sender = senders.popup) =>
      handleBackgroundMessage(message, sender, {
        db,
        extension,
        now: () => background.now,
        announceSavedState: async (states) => void background.announced.push(states),
        lookupsQueued: () => void background.counts.lookupsQueued++,
        libraryChanged: () => void background.counts.libraryChanged++,
        zotero: {
          fetch: zotero.fetchFor(),
          hasPermission: async () => background.zoteroSettings.permission,
          settings: async () => background.zoteroSettings,
          sessionId: () => `test-session-${++sessions}`,
          memory,
          timeoutMs: 200,
        },
      }),
    async ask(request, sender) {
      const reply = await background.send(request, sender);
      if (!reply.ok) throw new Error(reply.error);
      return reply.result as BackgroundResults[typeof request.type];
    },
    exportBibtex: (options = {}, sender = senders.library) =>
      bibtexFile(
        (request) => background.ask(request as BackgroundRequest, sender) as never,
        () => allPapers(db),
        { flavour: 'bibtex', asciiOnly: false, ...options },
      ),
    backup: () => readBackup(db),
    restore: (text, { includeRemoved, sender = senders.library } = {}) =>
      sendBackup((request) => background.ask(request as BackgroundRequest, sender) as never, text, includeRemoved),
    async reset() {
      await db.delete();
      db = new PaperShelfDb(uniqueDbName());
      background.announced.length = 0;
      background.counts.lookupsQueued = 0;
      background.counts.libraryChanged = 0;
      background.zotero.reset();
      memory = zoteroMemory();
      background.zoteroSettings = { ...DEFAULT_SETTINGS, permission: true };
    },
  };
  return background;
}

/**
 * For page tests: `askBackground` answered by the harness over the page's own database, so a click travels
 * as in the extension: page → message → handler → database → the page's live copy → screen.
 * Use as `vi.mock('@/lib/messaging/client', () => realBackgroundClient(senders.popup))`.
 */
export function realBackgroundClient(sender: MessageSender) {
  return {
    askBackground: async (request: BackgroundRequest) => {
      // The database module of the test's own module graph (the page tests reset modules before each test).
      const { db } = await import('@/lib/db/database');
      return testBackground({ db, now: Date.now() }).ask(request, sender);
    },
  };
}
