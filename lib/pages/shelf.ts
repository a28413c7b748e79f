import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { db } from '@/lib/db/database';
import { everyPaper, readBackup } from '@/lib/db/reads';
import type { BibtexFlavour } from '@/lib/formats/bibtex';
import { BACKUP_TYPE, backupFileName, BIBTEX_TYPE, bibtexFileName } from '@/lib/formats/file-names';
import { askBackground } from '@/lib/messaging/client';
import type { PaperName } from '@/lib/model/paper';
import type { ImportSummary } from '@/lib/model/imports';
import type { Paper, ReadStatus } from '@/lib/model/paper';
import type { Settings } from '@/lib/model/settings';
import type { ZoteroRecord } from '@/lib/model/zotero';
import {
  DEFAULT_VIEW,
  filterPapers,
  isFiltered,
  PaperSearch,
  type SearchProgress,
  SearchIndex,
  sortPapers,
  tagCounts,
  type ViewChoices,
} from '@/lib/view/library-view';
import { quotedTitle, type Notice } from '@/lib/view/notice';
import { afterNextPaint } from './after-paint';
import { downloadTextFile } from './downloads';
import { bibtexFile } from './export-bibtex';
import { importBibtexFile } from './import-bibtex-file';
import { clearDraft, recoverDrafts, writeDraft } from './note-drafts';
import { sendBackup } from './restore-backup';
import { requestZoteroAccess, sendPapersToZotero } from './send-to-zotero';
import { useZoteroRecords } from './use-zotero-records';
import { useSavedPapers } from './use-library';
import { usePendingLookups } from './use-pending-lookups';
import { useSettings } from './use-settings';
import { useViewChoices } from './use-view-choices';

/**
 * What the popup and the library page share: the saved papers (read live from IndexedDB), the search,
 * filters and sort, and the actions, each a request to the background (the only writer) that reports its
 * outcome as a notice. The pages add their layout; the components get plain values and callbacks.
 */

export interface ShelfActions {
  setStatus(paper: Paper, status: ReadStatus): void;
  setTags(paper: Paper, tags: string[]): void;
  /** Resolves with the conflict when the notes changed elsewhere since `base` (nothing was overwritten). */
  saveNotes(paperId: string, notes: string, base: string): Promise<{ conflict?: { notes: string } }>;
  draftNotes(paperId: string, notes: string, base: string): void;
  remove(paper: Paper): void;
  copyBibtex(paper: Paper): void;
  /** Asks the background to look the paper up again; the row shows "looking up…" meanwhile. */
  refreshDetails(paper: Paper): void;
  /** The user opened a paper marked "new code": the mark goes (issue #8). */
  codeSeen(paper: Paper): void;
  /** Papers back from the Trash, as they were removed (issue #9). */
  restoreFromTrash(ids: string[]): void;
  /** Papers gone from the Trash for good; the whole Trash when `ids` is undefined. */
  deleteForever(ids: string[] | undefined): void;
  /** Sends papers to the Zotero desktop app (issue #13), asking before sending again one sent before. */
  sendToZotero(papers: readonly Paper[]): void;
  /** Bulk edits of the library page. */
  removeMany(papers: readonly Paper[]): void;
  updateMany(ids: readonly string[], patch: { status?: ReadStatus; addTags?: string[]; removeTags?: string[] }, done: string): void;
  /** Downloads `papershelf-YYYY-MM-DD.bib` of these papers (all when `ids` is undefined). */
  exportBibtex(ids: readonly string[] | undefined, options?: { flavour?: BibtexFlavour; asciiOnly?: boolean }): void;
  /** Throws with the background's reason (a key in use, a malformed key) so the editor can show it. */
  setCitationKey(paperId: string, key: string): Promise<void>;
  backUp(): void;
  /** Resolve with what the import did; reject with why nothing was changed. */
  restoreBackup(fileName: string, text: string, includeRemoved?: boolean): Promise<ImportSummary>;
  importBibtex(fileName: string, text: string): Promise<ImportSummary>;
}

