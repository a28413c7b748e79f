import { afterEach, describe, expect, it, vi } from 'vitest';
import { HANDLERS } from '@/lib/background/handlers';
import { createBackup } from '@/lib/formats/backup';
import type { BackgroundRequest, BackgroundRequestType } from '@/lib/messaging/contract';
import type { SavedState } from '@/lib/model/paper';
import { handleBackgroundMessage } from '@/lib/background/router';
import { extension, senders, testBackground, unreachableZotero } from '../support/background';
import { metadata, hfSource, paper } from '../support/factory';

const { contentScript, popup } = senders;

describe('handleBackgroundMessage', () => {
  const bg = testBackground({ now: 5000 });
  afterEach(() => bg.reset());

  const save = { type: 'paper/save', paper: metadata(), source: hfSource };

  it('saves from a content script on a supported page and announces the new state', async () => {
    const reply = await bg.send(save, contentScript);
    expect(reply).toMatchObject({ ok: true, result: { id: '2401.12345', savedAt: 5000 } });
    expect(bg.announced).toEqual([{ '2401.12345': true }]);
    expect(await bg.db.papers.count()).toBe(1);
  });

  it('answers saved state for a whole page in one reply', async () => {
    await bg.send(save, contentScript);
    const reply = await bg.send({ type: 'paper/saved-state', ids: ['2401.12345', '2402.00001'] }, contentScript);
    expect(reply).toEqual({ ok: true, result: { '2401.12345': true, '2402.00001': false } });
  });

  it('updates and removes from the popup', async () => {
    await bg.send(save, contentScript);
    const updated = await bg.send(
      { type: 'paper/update', id: '2401.12345', patch: { notes: { text: 'good', base: '' }, status: 'read' } },
      popup,
    );
    expect(updated).toMatchObject({ ok: true, result: { paper: { notes: 'good', status: 'read' } } });
    expect(await bg.send({ type: 'paper/remove', id: '2401.12345' }, popup)).toEqual({
      ok: true,
      result: { removed: true },
    });
    expect(bg.announced.at(-1)).toEqual({ '2401.12345': false });
    expect(await bg.db.papers.count()).toBe(0);
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
      const before = await bg.db.papers.toArray();
      const reply = await bg.send(message, sender);
      expect(reply.ok).toBe(false);
      expect(reply).toHaveProperty('error', expect.stringMatching(/PaperShelf/));
      expect(await bg.db.papers.toArray()).toEqual(before);
      expect(bg.announced).toEqual([]);
    });
  });

  it('reports a storage failure (a full disk) as an error reply and announces nothing; the next write after space is freed works', async () => {
    await bg.send({ ...save, paper: metadata({ id: '2402.00001' }) }, contentScript);
    const before = await bg.db.papers.toArray();
    const put = vi.spyOn(bg.db.papers, 'put').mockRejectedValue(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
    bg.announced.length = 0;
    const reply = await bg.send(save, contentScript);
    expect(reply).toEqual({ ok: false, error: 'PaperShelf could not save the paper: QuotaExceededError: disk full' });
    expect(bg.announced).toEqual([]);
    put.mockRestore();
    expect(await bg.db.papers.toArray()).toEqual(before);
    expect(await bg.db.lookups.where('id').equals('2401.12345').count()).toBe(0);
    expect(await bg.send(save, contentScript)).toMatchObject({ ok: true, result: { id: '2401.12345' } });
    expect(await bg.db.papers.count()).toBe(2);
  });

  describe('lookups (issue #6)', () => {
    // A Hugging Face listing gives no category and, here, no code: arXiv and Hugging Face have something to add.
    const listed = { ...save, paper: metadata({ primaryCategory: undefined, links: { code: [] } }) };
    const queue = async () => (await bg.db.lookups.toArray()).map(({ id, service, reason }) => `${id} ${service} ${reason}`);

    it('queues what a saved paper lacks with the save, and wakes the worker', async () => {
      expect(await bg.send(listed, contentScript)).toMatchObject({ ok: true });
      expect(await queue()).toEqual(['2401.12345 arxiv new', '2401.12345 huggingface new']);
      expect(bg.counts.lookupsQueued).toBe(1);
      // Saving it again (another page) queues nothing twice.
      await bg.send(listed, contentScript);
      expect(await bg.db.lookups.count()).toBe(2);
    });

    it('queues only arXiv, once, for a paper the page gave completely, code included', async () => {
      await bg.send(save, contentScript);
      expect(await queue()).toEqual(['2401.12345 arxiv new']);
    });

    it('refreshes a paper on request, and says when it is not saved', async () => {
      await bg.send(save, contentScript);
      const refresh = { type: 'paper/refresh-lookup', id: '2401.12345' };
      expect(await bg.send(refresh, popup)).toEqual({ ok: true, result: { queued: 2 } });
      expect(await queue()).toEqual(['2401.12345 arxiv refresh', '2401.12345 huggingface refresh']);
      expect(await bg.send({ ...refresh, id: '2402.00001' }, popup)).toEqual({
        ok: false,
        error: 'PaperShelf could not refresh the paper’s details: paper 2402.00001 is not saved',
      });
      expect((await bg.send({ ...refresh, id: '2401.12345v2' }, popup)).ok).toBe(false);
      // Nobody else can ask for one.
      expect((await bg.send(refresh, { ...popup, id: 'someone-else' })).ok).toBe(false);
    });

    it('queues again the lookups of papers put back by Undo, and of papers a backup adds', async () => {
      await bg.send(listed, contentScript);
      const removed = await bg.send({ type: 'papers/remove', ids: ['2401.12345'] }, popup);
      expect(await bg.db.lookups.count()).toBe(0);
      await bg.send(
        { type: 'trash/restore', ids: (removed as { result: { removed: { id: string }[] } }).result.removed.map((p) => p.id) },
        popup,
      );
      expect(await bg.db.lookups.count()).toBe(2);

      const backup = createBackup([
        paper({ ...metadata({ id: '2402.00001', authors: [], links: { code: [] } }), source: hfSource, savedAt: 1, updatedAt: 1 }),
      ]);
      bg.counts.lookupsQueued = 0;
      await bg.restore(backup, { sender: popup });
      expect((await queue()).filter((row) => row.startsWith('2402.00001'))).toEqual(['2402.00001 arxiv new', '2402.00001 huggingface new']);
      expect(bg.counts.lookupsQueued).toBe(1);
    });
  });

  it('refuses a field past its size limit with an error naming the field, and writes nothing (issue #10)', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...save, paper: { ...metadata(), title: 'x'.repeat(2001) } }, /^Malformed PaperShelf message: paper\.title: Too big/],
      [{ ...save, paper: { ...metadata(), authors: Array(5001).fill('A') } }, /^Malformed PaperShelf message: paper\.authors: Too big/],
      [{ ...save, source: { site: 'huggingface', url: `https://huggingface.co/${'a'.repeat(3000)}` } }, /source\.url: Too big/],
      [{ type: 'paper/saved-state', ids: Array(5001).fill('2401.12345') }, /^Malformed PaperShelf message: ids: Too big/],
      [{ type: 'paper/update', id: '2401.12345', patch: { addTags: ['t'.repeat(101)] } }, /patch\.addTags\.0: Too big/],
      [
        { type: 'paper/update', id: '2401.12345', patch: { notes: { text: 'n'.repeat(1_000_001), base: '' } } },
        /patch\.notes\.text: Too big/,
      ],
    ];
    for (const [message, error] of cases)
      expect(await bg.send(message, popup)).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect(await bg.db.papers.count()).toBe(0);
  });

  describe('who may send what', () => {
    it('lets a listing’s content script send the three requests it needs', () => {
      for (const type of ['paper/save', 'paper/remove', 'paper/saved-state'] as const)
        expect(HANDLERS[type].from).toContain('content-script');
    });

    it('refuses every other request from a content script with an error, and changes nothing (issue #10)', async () => {
      const saved = paper({ ...metadata({ id: '2402.00001' }), source: hfSource, savedAt: 1, updatedAt: 1 });
      await bg.restore(createBackup([saved]));
      await bg.ask({ type: 'paper/save', paper: metadata({ id: '2402.00002' }), source: hfSource });
      await bg.ask({ type: 'paper/remove', id: '2402.00002' });
      const id = '2402.00001';
      // Every request type, valid as the popup or library would send it (the compiler keeps the list whole).
      const requests = {
        'paper/save': save,
        'paper/remove': { type: 'paper/remove', id: '2499.99999' },
        'paper/saved-state': { type: 'paper/saved-state', ids: [id] },
        'paper/update': { type: 'paper/update', id, patch: { notes: { text: 'pwned', base: '' }, addTags: ['x'] } },
        'papers/update': { type: 'papers/update', ids: [id], patch: { status: 'read' } },
        'papers/remove': { type: 'papers/remove', ids: [id] },
        // Undo of that removal (and of the paper/remove above): back from the Trash.
        'trash/restore': { type: 'trash/restore', ids: [id, '2402.00002'] },
        'paper/set-citation-key': { type: 'paper/set-citation-key', id, key: 'Crafted2026' },
        'library/assign-citation-keys': { type: 'library/assign-citation-keys' },
        'library/restore-piece': {
          type: 'library/restore-piece',
          restoreId: 'restore-test-1',
          papers: [{ ...saved, id: '2403.00001' }],
          trash: [],
        },
        'library/restore-commit': { type: 'library/restore-commit', restoreId: 'restore-test-1', papers: 1, trash: 0 },
        'library/import-bibtex': { type: 'library/import-bibtex', papers: [], skipped: [] },
        'trash/delete': { type: 'trash/delete' },
        'paper/code-seen': { type: 'paper/code-seen', id },
        'paper/refresh-lookup': { type: 'paper/refresh-lookup', id },
        'zotero/send': { type: 'zotero/send', ids: [id] },
        'zotero/in-library': { type: 'zotero/in-library', ids: [id] },
      } satisfies { [T in BackgroundRequestType]: Extract<BackgroundRequest, { type: T }> | Record<string, unknown> };
      const snapshot = async () => ({
        papers: await bg.db.papers.toArray(),
        trash: await bg.db.trash.toArray(),
        lookups: await bg.db.lookups.toArray(),
        zotero: await bg.db.zotero.toArray(),
        zoteroRequests: bg.zotero.state.requests.length,
      });
      const allowed = new Set(['paper/save', 'paper/remove', 'paper/saved-state', 'zotero/in-library']);
      for (const [type, request] of Object.entries(requests)) {
        if (allowed.has(type)) continue;
        const before = await snapshot();
        expect(await bg.send(request, contentScript)).toEqual({
          ok: false,
          error: `PaperShelf does not accept ${type} from a content-script`,
        });
        expect(await snapshot()).toEqual(before);
      }
      for (const type of allowed) expect(await bg.send(requests[type as keyof typeof requests], contentScript)).toMatchObject({ ok: true });
      // The same requests from the library page are all accepted.
      for (const [type, request] of Object.entries(requests)) {
        if (!allowed.has(type)) expect(await bg.send(request, senders.library), type).toMatchObject({ ok: true });
      }
    });
  });

  it('recounts the badge after exactly the requests that may change a paper', async () => {
    await bg.send(save, contentScript);
    const changes = async (request: Parameters<typeof bg.send>[0]) => {
      const before = bg.counts.libraryChanged;
      expect((await bg.send(request)).ok).toBe(true);
      return bg.counts.libraryChanged - before;
    };
    expect(await changes({ type: 'paper/saved-state', ids: ['2401.12345'] })).toBe(0);
    expect(await changes({ type: 'library/restore-piece', restoreId: 'restore-test-2', papers: [], trash: [] })).toBe(0);
    expect(await changes({ type: 'paper/refresh-lookup', id: '2401.12345' })).toBe(0);
    expect(await changes({ type: 'paper/update', id: '2401.12345', patch: { status: 'read' } })).toBe(1);
    expect(await changes({ type: 'papers/update', ids: ['2401.12345'], patch: { status: 'unread' } })).toBe(1);
    // Handing out citation keys writes them.
    expect(await changes({ type: 'library/assign-citation-keys' })).toBe(1);
    expect(await changes({ type: 'paper/remove', id: '2401.12345' })).toBe(1);
  });

  it('clears the new-code mark of a paper the user opened, and nothing else', async () => {
    const saved = await bg.ask({ type: 'paper/save', paper: metadata(), source: hfSource }, contentScript);
    await bg.db.papers.put({ ...saved, lookup: { codeAppearedAt: 4000, huggingfaceCheckedAt: 4000 } });
    expect(await bg.ask({ type: 'paper/code-seen', id: saved.id })).toEqual({ cleared: true });
    expect(await bg.db.papers.get(saved.id)).toEqual({ ...saved, lookup: { huggingfaceCheckedAt: 4000 } });
    expect(await bg.ask({ type: 'paper/code-seen', id: saved.id })).toEqual({ cleared: false });
  });

  it('says which paper cannot be updated', async () => {
    const reply = await bg.send({ type: 'paper/update', id: '2401.12345', patch: { notes: { text: 'x', base: '' } } }, popup);
    expect(reply).toEqual({ ok: false, error: 'PaperShelf could not update the paper: paper 2401.12345 is not saved' });
  });
  it('replies to a save without waiting for the tabs to be told, once it has told them (issue #12)', async () => {
    const told: SavedState[] = [];
    const reply = await handleBackgroundMessage({ ...save, requestId: 'unhurried-1' }, contentScript, {
      db: bg.db,
      extension,
      now: () => 5000,
      // Storage that never confirms: the broadcast is on its way, the sender's control need not wait for it.
      announceSavedState: (states) => {
        told.push(states);
        return new Promise<void>(() => {});
      },
      zotero: unreachableZotero,
    });
    expect(reply).toMatchObject({ ok: true, result: { id: '2401.12345' } });
    expect(told).toEqual([{ '2401.12345': true }]);
  });
});
