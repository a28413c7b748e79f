import { afterEach, describe, expect, it } from 'vitest';
import { PaperShelfDb } from '@/lib/db/database';
import { removePaper, removePapers, restorePapers, savePaper, setCitationKey, updatePaper } from '@/lib/db/papers';
import { deleteFromTrash, purgeTrash, restoreFromTrash } from '@/lib/db/trash';
import { hfSource, metadata, uniqueDbName } from '../support/factory';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;

describe('the Trash', () => {
  let db = new PaperShelfDb(uniqueDbName());
  afterEach(async () => {
    await db.delete();
    db = new PaperShelfDb(uniqueDbName());
  });

  /** A paper the user has worked on: notes, two tags, a status and a citation key. */
  async function annotated(id = '2401.12345') {
    await savePaper(db, metadata({ id }), hfSource, NOW);
    await updatePaper(
      db,
      id,
      { notes: { text: 'Compare with §3.', base: '' }, addTags: ['to read', 'survey'], status: 'reading' },
      NOW + 1,
    );
    return setCitationKey(db, id, `key${id.replace('.', '')}`, NOW + 2);
  }

  it('keeps a removed paper whole, and saving it again from any page brings it back as it was', async () => {
    const before = await annotated();
    expect(await removePaper(db, before.id, NOW + 10)).toEqual(before);
    expect(await db.papers.count()).toBe(0);
    expect(await db.trash.get(before.id)).toEqual({ id: before.id, removedAt: NOW + 10, paper: before });

    const again = await savePaper(db, metadata({ id: before.id, title: 'Another Title' }), hfSource, NOW + 20);
    expect(again).toMatchObject({
      notes: 'Compare with §3.',
      tags: ['to read', 'survey'],
      status: 'reading',
      citationKey: before.citationKey,
      title: before.title,
      savedAt: before.savedAt,
    });
    expect(await db.trash.count()).toBe(0);
  });

  it('gives back removed papers exactly on Undo and on Restore, and leaves the Trash empty', async () => {
    const [a, b] = [await annotated('2401.00001'), await annotated('2401.00002')];
    const removed = await removePapers(db, [a.id, b.id], NOW + 10);
    await restorePapers(db, removed.slice(0, 1));
    expect(await db.papers.get(a.id)).toEqual(a);
    expect(await restoreFromTrash(db, [b.id, '2409.99999'])).toEqual([b]);
    expect(await db.papers.get(b.id)).toEqual(b);
    expect(await db.trash.count()).toBe(0);
  });

  it('deletes for good on request, and by itself after 30 days, leaving tombstones', async () => {
    for (const id of ['2401.00001', '2401.00002', '2401.00003']) await annotated(id);
    await removePaper(db, '2401.00001', NOW);
    await removePaper(db, '2401.00002', NOW + DAY);
    await removePaper(db, '2401.00003', NOW + DAY);
    expect(await deleteFromTrash(db, ['2401.00003'])).toBe(1);
    expect(await purgeTrash(db, NOW + 30 * DAY)).toBe(1);
    expect(await db.trash.toCollection().primaryKeys()).toEqual(['2401.00002']);
    expect(await deleteFromTrash(db)).toBe(1);
    expect(await db.trash.count()).toBe(0);
    // What is gone for good leaves only its id and removal time, so a restore of an older backup leaves it gone.
    expect(await db.tombstones.orderBy('id').toArray()).toEqual([
      { id: '2401.00001', removedAt: NOW },
      { id: '2401.00002', removedAt: NOW + DAY },
      { id: '2401.00003', removedAt: NOW + DAY },
    ]);
  });
});