export interface ShelfDependencies {
  ask: typeof askBackground;
  /** Parses a BibTeX file in the page and sends its papers (lib/pages/import-bibtex-file.ts). */
  importBibtexText?: (text: string) => Promise<ImportSummary>;
  notify: (notice: Omit<Notice, 'id'>) => void;
  writeClipboard: (text: string) => Promise<void>;
  download: (fileName: string, text: string, type: string) => void;
  /** Where note drafts survive the page closing (see note-drafts.ts). */
  drafts?: Storage;
  now?: () => Date;
  /**
   * The backup file of the library, read in the page: at 100,000 papers it is ~140 MB, more than one message
   * from the background may hold (issue #12). The database's own read unless a test gives another.
   */
  readBackup?: () => Promise<{ text: string; count: number }>;
  /** Every saved paper, for BibTeX exports: the database's own read unless a test gives another. */
  readPapers?: () => Promise<Paper[]>;
  /** Search text typed before the page was live (the popup's first paint). */
  initialQuery?: string;
  /** The yes/no question before sending a paper to Zotero again (`window.confirm` unless a test gives another). */
  confirm?: (question: string) => boolean;
  /** Whether PaperShelf may reach Zotero, asking the user when they withheld it (lib/pages/send-to-zotero.ts). */
  requestZoteroAccess?: () => Promise<boolean>;
}

