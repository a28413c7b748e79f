import type { PaperShelfDb } from './db';
import { BackgroundRequest, type BackgroundReply, type BackgroundResults, isTrustedSender, type MessageSender } from './messages';
import { exportBackup, exportBibtex, importBackup, importBibtex } from './library-io';
import { enqueueLookups, enqueueMissingLookups, refreshLookup } from './lookup/store';
import {
  removePaper,
  removePapers,
  restorePapers,
  savePaper,
  savedState,
  setCitationKey,
  updatePaper,
  updatePapers,
  type SavedState,
} from './papers';

export interface BackgroundDeps {
  db: PaperShelfDb;
  extension: { id: string; origin: string };
  /** Tells every open tab which saved states changed. */
  announceSavedState: (states: SavedState) => Promise<void>;
  /** Called after every write (the toolbar badge counts unread papers). */
  libraryChanged?: () => void;
  /** Called when lookups were queued (issue #6): the worker starts on them. */
  lookupsQueued?: () => void;
  now?: () => number;
}

/** What each request does, in words for an error message: "PaperShelf could not <action>: <reason>". */
const ACTIONS: Record<BackgroundRequest['type'], string> = {
  'paper/save': 'save the paper',
  'paper/remove': 'remove the paper',
  'paper/saved-state': 'read which papers are saved',
  'paper/update': 'update the paper',
  'papers/update': 'update the papers',
  'papers/remove': 'remove the papers',
  'papers/restore': 'restore the papers',
  'paper/set-citation-key': 'change the citation key',
  'library/export-bibtex': 'export BibTeX',
  'library/export-backup': 'back up the library',
  'library/import-backup': 'restore the backup',
  'library/import-bibtex': 'import the BibTeX file',
  'paper/refresh-lookup': 'refresh the paper’s details',
};

const states = (ids: readonly string[], saved: boolean): SavedState => Object.fromEntries(ids.map((id) => [id, saved]));

async function run(request: BackgroundRequest, deps: BackgroundDeps): Promise<BackgroundResults[BackgroundRequest['type']]> {
  const { db } = deps;
  const now = deps.now?.() ?? Date.now();
  switch (request.type) {
    case 'paper/save': {
      // One transaction: a saved paper always has its lookups queued.
      const paper = await db.transaction('rw', db.papers, db.lookups, async () => {
        const saved = await savePaper(db, request.paper, request.source, now);
        await enqueueLookups(db, [saved], now);
        return saved;
      });
      await deps.announceSavedState({ [paper.id]: true });
      deps.lookupsQueued?.();
      return paper;
    }
    case 'paper/remove': {
      const removed = await removePaper(db, request.id);
      if (removed) await deps.announceSavedState({ [request.id]: false });
      return { removed: removed !== undefined };
    }
    case 'paper/saved-state':
      return savedState(db, request.ids);
    case 'paper/update':
      return updatePaper(db, request.id, request.patch, now);
    case 'papers/update':
      return { updated: await updatePapers(db, request.ids, request.patch, now) };
    case 'papers/remove': {
      const removed = await removePapers(db, request.ids);
      await deps.announceSavedState(
        states(
          removed.map((paper) => paper.id),
          false,
        ),
      );
      return { removed };
    }
    case 'papers/restore': {
      // The removal dropped their queued lookups.
      const restored = await db.transaction('rw', db.papers, db.lookups, async () => {
        const count = await restorePapers(db, request.papers);
        await enqueueLookups(db, request.papers, now);
        return count;
      });
      await deps.announceSavedState(
        states(
          request.papers.map((paper) => paper.id),
          true,
        ),
      );
      deps.lookupsQueued?.();
      return { restored };
    }
    case 'paper/set-citation-key':
      return setCitationKey(db, request.id, request.key, now);
    case 'library/export-bibtex':
      return exportBibtex(db, request);
    case 'library/export-backup':
      return exportBackup(db);
    case 'library/import-backup':
    case 'library/import-bibtex': {
      const before = new Set(await db.papers.toCollection().primaryKeys());
      const summary =
        request.type === 'library/import-backup' ? await importBackup(db, request.text) : await importBibtex(db, request, now);
      const added = (await db.papers.toCollection().primaryKeys()).filter((id) => !before.has(id));
      if (added.length > 0) await deps.announceSavedState(states(added, true));
      if (summary.added + summary.updated > 0 && (await enqueueMissingLookups(db, now)) > 0) deps.lookupsQueued?.();
      return summary;
    }
    case 'paper/refresh-lookup': {
      const queued = await refreshLookup(db, request.id, now);
      deps.lookupsQueued?.();
      return { queued };
    }
  }
}

/** Requests that change no paper (a refresh only queues lookups, whose answers come later). */
const READ_ONLY = new Set<BackgroundRequest['type']>(['paper/saved-state', 'library/export-backup', 'paper/refresh-lookup']);

/** Checks the sender, parses the message, runs it. Never throws: every failure is an error reply. */
export async function handleBackgroundMessage(message: unknown, sender: MessageSender, deps: BackgroundDeps): Promise<BackgroundReply> {
  if (!isTrustedSender(sender, deps.extension)) {
    return { ok: false, error: 'PaperShelf accepts messages only from its own pages and content scripts' };
  }
  const parsed = BackgroundRequest.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: `Malformed PaperShelf message: ${parsed.error.issues.map(describeIssue).join('; ')}` };
  }
  try {
    const result = await run(parsed.data, deps);
    if (!READ_ONLY.has(parsed.data.type)) deps.libraryChanged?.();
    return { ok: true, result };
  } catch (error) {
    // A full disk surfaces here as a QuotaExceededError from IndexedDB: say so, nothing was written.
    return { ok: false, error: `PaperShelf could not ${ACTIONS[parsed.data.type]}: ${describeError(error)}` };
  }
}

/** Dexie wraps the cause of an aborted transaction and repeats it on a second line; one line is enough. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = error.message.split('\n')[0]!.trim();
  return error.name === 'Error' || message.startsWith(error.name) ? message : `${error.name}: ${message}`;
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
