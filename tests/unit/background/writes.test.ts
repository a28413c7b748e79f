import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_RECEIPTS, RECEIPT_MS } from '@/lib/db/receipts';
import { MAX_NOTES, MAX_TAGS } from '@/lib/model/paper';
import { createBackup } from '@/lib/formats/backup';
import { senders, testBackground } from '../support/background';
import { hfSource, metadata, paper } from '../support/factory';

/**
 * A request sent again after its reply was lost (the worker stopped between commit and reply) carries the
 * same request id; the background answers it from the receipt its first run left, and does nothing twice.
 */
/** Receipts are kept per sender kind and request type: `<kind>:<type>:<request id>`. */
const requestIdOf = (key: string) => key.split(':').at(-1)!;

describe('a write sent again with the same request id', () => {
  const bg = testBackground({ now: 5000 });
  afterEach(() => bg.reset());

  const saved = (id: string) => paper({ ...metadata({ id }), source: hfSource, savedAt: 1, updatedAt: 1 });

  it('a restore’s commit answers with its first summary, not "0 added" nor "the backup did not arrive whole"', async () => {
    const papers = [saved('2402.00001'), saved('2402.00002')];
    const piece = (restoreId: string) => ({ type: 'library/restore-piece', restoreId, papers, trash: [] });
    const commit = { type: 'library/restore-commit', restoreId: 'retry-restore-1', papers: 2, trash: 0, requestId: 'retry-import-1' };
    expect(await bg.send(piece('retry-restore-1'))).toMatchObject({ ok: true, result: { staged: 2 } });
    const first = await bg.send(commit);
    // The pieces were taken by the first commit: only its receipt can answer the second.
    const again = await bg.send(commit);
    expect(first).toMatchObject({ ok: true, result: { added: 2 } });
    expect(again).toEqual(first);
    // Without the id, the same pieces are a second restore: nothing new.
    await bg.send(piece('retry-restore-2'));
    expect(await bg.send({ ...commit, restoreId: 'retry-restore-2', requestId: undefined })).toMatchObject({
      ok: true,
      result: { added: 0, unchanged: 2 },
    });
  });

  it('a restore whose pieces did not all arrive (the worker stopped between them) changes nothing and says so', async () => {
    await bg.send({ type: 'library/restore-piece', restoreId: 'lost-pieces-1', papers: [saved('2402.00001')], trash: [] });
    const reply = await bg.send({ type: 'library/restore-commit', restoreId: 'lost-pieces-1', papers: 2, trash: 0 });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('the backup did not arrive whole (1 of 2 papers)') });
    expect(await bg.db.papers.count()).toBe(0);
    // A piece repeated (a paper twice) is refused as the file itself would be.
    for (let i = 0; i < 2; i++)
      await bg.send({ type: 'library/restore-piece', restoreId: 'twice-a-paper', papers: [saved('2402.00001')], trash: [] });
    expect(await bg.send({ type: 'library/restore-commit', restoreId: 'twice-a-paper', papers: 2, trash: 0 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('holds 2402.00001 twice'),
    });
    expect(await bg.db.papers.count()).toBe(0);
  });

  it('a note edit is not taken for a change made elsewhere, nor written over a later one', async () => {
    await bg.ask({ type: 'paper/save', paper: metadata(), source: hfSource }, senders.contentScript);
    const edit = { type: 'paper/update', id: '2401.12345', patch: { notes: { text: 'mine', base: '' } }, requestId: 'retry-edit-1' };
    const first = await bg.send(edit);
    expect(first).toMatchObject({ ok: true, result: { paper: { notes: 'mine' } } });
    // Another window edits the notes before the lost reply's request comes again.
    await bg.ask({ type: 'paper/update', id: '2401.12345', patch: { notes: { text: 'mine, then theirs', base: 'mine' } } });
    const again = await bg.send(edit);
    expect(again).toEqual(first);
    expect(again).not.toMatchObject({ result: { conflict: expect.anything() } });
    expect((await bg.db.papers.get('2401.12345'))?.notes).toBe('mine, then theirs');
  });

  it('a bulk remove answers with the papers it removed, which Undo needs', async () => {
    for (const id of ['2402.00001', '2402.00002']) await bg.ask({ type: 'paper/save', paper: metadata({ id }), source: hfSource });
    const remove = { type: 'papers/remove', ids: ['2402.00001', '2402.00002'], requestId: 'retry-remove-1' };
    const first = await bg.send(remove);
    expect(first).toMatchObject({ ok: true, result: { removed: [{ id: '2402.00001' }, { id: '2402.00002' }] } });
    expect(await bg.send(remove)).toEqual(first);
    expect(await bg.db.trash.count()).toBe(2);
  });

  it('a request answered from its receipt tells the tabs again what its first run did', async () => {
    await bg.ask({ type: 'paper/save', paper: metadata(), source: hfSource });
    const remove = { type: 'paper/remove', id: '2401.12345', requestId: 'retry-announce-1' };
    await bg.send(remove);
    bg.announced.length = 0;
    expect(await bg.send(remove)).toEqual({ ok: true, result: { removed: true } });
    expect(bg.announced).toEqual([{ '2401.12345': false }]);
  });

  it(`keeps at most ${MAX_RECEIPTS} receipts, dropping the oldest`, async () => {
    await bg.ask({ type: 'paper/save', paper: metadata(), source: hfSource });
    for (let index = 0; index < MAX_RECEIPTS + 5; index++) {
      bg.now += 1;
      await bg.send({
        type: 'paper/update',
        id: '2401.12345',
        patch: { status: index % 2 ? 'read' : 'unread' },
        requestId: `status-${String(index).padStart(3, '0')}`,
      });
    }
    const kept = (await bg.db.receipts.toCollection().primaryKeys()).map(requestIdOf);
    expect(kept).toHaveLength(MAX_RECEIPTS);
    expect(kept).not.toContain('status-000');
    expect(kept).toContain(`status-${String(MAX_RECEIPTS + 4).padStart(3, '0')}`);
  });

  it('a write that failed left no receipt, so sending it again does it', async () => {
    const save = { type: 'paper/save', paper: metadata(), source: hfSource, requestId: 'retry-save-1' };
    const failing = vi.spyOn(bg.db.lookups, 'bulkAdd').mockRejectedValueOnce(new DOMException('disk full', 'QuotaExceededError'));
    expect(await bg.send(save, senders.contentScript)).toMatchObject({ ok: false, error: expect.stringContaining('QuotaExceededError') });
    failing.mockRestore();
    expect(await bg.db.papers.count()).toBe(0);
    expect(await bg.db.receipts.count()).toBe(0);
    expect(await bg.send(save, senders.contentScript)).toMatchObject({ ok: true, result: { id: '2401.12345' } });
    expect(await bg.db.papers.count()).toBe(1);
  });

  it('reads keep no receipts, and receipts older than RECEIPT_MS go with the next write', async () => {
    await bg.send({ type: 'paper/saved-state', ids: ['2401.12345'], requestId: 'read-1' }, senders.contentScript);
    expect(await bg.db.receipts.count()).toBe(0);
    await bg.send({ type: 'paper/save', paper: metadata(), source: hfSource, requestId: 'old-save' }, senders.contentScript);
    bg.now += RECEIPT_MS + 1;
    await bg.send({ type: 'paper/remove', id: '2401.12345', requestId: 'later-remove' });
    expect((await bg.db.receipts.toCollection().primaryKeys()).map(requestIdOf)).toEqual(['later-remove']);
  });

  it('a receipt answers only the same request type from the same kind of sender', async () => {
    await bg.ask({ type: 'paper/save', paper: metadata(), source: hfSource });
    await bg.send({ type: 'paper/remove', id: '2401.12345', requestId: 'shared-id-1' });
    const save = { type: 'paper/save', paper: metadata(), source: hfSource, requestId: 'shared-id-1' };
    expect(await bg.send(save, senders.contentScript)).toMatchObject({ ok: true, result: { id: '2401.12345' } });
    expect(await bg.db.papers.count()).toBe(1);
  });

  it('a malformed request id is refused like any malformed message', async () => {
    const reply = await bg.send({ type: 'paper/remove', id: '2401.12345', requestId: '<script>' });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed PaperShelf message: requestId/) });
  });
});

