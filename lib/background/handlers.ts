/**
 * What the background does for each request, one named handler per type (after refined-github's
 * background): who may send it, what it is called in an error message, whether it changes papers, and
 * the work, which is the database's (lib/db/) and the lookup queue's (lib/lookup/enqueue.ts).
 */
import type { PaperShelfDb } from '@/lib/db/database';
import { assignMissingCitationKeys, importBibtex, restoreBackup, type Imported } from '@/lib/db/library-files';
import {
  clearCodeAppeared,
  removePaper,
  removePapers,
  savePaper,
  savedState,
  setCitationKey,
  updatePaper,
  updatePapers,
} from '@/lib/db/papers';
import { deleteFromTrash, restoreFromTrash } from '@/lib/db/trash';
import { enqueueLookups, refreshLookup } from '@/lib/lookup/enqueue';
import { inZoteroLibrary, sendToZotero, type ZoteroContext } from '@/lib/zotero/send';
import type { BackgroundRequest, BackgroundRequestType, BackgroundResults } from '@/lib/messaging/contract';
import type { ImportSummary } from '@/lib/model/imports';
import { endPiece } from '@/lib/model/timing';
import type { Paper, SavedState } from '@/lib/model/paper';
import { stagePiece, takeStaged } from './restore-staging';
import type { SenderKind } from './senders';

/** What a handler may use besides its request. */
export interface HandlerContext {
  db: PaperShelfDb;
  now: number;
  /** Tells every open tab which saved states changed, once the write has committed. */
  announceSavedState: (states: SavedState) => void;
  /** Lookups were queued (issue #6): the worker starts on them once the write has committed. */
  lookupsQueued: () => void;
  /** How the worker reaches Zotero on this computer (issue #13). */
  zotero: ZoteroReach;
}

/** The Zotero client's dependencies on the world, apart from the database and the clock. */
export type ZoteroReach = Omit<ZoteroContext, 'db' | 'now'>;

export interface Handler<T extends BackgroundRequestType> {
  /**
   * Who may send it: least privilege (issue #10). A content script runs inside a site's page, whose scripts
   * may have found a way to drive it; it may only save, remove to the Trash (undoable) and ask saved state.
   */
  from: readonly SenderKind[];
  /** For the error reply: "PaperShelf could not <action>: <reason>". */
  action: string;
  /** Whether it may change a paper (the toolbar badge counts again after it). */
  changesPapers: boolean;
  /**
   * Whether it is a write that must not be done twice: then it runs in one transaction with its receipt
   * (lib/db/receipts.ts), so it must await nothing but the database, and a request sent again after a
   * lost reply gets the first answer. Reads, and writes that change nothing when repeated, run as they are.
   */
  writes: boolean;
  run(request: Extract<BackgroundRequest, { type: T }>, context: HandlerContext): Promise<BackgroundResults[T]>;
}

/**
 * A listing's content script needs four requests: save, remove (to the Trash), which of its papers are saved,
 * and which are in Zotero (read-only: the answer is drawn in the controls the page cannot read).
 */
const ANY_SENDER: readonly SenderKind[] = ['extension-page', 'content-script'];
/** Everything else (edits, exports, imports, the Trash) only the popup and the library page may ask. */
const EXTENSION_PAGES: readonly SenderKind[] = ['extension-page'];

const named = ({ id, title }: Paper) => ({ id, title });

const states = (ids: readonly string[], saved: boolean): SavedState => Object.fromEntries(ids.map((id) => [id, saved]));

/**
 * Papers written together with their lookups, in one transaction (a saved paper always has its lookups
 * queued); then the tabs learn they are saved, and the worker starts on the lookups.
 */
async function writeAndQueue(context: HandlerContext, write: () => Promise<Paper[]>): Promise<Paper[]> {
  const { db, now } = context;
  const written = await db.transaction('rw', db.papers, db.lookups, db.trash, async () => {
    const papers = await write();
    await enqueueLookups(db, papers, now);
    return papers;
  });
  context.announceSavedState(
    states(
      written.map((paper) => paper.id),
      true,
    ),
  );
  context.lookupsQueued();
  return written;
}

/**
 * A backup or BibTeX import, with the lookups of what it wrote queued in the same transaction (a failure
 * anywhere leaves the library and the queue as they were); then the tabs learn of the added papers.
 */
async function runImport(context: HandlerContext, importing: () => Promise<Imported>): Promise<ImportSummary> {
  const { db, now } = context;
  const { summary, added, queued } = await db.transaction('rw', db.papers, db.lookups, db.trash, db.tombstones, async () => {
    const before = new Set(await db.papers.toCollection().primaryKeys());
    const { summary, written } = await importing();
    const at = performance.now();
    const added = written.filter((paper) => !before.has(paper.id)).map((paper) => paper.id);
    // Only what was written can need a lookup it lacks (issue #12: the whole library read again took seconds).
    const queued = await enqueueLookups(db, written, now);
    endPiece('import:lookups', at);
    return { summary, added, queued };
  });
  if (added.length > 0) context.announceSavedState(states(added, true));
  if (queued > 0) context.lookupsQueued();
  return summary;
}

