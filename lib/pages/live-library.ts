import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import { afterNextPaint } from './after-paint';
import type { PaperShelfDb } from '@/lib/db/database';
import type { Paper } from '@/lib/model/paper';
import type { FirstRowsIndex } from '@/lib/view/index-orders';
import { keepDisplayable, readNewestPapers } from './first-rows';

/** The full read goes in pages: one `getAll` of 10,000 papers blocks the page for ~100 ms while it deserializes. */
export const LOAD_PAGE = 500;

export interface LivePapersSnapshot {
  /** Every saved paper, once read; undefined until then. */
  all: Paper[] | undefined;
  /** The newest papers by an index, read first to show something fast (issue #4: first rows in 150 ms). */
  first: { index: FirstRowsIndex; papers: Paper[] } | undefined;
}

/**
 * Every saved paper, in memory, kept in step with the database as the background writes it.
 *
 * Why not `useLiveQuery(() => db.papers.toArray())`: that reads the whole table again after every write,
 * which with 10,000 papers is ~0.6 s of IndexedDB work per status click or note save. Instead this reads
 * the table once, then listens to Dexie's `storagemutated` event (which carries the background's writes
 * to every extension page) and reads back only the papers whose keys changed. A change it cannot narrow
 * to keys (a bulk write of 50 or more, an import) reads everything again.
 */
export class LivePapers {
  private snapshot: LivePapersSnapshot = { all: undefined, first: undefined };
  private readonly listeners = new Set<() => void>();
  private byId = new Map<string, Paper>();
  private started = false;
  private loading: Promise<void> | null = null;
  /** Keys changed while a full read was under way: read again when it ends. */
  private changedDuringLoad: Set<string> | 'all' | null = null;
  private updates: Promise<void> = Promise.resolve();
  private readonly firstRowsReads = new Map<FirstRowsIndex, Promise<void>>();

  constructor(
    private readonly db: PaperShelfDb,
    /** Runs the full read once the first rows had a chance to paint. */
    private readonly afterFirstPaint: (run: () => void) => void = afterNextPaint,
  ) {}

  /** Settles once the newest papers were read, or could not be. */
  firstRowsRead: Promise<void> = Promise.resolve();

  /**
   * Starts reading: the newest papers by `index` (the order shown) first, then everything. `newest`: those
   * papers when the page has read them already (the popup's first paint). Idempotent.
   */
  start(index: FirstRowsIndex = 'savedAt', newest?: Promise<Paper[]>): void {
    if (this.started) return;
    this.started = true;
    Dexie.on('storagemutated', this.onMutation);
    this.firstRowsRead = this.readFirstRows(index, newest);
    void this.firstRowsRead.finally(() => this.afterFirstPaint(() => void this.loadAll()));
  }

  stop(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutation);
  }

  /** The first rows in another index's order (the stored sort is by publication date). */
  readFirstRows(index: FirstRowsIndex, newest?: Promise<Paper[]>): Promise<void> {
    if (this.snapshot.all || this.snapshot.first?.index === index) return Promise.resolve();
    let reading = this.firstRowsReads.get(index);
    if (!reading) {
      reading = (newest ?? readNewestPapers(this.db.name, index))
        .then((papers) => {
          if (!this.snapshot.all) this.publish({ ...this.snapshot, first: { index, papers } });
        })
        .catch((error: unknown) => console.warn('PaperShelf: could not read the newest papers', error));
      this.firstRowsReads.set(index, reading);
    }
    return reading;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LivePapersSnapshot => this.snapshot;

  /** Reads every paper, page by page. Concurrent calls share one read. */
  loadAll(): Promise<void> {
    this.loading ??= this.readEverything().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async readEverything(): Promise<void> {
    this.changedDuringLoad = new Set();
    const byId = new Map<string, Paper>();
    let after: string | undefined;
    for (;;) {
      const query = after === undefined ? this.db.papers.orderBy(':id') : this.db.papers.where(':id').above(after);
      const page = await query.limit(LOAD_PAGE).toArray();
      for (const paper of keepDisplayable(page)) byId.set(paper.id, paper);
      if (page.length < LOAD_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    // Widened again: `onMutation` may have replaced the set while the pages were read.
    const missed = this.changedDuringLoad as Set<string> | 'all' | null;
    this.changedDuringLoad = null;
    this.byId = byId;
    this.publish({ all: [...byId.values()], first: undefined });
    // A write that landed between two pages may be missing from an earlier page.
    if (missed === 'all') return this.readEverything();
    if (missed && missed.size > 0) this.refresh([...missed]);
  }

  private onMutation = (parts: ObservabilitySet): void => {
    // `all`: Dexie's "anything may have changed" (the page came back from the back/forward cache).
    const tree = parts[`idb://${this.db.name}/papers/`];
    if (!tree && !('all' in parts)) return;
    const keys = tree && !('all' in parts) ? singleKeys(tree) : null;
    if (this.changedDuringLoad) {
      if (keys === null) this.changedDuringLoad = 'all';
      else if (this.changedDuringLoad !== 'all') for (const key of keys) this.changedDuringLoad.add(key);
      return;
    }
    if (!this.snapshot.all) return; // the full read has not started; it will see the change
    if (keys === null) void this.loadAll();
    else if (keys.length > 0) this.refresh(keys);
  };

  /** Reads these papers again (in order with earlier refreshes) and publishes the changed library. */
  private refresh(keys: string[]): void {
    this.updates = this.updates
      .then(async () => {
        const rows = await this.db.papers.bulkGet(keys);
        const byId = new Map(this.byId);
        keys.forEach((key, index) => {
          const row = rows[index];
          if (row && keepDisplayable([row]).length === 1) byId.set(key, row);
          else byId.delete(key);
        });
        this.byId = byId;
        this.publish({ all: [...byId.values()], first: undefined });
      })
      .catch((error: unknown) => {
        console.warn('PaperShelf: could not read changed papers; reading everything again', error);
        return this.loadAll();
      });
  }

  private publish(next: LivePapersSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** The single keys of a Dexie interval tree, or null when it holds a range (a bulk write, a clear). */
function singleKeys(tree: IntervalTree): string[] | null {
  const keys: string[] = [];
  const visit = (node: IntervalTree | null | undefined): boolean => {
    if (!node || !('from' in node)) return true;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    keys.push(node.from);
    return visit(node.l) && visit(node.r);
  };
  return visit(tree) ? keys : null;
}
