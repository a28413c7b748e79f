import { afterEach, describe, expect, it } from 'vitest';
import { badgeText, papersToCount } from '@/lib/background/badge';
import { PaperShelfDb } from '@/lib/db/database';
import { paper, uniqueDbName } from '../support/factory';

describe('badgeText', () => {
  it.each([
    [0, ''],
    [7, '7'],
    [12345, '999+'],
  ] as const)('%i papers -> %j', (count, text) => expect(badgeText(count)).toBe(text));
});

describe('papersToCount', () => {
  const db = new PaperShelfDb(uniqueDbName());
  afterEach(() => db.papers.clear());

  it('counts the unread papers, those whose code appeared, or the papers that are either, each once', async () => {
    await db.papers.bulkPut([
      paper({ id: '2401.00001', status: 'unread' }),
      paper({ id: '2401.00002', status: 'unread', lookup: { codeAppearedAt: 5 } }),
      paper({ id: '2401.00003', status: 'read', lookup: { codeAppearedAt: 6 } }),
      paper({ id: '2401.00004', status: 'read' }),
    ]);
    expect(await papersToCount(db, { badge: 'unread', codeBadge: false })).toBe(2);
    expect(await papersToCount(db, { badge: 'none', codeBadge: true })).toBe(2);
    expect(await papersToCount(db, { badge: 'unread', codeBadge: true })).toBe(3);
    expect(await papersToCount(db, { badge: 'none', codeBadge: false })).toBe(0);
  });
});