export const HANDLERS: { [T in BackgroundRequestType]: Handler<T> } = {
  'paper/save': {
    from: ANY_SENDER,
    action: 'save the paper',
    changesPapers: true,
    writes: true,
    async run(request, context) {
      const [paper] = await writeAndQueue(context, async () => [await savePaper(context.db, request.paper, request.source, context.now)]);
      return paper!;
    },
  },
  'paper/remove': {
    from: ANY_SENDER,
    action: 'remove the paper',
    changesPapers: true,
    writes: true,
    async run(request, context) {
      const removed = await removePaper(context.db, request.id, context.now);
      if (removed) context.announceSavedState({ [request.id]: false });
      return { removed: removed !== undefined };
    },
  },
  'paper/saved-state': {
    from: ANY_SENDER,
    action: 'read which papers are saved',
    changesPapers: false,
    writes: false,
    run: (request, { db }) => savedState(db, request.ids),
  },
  'paper/update': {
    from: EXTENSION_PAGES,
    action: 'update the paper',
    changesPapers: true,
    writes: true,
    run: (request, { db, now }) => updatePaper(db, request.id, request.patch, now),
  },
  'papers/update': {
    from: EXTENSION_PAGES,
    action: 'update the papers',
    changesPapers: true,
    writes: true,
    run: async (request, { db, now }) => ({ updated: await updatePapers(db, request.ids, request.patch, now) }),
  },
  'papers/remove': {
    from: EXTENSION_PAGES,
    action: 'remove the papers',
    changesPapers: true,
    writes: true,
    async run(request, context) {
      const removed = await removePapers(context.db, request.ids, context.now);
      context.announceSavedState(
        states(
          removed.map((paper) => paper.id),
          false,
        ),
      );
      return { removed: removed.map(named) };
    },
  },
  'paper/set-citation-key': {
    from: EXTENSION_PAGES,
    action: 'change the citation key',
    changesPapers: true,
    writes: true,
    run: (request, { db, now }) => setCitationKey(db, request.id, request.key, now),
  },
  'library/assign-citation-keys': {
    from: EXTENSION_PAGES,
    action: 'give the papers citation keys',
    // Handing out citation keys is a write, though not an edit; done again it hands out none, so it needs
    // no receipt (which would keep 100,000 keys).
    changesPapers: true,
    writes: false,
    run: async (request, { db }) => ({ keys: await assignMissingCitationKeys(db, request.ids) }),
  },
  'library/restore-piece': {
    from: EXTENSION_PAGES,
    action: 'restore the backup',
    // Kept in the worker's memory until the commit: nothing is written, and a piece sent twice is refused there.
    changesPapers: false,
    writes: false,
    run: async (request) => ({ staged: stagePiece(request.restoreId, request.papers, request.trash) }),
  },
  'library/restore-commit': {
    from: EXTENSION_PAGES,
    action: 'restore the backup',
    changesPapers: true,
    writes: true,
    run: (request, context) =>
      runImport(context, () =>
        restoreBackup(context.db, takeStaged(request.restoreId, request), { includeRemoved: request.includeRemoved }),
      ),
  },
  'library/import-bibtex': {
    from: EXTENSION_PAGES,
    action: 'import the BibTeX file',
    changesPapers: true,
    writes: true,
    run: (request, context) => runImport(context, () => importBibtex(context.db, request, context.now)),
  },
  'trash/restore': {
    from: EXTENSION_PAGES,
    action: 'restore the papers from the Trash',
    changesPapers: true,
    writes: true,
    async run(request, context) {
      // Their lookups were dropped with them: queued again.
      const restored = await writeAndQueue(context, () => restoreFromTrash(context.db, request.ids));
      return { restored: restored.map(named) };
    },
  },
  'trash/delete': {
    from: EXTENSION_PAGES,
    action: 'delete the papers for good',
    changesPapers: false,
    writes: true,
    run: async (request, { db }) => ({ deleted: await deleteFromTrash(db, request.ids) }),
  },
  'paper/code-seen': {
    from: EXTENSION_PAGES,
    action: 'mark the paper’s new code as seen',
    // The badge may count new code.
    changesPapers: true,
    writes: true,
    run: async (request, { db }) => ({ cleared: await clearCodeAppeared(db, request.id) }),
  },
  'paper/refresh-lookup': {
    from: EXTENSION_PAGES,
    action: 'refresh the paper’s details',
    // It only queues lookups, whose answers come later.
    changesPapers: false,
    writes: true,
    async run(request, context) {
      const queued = await refreshLookup(context.db, request.id, context.now);
      context.lookupsQueued();
      return { queued };
    },
  },
  'zotero/send': {
    from: EXTENSION_PAGES,
    action: 'send the papers to Zotero',
    changesPapers: false,
    // A network request cannot wait inside a transaction: what Zotero accepted is recorded after its answer
    // (lib/db/zotero.ts), and a send asked again finds those papers sent before.
    writes: false,
    run: (request, { db, now, zotero }) => sendToZotero({ ...zotero, db, now }, request.ids, { resend: request.resend }),
  },
  'zotero/in-library': {
    from: ANY_SENDER,
    action: 'ask Zotero which papers it has',
    changesPapers: false,
    writes: false,
    run: (request, { db, now, zotero }) => inZoteroLibrary({ ...zotero, db, now }, request.ids),
  },
};
