import { afterEach, describe, expect, it } from 'vitest';
import { PaperShelfDb } from '@/lib/db/database';
import { addLookupTasks, READ_ALL_KEYS_FROM } from '@/lib/db/lookup-queue';
import type { LookupTask } from '@/lib/model/lookup';
import { uniqueDbName } from '../support/factory';

const task = (index: number, fields: Partial<LookupTask> = {}): LookupTask => ({
  id: `2401.${String(10000 + index).padStart(5, '0')}`,
  service: 'arxiv',
  attempts: 0,
  notBefore: 1,
  reason: 'new',
  ...fields,
});

describe('addLookupTasks', () => {
  const db = new PaperShelfDb(uniqueDbName());
  afterEach(() => db.lookups.clear());

  it.each([
    ['a few', 3],
    ['thousands (one read of the queue’s keys, issue #12)', READ_ALL_KEYS_FROM + 5],
  ])('adds only the rows a paper lacks for a service, %s at a time, and leaves the others as they are', async (_, count) => {
    const waiting = task(1, { attempts: 2, notBefore: 99, reason: 'recheck' });
    await db.lookups.bulkAdd([waiting, task(2, { service: 'huggingface' })]);
    const tasks = Array.from({ length: count }, (_, index) => task(index));
    expect(await addLookupTasks(db, tasks)).toBe(count - 1);
    expect(await db.lookups.get([waiting.id, 'arxiv'])).toEqual(waiting);
    expect(await db.lookups.count()).toBe(count + 1);
  });
});
