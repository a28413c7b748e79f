import { afterEach, describe, expect, it } from 'vitest';
import { PaperShelfDb } from '@/lib/db/database';
import { LivePapers, LOAD_PAGE } from '@/lib/pages/live-library';
import type { Paper } from '@/lib/model/paper';
import { syntheticPapers } from '../../support/synthetic-papers.mjs';
import { uniqueDbName } from '../support/factory';

const open: { db: PaperShelfDb; live: LivePapers }[] = [];
afterEach(() => {
  for (const { db, live } of open.splice(0)) {
    live.stop();
    db.close();
  }
});

async function setUp(count: number) {
  const db = new PaperShelfDb(uniqueDbName());
  const papers = syntheticPapers(count) as Paper[];
  await db.papers.bulkPut(papers);
  let runFullLoad: () => void = () => undefined;
  const live = new LivePapers(db, (run) => {
    runFullLoad = run;
  });
  open.push({ db, live });
  return { db, papers, live, runFullLoad: () => runFullLoad() };
}

/** Resolves with the next snapshot that satisfies `test`. */
function until(live: LivePapers, test: (all: Paper[] | undefined) => boolean): Promise<Paper[] | undefined> {
  return new Promise((resolve) => {
    const check = () => {
      const { all } = live.getSnapshot();
      if (test(all)) {
        unsubscribe();
        resolve(all);
      }
    };
    const unsubscribe = live.subscribe(check);
    check();
  });
}

describe('LivePapers', () => {
  it('shows the newest papers first, then reads everything in pages once they had a chance to paint', async () => {
    const { papers, live, runFullLoad } = await setUp(LOAD_PAGE * 2 + 7);
    live.start();
    await live.firstRowsRead;
    const first = live.getSnapshot().first;
    expect(first?.index).toBe('savedAt');
    expect(first?.papers.map((p) => p.id)).toEqual(papers.slice(0, 60).map((p) => p.id));
    expect(live.getSnapshot().all).toBeUndefined();

    runFullLoad();
    const all = await until(live, (all) => all !== undefined);
    expect(all).toHaveLength(papers.length);
    expect(new Set(all!.map((p) => p.id))).toEqual(new Set(papers.map((p) => p.id)));
  });

  it('reads the first rows by publication date when that is the order shown', async () => {
    const { papers, live } = await setUp(200);
    await live.readFirstRows('published');
    const dates = live.getSnapshot().first!.papers.map((p) => p.published!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe(
      papers
        .map((p) => p.published!)
        .sort()
        .at(-1),
    );
  });

  it('follows single writes by reading back only what changed, and removals', async () => {
    const { db, papers, live } = await setUp(300);
    live.start();
    await live.loadAll();
    const before = live.getSnapshot().all!;
    const target = papers[5]!;

    await db.papers.update(target.id, { notes: 'fresh note', updatedAt: target.updatedAt + 1 });
    const afterUpdate = await until(live, (all) => all?.find((p) => p.id === target.id)?.notes === 'fresh note');
    // Untouched papers are the very same objects: nothing else was read again.
    expect(afterUpdate!.find((p) => p.id === papers[6]!.id)).toBe(before.find((p) => p.id === papers[6]!.id));

    await db.papers.delete(target.id);
    const afterDelete = await until(live, (all) => all?.length === 299);
    expect(afterDelete!.some((p) => p.id === target.id)).toBe(false);
  });

  it('reads everything again after a bulk write it cannot narrow to keys (an import, an undo of many)', async () => {
    const { db, papers, live } = await setUp(100);
    live.start();
    await live.loadAll();
    const restored = papers.slice(0, 60).map((p) => ({ ...p, tags: ['bulk'] }));
    await db.papers.bulkPut(restored);
    const all = await until(live, (all) => all?.filter((p) => p.tags.includes('bulk')).length === 60);
    expect(all).toHaveLength(100);
  });

  it('does not miss a write that lands while the pages are being read', async () => {
    const { db, papers, live } = await setUp(LOAD_PAGE * 3);
    live.start();
    const loading = live.loadAll();
    // The lowest id is on the first page, read before this write lands.
    const late = [...papers].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await db.papers.update(late.id, { status: 'read', updatedAt: late.updatedAt + 1 });
    await loading;
    const all = await until(live, (all) => all?.find((p) => p.id === late.id)?.status === 'read');
    expect(all).toHaveLength(LOAD_PAGE * 3);
  });

  it('leaves out malformed rows instead of failing', async () => {
    const { db, live } = await setUp(3);
    const warn = console.warn;
    console.warn = () => undefined;
    await db.papers.put({ id: '2401.99999', title: 'no arrays' } as unknown as Paper);
    live.start();
    await live.loadAll();
    console.warn = warn;
    expect(live.getSnapshot().all).toHaveLength(3);
  });
});
