import { afterEach, describe, expect, it } from 'vitest';
import { PaperShelfDb } from '@/lib/db/database';
import { Paper } from '@/lib/model/paper';
import { removePaper, savePaper, savedState, updatePaper } from '@/lib/db/papers';
import { arxivSource, hfSource, metadata, uniqueDbName } from '../support/factory';

describe('the papers store', () => {
  let db = new PaperShelfDb(uniqueDbName());
  afterEach(async () => {
    await db.delete();
    db = new PaperShelfDb(uniqueDbName());
  });

  it('saves a new paper as unread with empty notes and tags, and reads it back valid', async () => {
    await savePaper(db, metadata(), hfSource, 1000);
    const stored = await db.papers.get('2401.12345');
    expect(Paper.parse(stored)).toMatchObject({
      id: '2401.12345',
      status: 'unread',
      notes: '',
      tags: [],
      savedAt: 1000,
      updatedAt: 1000,
      source: hfSource,
    });
  });

  it('keeps one record when the same paper is saved from another site, filling only the gaps', async () => {
    await savePaper(db, metadata({ abstract: undefined, links: { code: [] } }), arxivSource, 1000);
    await updatePaper(db, '2401.12345', { notes: { text: 'read section 3', base: '' }, addTags: ['transformers'] }, 1500);
    await savePaper(
      db,
      metadata({
        title: 'Changed title',
        links: { code: ['https://github.com/example/attention'], huggingface: 'https://huggingface.co/papers/2401.12345' },
      }),
      hfSource,
      2000,
    );
    const all = await db.papers.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      title: 'Attention Is Still All You Need',
      abstract: 'We revisit attention.',
      notes: 'read section 3',
      tags: ['transformers'],
      savedAt: 1000,
      updatedAt: 2000,
      source: arxivSource,
      links: { code: ['https://github.com/example/attention'], huggingface: 'https://huggingface.co/papers/2401.12345' },
    });
  });

  it('answers saved state for many ids in one query, duplicates included', async () => {
    await savePaper(db, metadata(), hfSource);
    await savePaper(db, metadata({ id: 'math/0211159', title: 'Old style' }), hfSource);
    expect(await savedState(db, ['2401.12345', '2401.99999', 'math/0211159', '2401.12345'])).toEqual({
      '2401.12345': true,
      '2401.99999': false,
      'math/0211159': true,
    });
  });

  it('removes a paper and returns it whole for undo', async () => {
    await savePaper(db, metadata(), hfSource, 1000);
    await updatePaper(db, '2401.12345', { notes: { text: 'n', base: '' }, status: 'reading' }, 1100);
    const removed = await removePaper(db, '2401.12345');
    expect(removed).toMatchObject({ notes: 'n', status: 'reading' });
    expect(await db.papers.count()).toBe(0);
    expect(await removePaper(db, '2401.12345')).toBeUndefined();
  });

  it('updates notes, tags and status, trimming and de-duplicating tags', async () => {
    await savePaper(db, metadata(), hfSource, 1000);
    const updated = await updatePaper(db, '2401.12345', { addTags: [' nlp', 'nlp', 'vision '], status: 'read' }, 3000);
    expect(updated.paper).toMatchObject({ tags: ['nlp', 'vision'], status: 'read', updatedAt: 3000, savedAt: 1000 });
    expect(updated.paper.editedAt).toEqual({ tags: 3000, status: 3000 });
  });

  it('refuses to update a paper that is not saved', async () => {
    await expect(updatePaper(db, '2401.12345', { notes: { text: 'x', base: '' } })).rejects.toThrow(/not saved/);
  });

  it('indexes tags so the popup can filter by them', async () => {
    await savePaper(db, metadata(), hfSource);
    await savePaper(db, metadata({ id: '2401.00001' }), hfSource);
    await updatePaper(db, '2401.00001', { addTags: ['rl'] });
    expect(await db.papers.where('tags').equals('rl').primaryKeys()).toEqual(['2401.00001']);
  });
});