const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createShelfActions(deps: ShelfDependencies): ShelfActions {
  const { ask, notify } = deps;
  let draftsRefused = false;
  const now = deps.now ?? (() => new Date());
  const fail = (what: string) => (error: unknown) => notify({ tone: 'error', text: `${what}: ${reason(error)}` });

  // The removed papers are in the Trash, whole: Undo takes them back from there, as they were.
  const restore = (removed: readonly PaperName[]) => {
    ask({ type: 'trash/restore', ids: removed.map((paper) => paper.id) })
      .then(({ restored }) =>
        notify({
          tone: 'info',
          text: restored.length === 1 ? `Restored ${quotedTitle(restored[0]!.title)}.` : `Restored ${plural(restored.length, 'paper')}.`,
        }),
      )
      .catch(fail('Could not undo the removal'));
  };

  const removeMany = (papers: readonly Paper[]) => {
    if (papers.length === 0) return;
    ask({ type: 'papers/remove', ids: papers.map((paper) => paper.id) })
      .then(({ removed }) => {
        if (removed.length === 0) return;
        notify({
          tone: 'info',
          text: removed.length === 1 ? `Removed ${quotedTitle(removed[0]!.title)}.` : `Removed ${plural(removed.length, 'paper')}.`,
          action: { label: 'Undo', run: () => restore(removed) },
        });
      })
      .catch(fail(papers.length === 1 ? `Could not remove ${quotedTitle(papers[0]!.title)}` : 'Could not remove the papers'));
  };

  const bibtex = (ids: readonly string[] | undefined, flavour: BibtexFlavour = 'bibtex', asciiOnly = false) =>
    bibtexFile(ask, deps.readPapers ?? (() => everyPaper(db)), { ...(ids && { ids }), flavour, asciiOnly });

  return {
    setStatus(paper, status) {
      ask({ type: 'paper/update', id: paper.id, patch: { status } }).catch(fail(`Could not mark ${quotedTitle(paper.title)} ${status}`));
    },
    setTags(paper, tags) {
      // What changed from the tags shown, not the whole list: a change another window made meanwhile stays.
      const addTags = tags.filter((tag) => !paper.tags.includes(tag));
      const removeTags = paper.tags.filter((tag) => !tags.includes(tag));
      ask({ type: 'paper/update', id: paper.id, patch: { addTags, removeTags } }).catch(
        fail(`Could not change the tags of ${quotedTitle(paper.title)}`),
      );
    },
    async saveNotes(paperId, text, base) {
      const { conflict } = await ask({ type: 'paper/update', id: paperId, patch: { notes: { text, base } } });
      // In a conflict the draft stays: it is the user's text until they choose.
      if (deps.drafts && !conflict) clearDraft(deps.drafts, paperId, text);
      return conflict ? { conflict } : {};
    },
    draftNotes(paperId, text, base) {
      if (!deps.drafts) return;
      const kept = writeDraft(deps.drafts, paperId, text, base);
      // Said once until drafts can be kept again, not at every keystroke.
      if (!kept && !draftsRefused)
        notify({
          tone: 'error',
          text: 'The browser’s storage for PaperShelf is full: notes are still saved as you type, but a draft no longer survives closing this page mid-save. Free some disk space.',
        });
      draftsRefused = !kept;
    },
    remove(paper) {
      removeMany([paper]);
    },
    removeMany,
    restoreFromTrash(ids) {
      ask({ type: 'trash/restore', ids })
        .then(({ restored }) =>
          notify({
            tone: 'info',
            text: restored.length === 1 ? `Restored ${quotedTitle(restored[0]!.title)}.` : `Restored ${plural(restored.length, 'paper')}.`,
          }),
        )
        .catch(fail('Could not restore from the Trash'));
    },
    deleteForever(ids) {
      ask({ type: 'trash/delete', ...(ids && { ids }) })
        .then(({ deleted }) => notify({ tone: 'info', text: `Deleted ${plural(deleted, 'paper')} for good.` }))
        .catch(fail('Could not delete from the Trash'));
    },
    codeSeen(paper) {
      ask({ type: 'paper/code-seen', id: paper.id }).catch(fail(`Could not clear the new-code mark of ${quotedTitle(paper.title)}`));
    },
    refreshDetails(paper) {
      ask({ type: 'paper/refresh-lookup', id: paper.id }).catch(fail(`Could not refresh ${quotedTitle(paper.title)}`));
    },
    copyBibtex(paper) {
      bibtex([paper.id])
        // The file header ("% 1 paper exported by PaperShelf") is noise in a pasted entry.
        .then(({ text }) => deps.writeClipboard(text.replace(/^(?:%[^\n]*\n)+\n*/, '')))
        .then(() => notify({ tone: 'info', text: `BibTeX of ${quotedTitle(paper.title)} copied.` }))
        .catch(fail('Could not copy the BibTeX'));
    },
    updateMany(ids, patch, done) {
      if (ids.length === 0) return;
      ask({ type: 'papers/update', ids: [...ids], patch })
        .then(({ updated }) => notify({ tone: 'info', text: `${done}: ${plural(updated, 'paper')}.` }))
        .catch(fail('Could not change the papers'));
    },
    exportBibtex(ids, options = {}) {
      bibtex(ids, options.flavour, options.asciiOnly)
        .then(({ text, count }) => {
          deps.download(bibtexFileName(now()), text, BIBTEX_TYPE);
          notify({ tone: 'info', text: `Exported ${plural(count, 'paper')} as BibTeX.` });
        })
        .catch(fail('Could not export BibTeX'));
    },
    async setCitationKey(paperId, key) {
      await ask({ type: 'paper/set-citation-key', id: paperId, key });
      notify({ tone: 'info', text: `Citation key set to ${key}.` });
    },
    backUp() {
      (deps.readBackup ?? (() => readBackup(db)))()
        .then(({ text, count }) => {
          deps.download(backupFileName(now()), text, BACKUP_TYPE);
          notify({ tone: 'info', text: `Backed up ${plural(count, 'paper')}.` });
        })
        .catch(fail('Could not back up the library'));
    },
    sendToZotero(papers) {
      void sendPapersToZotero(
        {
          ask,
          notify,
          confirm: deps.confirm ?? ((question) => window.confirm(question)),
          requestAccess: deps.requestZoteroAccess ?? requestZoteroAccess,
        },
        papers,
      );
    },
    // The library page shows what an import did beside its buttons (with the skipped entries), so no notice.
    restoreBackup: (_fileName, text, includeRemoved) => sendBackup(ask, text, includeRemoved),
    importBibtex: (_fileName, text) => (deps.importBibtexText ?? importBibtexFile)(text),
  };
}

