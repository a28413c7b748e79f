import { afterEach, describe, expect, it } from 'vitest';
import { savedIdsKeeper } from '@/lib/background/saved-ids';
import { PaperShelfDb } from '@/lib/db/database';
import { paper, uniqueDbName } from '../support/factory';

describe('savedIdsKeeper', () => {
  const db = new PaperShelfDb(uniqueDbName());
  afterEach(() => db.papers.clear());

  it('stores the ids of the papers table, and folds refreshes asked for while one runs into one more', async () => {
    const stored: string[][] = [];
    let release: () => void = () => {};
    const keeper = savedIdsKeeper(db, async (ids) => {
      stored.push([...ids]);
      if (stored.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    await db.papers.bulkPut([paper({ id: '2401.00002' }), paper({ id: '2401.00001' })]);
    const first = keeper.refresh();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Three saves while the first write is under way: one more write, with all of them.
    for (const id of ['2401.00003', '2401.00004', '2401.00005']) {
      await db.papers.put(paper({ id }));
      void keeper.refresh();
    }
    release();
    await first;
    expect(stored).toEqual([
      ['2401.00001', '2401.00002'],
      ['2401.00001', '2401.00002', '2401.00003', '2401.00004', '2401.00005'],
    ]);
  });

  it('a failed write removes the stored list (no listing trusts an old one), and the next refresh writes it again', async () => {
    let fail = true;
    let forgotten = 0;
    const stored: string[][] = [];
    const keeper = savedIdsKeeper(
      db,
      async (ids) => {
        if (fail) throw new Error('QuotaExceededError');
        stored.push([...ids]);
      },
      async () => void forgotten++,
    );
    await db.papers.put(paper({ id: '2401.00001' }));
    await keeper.refresh();
    expect(forgotten).toBe(1);
    fail = false;
    await keeper.refresh();
    expect(stored).toEqual([['2401.00001']]);
  });
});
