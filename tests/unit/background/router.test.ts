import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleBackgroundMessage, type BackgroundDeps } from '@/lib/background/router';
import { PaperShelfDb } from '@/lib/db/database';
import { createBackup } from '@/lib/formats/backup';
import { Paper } from '@/lib/model/paper';
import { metadata, hfSource, uniqueDbName } from '../support/factory';

const extension = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id' };
const contentScript = { id: extension.id, url: 'https://huggingface.co/papers', tab: { id: 1 } };
const popup = { id: extension.id, url: `${extension.origin}/popup.html` };

describe('handleBackgroundMessage', () => {
  let db = new PaperShelfDb(uniqueDbName());
  const announced: Record<string, boolean>[] = [];
  let kicks = 0;
  const deps = (): BackgroundDeps => ({
    db,
    extension,
    now: () => 5000,
    announceSavedState: async (states) => void announced.push(states),
    lookupsQueued: () => void kicks++,
  });
  afterEach(async () => {
    await db.delete();
    db = new PaperShelfDb(uniqueDbName());
    announced.length = 0;
    kicks = 0;
  });

  const save = { type: 'paper/save', paper: metadata(), source: hfSource };

  it('saves from a content script on a supported page and announces the new state', async () => {
    const reply = await handleBackgroundMessage(save, contentScript, deps());
    expect(reply).toMatchObject({ ok: true, result: { id: '2401.12345', savedAt: 5000 } });
    expect(announced).toEqual([{ '2401.12345': true }]);
    expect(await db.papers.count()).toBe(1);
  });

  it('answers saved state for a whole page in one reply', async () => {
    await handleBackgroundMessage(save, contentScript, deps());
    const reply = await handleBackgroundMessage({ type: 'paper/saved-state', ids: ['2401.12345', '2402.00001'] }, contentScript, deps());
    expect(reply).toEqual({ ok: true, result: { '2401.12345': true, '2402.00001': false } });
  });

  it('updates and removes from the popup', async () => {
    await handleBackgroundMessage(save, contentScript, deps());
    const updated = await handleBackgroundMessage(
      { type: 'paper/update', id: '2401.12345', patch: { notes: 'good', status: 'read' } },
      popup,
      deps(),
    );
    expect(updated).toMatchObject({ ok: true, result: { notes: 'good', status: 'read' } });
    expect(await handleBackgroundMessage({ type: 'paper/remove', id: '2401.12345' }, popup, deps())).toEqual({
      ok: true,
      result: { removed: true },
    });
    expect(announced.at(-1)).toEqual({ '2401.12345': false });
    expect(await db.papers.count()).toBe(0);
  });

  describe('rejects and changes nothing', () => {
    const cases: [string, unknown, object][] = [
      ['an unknown type', { type: 'paper/drop-all' }, contentScript],
      ['a wrong shape', { type: 'paper/save', paper: { id: '2401.12345' }, source: hfSource }, contentScript],
      ['a versioned id', { type: 'paper/remove', id: '2401.12345v2' }, popup],
      ['extra fields', { ...save, evil: true }, contentScript],
      ['a javascript: code link', { ...save, paper: { ...metadata(), links: { code: ['javascript:alert(1)'] } } }, contentScript],
      ['not an object', 'paper/save', contentScript],
      ['null', null, contentScript],
      ['a web page (another extension id)', save, { ...contentScript, id: 'someone-else' }],
      ['a content script on an unsupported site', save, { ...contentScript, url: 'https://evil.example/papers' }],
      ['a sender with no url', save, { id: extension.id }],
    ];
    it.each(cases)('%s', async (_, message, sender) => {
      const before = await db.papers.toArray();
      const reply = await handleBackgroundMessage(message, sender, deps());
      expect(reply.ok).toBe(false);
      expect(reply).toHaveProperty('error', expect.stringMatching(/PaperShelf/));
      expect(await db.papers.toArray()).toEqual(before);
      expect(announced).toEqual([]);
    });
  });

  it('reports a storage failure (a full disk) as an error reply and announces nothing', async () => {
    const put = vi.spyOn(db.papers, 'put').mockRejectedValue(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
    const reply = await handleBackgroundMessage(save, contentScript, deps());
    expect(reply).toEqual({ ok: false, error: 'PaperShelf could not save the paper: QuotaExceededError: disk full' });
    expect(announced).toEqual([]);
    put.mockRestore();
    expect(await db.papers.count()).toBe(0);
  });

  describe('lookups (issue #6)', () => {
    // A Hugging Face listing gives no category and, here, no code: arXiv and Hugging Face have something to add.
    const listed = { ...save, paper: metadata({ primaryCategory: undefined, links: { code: [] } }) };
    const queue = async () => (await db.lookups.toArray()).map(({ id, service, reason }) => `${id} ${service} ${reason}`);

    it('queues what a saved paper lacks with the save, and wakes the worker', async () => {
      expect(await handleBackgroundMessage(listed, contentScript, deps())).toMatchObject({ ok: true });
      expect(await queue()).toEqual(['2401.12345 arxiv new', '2401.12345 huggingface new']);
      expect(kicks).toBe(1);
      // Saving it again (another page) queues nothing twice.
      await handleBackgroundMessage(listed, contentScript, deps());
      expect(await db.lookups.count()).toBe(2);
    });

    it('queues nothing for a paper the page gave completely, code included', async () => {
      await handleBackgroundMessage(save, contentScript, deps());
      expect(await db.lookups.count()).toBe(0);
    });

    it('refreshes a paper on request, and says when it is not saved', async () => {
      await handleBackgroundMessage(save, contentScript, deps());
      const refresh = { type: 'paper/refresh-lookup', id: '2401.12345' };
      expect(await handleBackgroundMessage(refresh, popup, deps())).toEqual({ ok: true, result: { queued: 2 } });
      expect(await queue()).toEqual(['2401.12345 arxiv refresh', '2401.12345 huggingface refresh']);
      expect(await handleBackgroundMessage({ ...refresh, id: '2402.00001' }, popup, deps())).toEqual({
        ok: false,
        error: 'PaperShelf could not refresh the paper’s details: paper 2402.00001 is not saved',
      });
      expect((await handleBackgroundMessage({ ...refresh, id: '2401.12345v2' }, popup, deps())).ok).toBe(false);
      // Nobody else can ask for one.
      expect((await handleBackgroundMessage(refresh, { ...popup, id: 'someone-else' }, deps())).ok).toBe(false);
    });

    it('queues again the lookups of papers put back by Undo, and of papers a backup adds', async () => {
      await handleBackgroundMessage(listed, contentScript, deps());
      const removed = await handleBackgroundMessage({ type: 'papers/remove', ids: ['2401.12345'] }, popup, deps());
      expect(await db.lookups.count()).toBe(0);
      await handleBackgroundMessage(
        { type: 'papers/restore', papers: (removed as { result: { removed: Paper[] } }).result.removed },
        popup,
        deps(),
      );
      expect(await db.lookups.count()).toBe(2);

      const backup = createBackup([
        Paper.parse({
          ...metadata({ id: '2402.00001', authors: [], links: { code: [] } }),
          source: hfSource,
          tags: [],
          status: 'unread',
          notes: '',
          savedAt: 1,
          updatedAt: 1,
        }),
      ]);
      kicks = 0;
      await handleBackgroundMessage({ type: 'library/import-backup', text: backup }, popup, deps());
      expect((await queue()).filter((row) => row.startsWith('2402.00001'))).toEqual(['2402.00001 arxiv new', '2402.00001 huggingface new']);
      expect(kicks).toBe(1);
    });
  });

  it('says which paper cannot be updated', async () => {
    const reply = await handleBackgroundMessage({ type: 'paper/update', id: '2401.12345', patch: { notes: 'x' } }, popup, deps());
    expect(reply).toEqual({ ok: false, error: 'PaperShelf could not update the paper: paper 2401.12345 is not saved' });
  });
});