export interface Shelf {
  /** undefined until the stored view choices are read. */
  view: ViewChoices | undefined;
  setView: (view: ViewChoices) => void;
  query: string;
  setQuery: (query: string) => void;
  /** Every saved paper (undefined while loading; only the newest while `complete` is false). */
  papers: Paper[] | undefined;
  complete: boolean;
  /** The papers the list shows: searched, filtered and sorted. */
  shown: Paper[] | undefined;
  filtered: boolean;
  tags: { tag: string; count: number }[];
  knownTags: string[];
  unread: number;
  summary: string;
  /** Why the list has no rows, when it has none. */
  emptyState: 'loading' | 'searching' | 'empty' | 'no-matches';
  /** Clears the search and the filters (the sort stays). */
  clearFilters: () => void;
  notice: Notice | null;
  dismissNotice: () => void;
  actions: ShelfActions;
  /** The search and the view choices as both pages' ViewControls take them; undefined while there is nothing to search. */
  viewControls: ViewControlsState | undefined;
  settings: Settings | undefined;
  setSettings: (next: Settings) => void;
  /** The papers whose lookup the user is waiting for (undefined with lookups off). */
  lookingUp: ReadonlySet<string> | undefined;
  /** What PaperShelf knows of each paper in Zotero (issue #13): sent when, and whether the local API found it. */
  zotero: ReadonlyMap<string, ZoteroRecord>;
}

export interface ViewControlsState {
  query: string;
  onQueryChange: (query: string) => void;
  view: ViewChoices;
  onViewChange: (view: ViewChoices) => void;
  tags: { tag: string; count: number }[];
}

/** The page's own clipboard, downloads and note drafts; tests hand in others. */
const pageDependencies = (): Omit<ShelfDependencies, 'ask' | 'notify'> => ({
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  download: (fileName, text, type) => downloadTextFile(document, fileName, text, type),
  drafts: localStorage,
});