describe('limits a merge would pass', () => {
  const bg = testBackground({ now: 5000 });
  afterEach(() => bg.reset());
  const tags = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

  it('an edit that would give a paper more than MAX_TAGS tags is refused, and changes nothing', async () => {
    await bg.ask({ type: 'paper/save', paper: metadata(), source: hfSource });
    await bg.ask({ type: 'paper/update', id: '2401.12345', patch: { addTags: tags('a', 150) } });
    const reply = await bg.send({ type: 'paper/update', id: '2401.12345', patch: { addTags: tags('b', 60) } });
    expect(reply).toEqual({
      ok: false,
      error: `PaperShelf could not update the paper: RangeError: 2401.12345 would have 210 tags; a paper has at most ${MAX_TAGS}`,
    });
    expect((await bg.db.papers.get('2401.12345'))?.tags).toHaveLength(150);
  });

  it('a restore whose notes, both kept, would pass MAX_NOTES is refused whole, naming the paper', async () => {
    const long = (letter: string) => letter.repeat(MAX_NOTES / 2 + 10);
    await bg.ask({ type: 'paper/save', paper: metadata(), source: hfSource });
    await bg.ask({ type: 'paper/update', id: '2401.12345', patch: { notes: { text: long('a'), base: '' } } });
    const before = await bg.db.papers.toArray();
    const copy = { ...saved('2401.12345'), notes: long('b') };
    await expect(bg.restore(createBackup([copy, saved('2402.00009')]))).rejects.toThrow('the notes of 2401.12345 would be 1,000,0');
    expect(await bg.db.papers.toArray()).toEqual(before);
  });

  function saved(id: string) {
    return paper({ ...metadata({ id }), source: hfSource, savedAt: 1, updatedAt: 1 });
  }
});