/** The popup's and the library page's state and actions. `dependencies` replace the page's own (clipboard, download, drafts). */
export function useShelf(dependencies: Partial<Omit<ShelfDependencies, 'ask' | 'notify'>> = {}): Shelf {
  const [view, setView] = useViewChoices();
  const [settings, setSettings] = useSettings();
  const lookingUp = usePendingLookups(settings?.lookups);
  const zotero = useZoteroRecords();
  const [query, setQuery] = useState(dependencies.initialQuery ?? '');
  const { papers, complete } = useSavedPapers(view?.sort);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeCount = useRef(0);

  const notify = useCallback((next: Omit<Notice, 'id'>) => setNotice({ ...next, id: ++noticeCount.current }), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  // The pages pass their dependencies once; the actions stay the same object, so rows need not re-render.
  const initialDependencies = useRef({ ...pageDependencies(), ...dependencies });
  const actions = useMemo(() => createShelfActions({ ask: askBackground, notify, ...initialDependencies.current }), [notify]);

  // Notes typed just before a page closed, whose save may not have reached the background.
  useEffect(() => {
    const drafts = initialDependencies.current.drafts;
    if (!drafts) return;
    return afterNextPaint(() =>
      recoverDrafts(
        drafts,
        (id) => db.papers.get(id),
        (id, notes) => askBackground({ type: 'paper/update', id, patch: { notes } }),
      ).catch((error: unknown) => console.warn('PaperShelf: could not recover note drafts', error)),
    );
  }, []);

  const index = useMemo(() => new SearchIndex(), []);
  const search = useMemo(() => new PaperSearch(index), [index]);
  // Fold every paper's text once the list is on screen, so the first keystroke does not pay for it.
  useEffect(() => (complete && papers ? index.prepareInSlices(papers) : undefined), [index, papers, complete]);

  const sort = view?.sort;
  const sorted = useMemo(() => (papers && sort ? sortPapers(papers, sort) : undefined), [papers, sort]);
  const status = view?.status;
  const tag = view?.tag;
  const hasCode = view?.hasCode;
  const newCode = view?.newCode;
  const faceted = useMemo(
    () =>
      sorted && status !== undefined && tag !== undefined && hasCode !== undefined && newCode !== undefined
        ? filterPapers(sorted, { status, tag, hasCode, newCode })
        : undefined,
    [sorted, status, tag, hasCode, newCode],
  );
  const searched = useSearch(search, faceted, query);
  const shown = searched?.papers;
  const searching = searched ? !searched.complete : false;

  const firstRowsMarked = useRef(false);
  useLayoutEffect(() => {
    if (!firstRowsMarked.current && shown && shown.length > 0) {
      firstRowsMarked.current = true;
      // The popup's first paint (lib/pages/first-paint.ts) may have shown rows already.
      if (performance.getEntriesByName('papershelf:first-rows').length === 0) performance.mark('papershelf:first-rows');
      performance.mark('papershelf:live-rows');
    }
  }, [shown]);
  useLayoutEffect(() => {
    if (complete) performance.mark('papershelf:all-rows');
  }, [complete]);

  const tags = useMemo(() => (papers && complete ? tagCounts(papers) : []), [papers, complete]);
  const knownTags = useMemo(() => tags.map(({ tag }) => tag), [tags]);
  const unread = useMemo(() => papers?.reduce((count, paper) => count + (paper.status === 'unread' ? 1 : 0), 0) ?? 0, [papers]);
  const filtered = view ? isFiltered(view, query) : false;

  let summary = '';
  if (papers && shown) {
    if (!complete) summary = 'Loading all papers…';
    else if (searching) summary = `Searching… ${shown.length.toLocaleString('en')} so far`;
    else if (filtered) summary = `${shown.length.toLocaleString('en')} of ${plural(papers.length, 'paper')}`;
    else summary = plural(papers.length, 'paper');
  }

  const emptyState =
    !shown || (!complete && shown.length === 0) ? 'loading' : papers?.length === 0 ? 'empty' : searching ? 'searching' : 'no-matches';
  const clearFilters = () => {
    setQuery('');
    setView({ ...DEFAULT_VIEW, sort: view?.sort ?? DEFAULT_VIEW.sort });
  };

  return {
    view,
    setView,
    query,
    setQuery,
    papers,
    complete,
    shown,
    filtered,
    tags,
    knownTags,
    unread,
    summary,
    emptyState,
    clearFilters,
    notice,
    dismissNotice,
    actions,
    viewControls: view && emptyState !== 'empty' ? { query, onQueryChange: setQuery, view, onViewChange: setView, tags } : undefined,
    settings,
    setSettings,
    lookingUp,
    zotero,
  };
}

/** How long a search runs in one task before it lets the page paint what it found (issue #12; 3 ms kept a 100,000-paper keystroke p95 at 43 ms, as 6 ms did, with shorter tasks). */
const SEARCH_SLICE_MS = 3;
/** More matches than a screen of rows: once found, the slices after it need not render the list again... */
const SCREEN_OF_ROWS = 100;
/** ...until the search ends, or for the count and the scroll length to grow now and then meanwhile. */
const SEARCH_REDRAW_MS = 250;

/**
 * The search's answer for the current list and query. It runs in slices of a few milliseconds: the first
 * slice is in the render that follows the keystroke, so the top rows are painted in that frame; the rest is
 * found in the tasks after it, and the rows and the count grow until it is complete. A new keystroke or a
 * changed list drops the slices still to run.
 */
function useSearch(search: PaperSearch, papers: readonly Paper[] | undefined, query: string): SearchProgress | undefined {
  const first = useMemo(() => {
    if (!papers) return undefined;
    const startedAt = performance.now();
    const progress = search.search(papers, query, () => performance.now() - startedAt > SEARCH_SLICE_MS);
    // Read by the benchmark and the 10,000-paper end-to-end check: the filtering in the keystroke's own task.
    performance.measure('papershelf:filter', { start: startedAt, end: performance.now() });
    return { progress, startedAt };
  }, [search, papers, query]);
  const [later, setLater] = useState<{ after: typeof first; progress: SearchProgress } | null>(null);
  useEffect(() => {
    if (!first || first.progress.complete) return;
    let timer: ReturnType<typeof setTimeout>;
    let drawnAt = performance.now();
    const slice = () => {
      const start = performance.now();
      const progress = search.resume(() => performance.now() - start > SEARCH_SLICE_MS);
      if (progress.complete || progress.papers.length < SCREEN_OF_ROWS || start - drawnAt > SEARCH_REDRAW_MS) {
        drawnAt = start;
        setLater({ after: first, progress });
      }
      // Read by the benchmark: from the keystroke's render to the last match found.
      if (progress.complete) performance.measure('papershelf:search-complete', { start: first.startedAt, end: performance.now() });
      else timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [search, first]);
  return later && later.after === first ? later.progress : first?.progress;
}
