// Issue #13: papers handed to Zotero through its connector server, and the "In Zotero" answers of its local
// API, against the protocol double of Zotero's server (tests/support/zotero-double.mjs).
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LOOKUPS_PER_ASK, SEND_BATCH } from '@/lib/zotero/send';
import type { BackgroundRequest } from '@/lib/messaging/contract';
import { senders, testBackground } from '../support/background';
import { hfSource, metadata } from '../support/factory';

describe('Zotero', () => {
  const bg = testBackground({ now: 1000 });
  const zotero = bg.zotero.state;
  afterEach(async () => {
    await bg.reset();
    bg.now = 1000;
  });
  const ask = (request: BackgroundRequest) => bg.send(request, senders.library);
  const ids = ['2401.00001', '2401.00002', '2401.00003'];
  const saveThree = async () => {
    for (const [index, id] of ids.entries()) {
      await bg.ask({ type: 'paper/save', paper: metadata({ id, title: `Paper ${index + 1}` }), source: hfSource }, senders.contentScript);
    }
    await bg.ask({ type: 'paper/update', id: ids[0]!, patch: { notes: { text: 'See <Table 2> & §4', base: '' }, addTags: ['diffusion'] } });
    await bg.ask({ type: 'papers/update', ids: ids.slice(1), patch: { status: 'read', addTags: ['to cite'] } });
  };
  /** What must not change when a send fails: the papers, and what PaperShelf keeps of Zotero. */
  const snapshot = async () => ({ papers: await bg.db.papers.toArray(), zotero: await bg.db.zotero.toArray() });

  it('sends the papers, their notes and tags, as preprints Zotero accepts, and remembers they were sent', async () => {
    await saveThree();
    const reply = await ask({ type: 'zotero/send', ids });
    expect(reply).toEqual({
      ok: true,
      result: { sent: ids.map((id, index) => ({ id, title: `Paper ${index + 1}` })), alreadyInZotero: [], sentBefore: [], failed: [] },
    });
    expect(zotero.problems).toEqual([]);
    // A ping, then one save of the three; each with the connector's version header.
    expect(zotero.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /connector/ping', 'POST /connector/saveItems']);
    for (const request of zotero.requests) expect(request.headers['x-zotero-connector-api-version']).toBe('3');
    const [first, second] = zotero.received as Record<string, unknown>[];
    expect(first).toMatchObject({
      itemType: 'preprint',
      title: 'Paper 1',
      archiveID: 'arXiv:2401.00001',
      DOI: '10.48550/arXiv.2401.00001',
      repository: 'arXiv',
      tags: [{ tag: 'cs.LG' }, { tag: 'diffusion' }, { tag: 'to-read' }],
      notes: [{ note: '<p>See &lt;Table 2&gt; &amp; §4</p>' }],
      attachments: [{ url: 'https://github.com/example/attention', mimeType: 'text/html', snapshot: false }],
    });
    expect(second).toMatchObject({ tags: [{ tag: 'cs.LG' }, { tag: 'to cite' }, { tag: 'read' }], notes: [] });
    const records = await bg.db.zotero.toArray();
    expect(records.map((record) => [record.id, record.sent?.at, record.inLibrary?.found])).toEqual(ids.map((id) => [id, 1000, true]));
  });

  it('warns before sending again a paper sent before, and sends it when asked again', async () => {
    await saveThree();
    await ask({ type: 'zotero/send', ids: [ids[0]!] });
    const again = await bg.ask({ type: 'zotero/send', ids }, senders.library);
    expect(again).toMatchObject({ sent: [{ id: ids[1] }, { id: ids[2] }], sentBefore: [{ id: ids[0], title: 'Paper 1' }] });
    expect(zotero.received).toHaveLength(3);
    const confirmed = await bg.ask({ type: 'zotero/send', ids: [ids[0]!], resend: true }, senders.library);
    expect(confirmed).toMatchObject({ sent: [{ id: ids[0] }], sentBefore: [] });
    expect(zotero.received).toHaveLength(4);
  });

  it('asks the local API first when the user turned the mark on: a paper in Zotero is not sent twice', async () => {
    await saveThree();
    bg.zoteroSettings.zoteroMark = true;
    zotero.library.push({ key: 'ABCD2345', data: { itemType: 'preprint', title: 'Paper 2', url: 'http://arxiv.org/abs/2401.00002v1' } });
    // A note that merely cites a paper's id is not that paper.
    zotero.library.push({ key: 'EFGH2345', data: { itemType: 'journalArticle', title: 'Other', extra: 'cites 2401.00003 in passing' } });
    const result = await bg.ask({ type: 'zotero/send', ids }, senders.library);
    expect(result).toMatchObject({ sent: [{ id: ids[0] }, { id: ids[2] }], alreadyInZotero: [{ id: ids[1] }], sentBefore: [] });
    const searches = zotero.requests.filter((request) => request.path.startsWith('/api/'));
    expect(searches).toHaveLength(3);
    for (const search of searches) {
      expect(search.path).toMatch(/^\/api\/users\/0\/items\/top\?q=2401\.0000\d&qmode=fields&format=json&limit=25$/);
      expect(search.headers['zotero-allowed-request']).toBe('1');
    }
    expect((await bg.db.zotero.get(ids[1]!))?.inLibrary).toEqual({ found: true, key: 'ABCD2345', at: 1000 });
  });

  describe('every failure is a clear error, and changes nothing', () => {
    const failsWith = async (error: string | RegExp) => {
      await saveThree();
      const before = await snapshot();
      const reply = await ask({ type: 'zotero/send', ids });
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error).toMatch(error);
      expect(await snapshot()).toEqual(before);
      expect(zotero.received).toEqual([]);
    };

    it('Zotero not running', async () => {
      zotero.running = false;
      await failsWith('PaperShelf could not send the papers to Zotero: Zotero is not running: nothing answers on 127.0.0.1:23119.');
    });
    it('an old Zotero (404)', async () => {
      zotero.version = 'old';
      await failsWith(/too old for PaperShelf .* update Zotero/);
    });
    it('the permission withheld', async () => {
      bg.zoteroSettings.permission = false;
      await failsWith(/its access to 127\.0\.0\.1:23119 is withheld/);
      expect(zotero.requests).toEqual([]);
    });
    it('Zotero busy (500)', async () => {
      zotero.busy = true;
      await failsWith(/Zotero did not save \(it answered 500\): it may be busy .* Close any dialog open in Zotero/);
    });
    it.each([
      ['html', /is not Zotero/],
      ['not-zotero', /is not Zotero/],
      ['malformed-json', /not a Zotero connector’s/],
      ['huge', /longer than 2 MB/],
      ['redirect', /redirected PaperShelf elsewhere.* did not follow/],
      ['slow', /did not answer within 0\.2 s/],
    ] as const)('a hostile answer from the port: %s', async (hostility, error) => {
      zotero.hostile = hostility;
      await failsWith(error);
    });
  });

  it('reports a partial success: the batches Zotero saved are recorded, the one it failed is named', async () => {
    const many = Array.from({ length: SEND_BATCH + 2 }, (_, index) => `2402.${String(index + 1).padStart(5, '0')}`);
    for (const id of many)
      await bg.ask({ type: 'paper/save', paper: metadata({ id, title: `P ${id}` }), source: hfSource }, senders.contentScript);
    zotero.failSaveNumber = 2;
    const result = await bg.ask({ type: 'zotero/send', ids: many }, senders.library);
    expect(result.sent).toHaveLength(SEND_BATCH);
    expect(result.failed).toEqual([
      { papers: many.slice(SEND_BATCH).map((id) => ({ id, title: `P ${id}` })), reason: expect.stringMatching(/answered 500/) },
    ]);
    expect((await bg.db.zotero.toArray()).map((record) => record.id)).toEqual(many.slice(0, SEND_BATCH));
  });

  it('answers a listing which of its papers are in Zotero only when the user turned it on, and caches the answers', async () => {
    zotero.library.push({ key: 'ABCD2345', data: { itemType: 'preprint', title: 'X', archiveID: 'arXiv:2401.00002' } });
    const inLibrary = (sender = senders.contentScript) => bg.ask({ type: 'zotero/in-library', ids }, sender);
    expect(await inLibrary()).toEqual({});
    expect(zotero.requests).toEqual([]);
    bg.zoteroSettings.zoteroMark = true;
    expect(await inLibrary()).toEqual({ '2401.00001': false, '2401.00002': true, '2401.00003': false });
    expect(zotero.requests).toHaveLength(3);
    // Asked again soon: from the cache. Later: Zotero is asked again.
    expect(await inLibrary()).toEqual({ '2401.00001': false, '2401.00002': true, '2401.00003': false });
    expect(zotero.requests).toHaveLength(3);
    // Stored: what Zotero has. A listing's papers that are neither saved nor in Zotero stay in the worker's memory.
    expect((await bg.db.zotero.toArray()).map((record) => record.id)).toEqual(['2401.00002']);
    bg.now += 11 * 60_000;
    zotero.localApi = false;
    // The local API switched off: what was known stays, and nothing new is made up.
    expect(await inLibrary()).toEqual({ '2401.00001': false, '2401.00002': true, '2401.00003': false });
    expect(zotero.problems).toEqual([]);
    // Zotero failed just now: not asked again for a minute.
    const asked = zotero.requests.length;
    await bg.ask({ type: 'zotero/in-library', ids: ['2401.00009'] }, senders.contentScript);
    expect(zotero.requests).toHaveLength(asked);
  });

  it('looks up at most MAX_LOOKUPS_PER_ASK papers of one listing', async () => {
    bg.zoteroSettings.zoteroMark = true;
    const many = Array.from({ length: MAX_LOOKUPS_PER_ASK + 20 }, (_, index) => `2403.${String(index + 1).padStart(5, '0')}`);
    const answer = await bg.ask({ type: 'zotero/in-library', ids: many }, senders.contentScript);
    expect(Object.keys(answer)).toHaveLength(MAX_LOOKUPS_PER_ASK);
    expect(zotero.requests).toHaveLength(MAX_LOOKUPS_PER_ASK);
  });

  it('remembers a save Zotero did not answer in time as sent before, so that sending again asks first', async () => {
    await saveThree();
    zotero.slowSave = true;
    const late = await bg.ask({ type: 'zotero/send', ids }, senders.library);
    expect(late).toMatchObject({
      sent: [],
      failed: [{ reason: expect.stringMatching(/did not answer within 0\.2 s\. .* look in Zotero before sending them again/) }],
    });
    // Zotero did save them: the next send does not make second copies unasked.
    zotero.slowSave = false;
    expect(await bg.ask({ type: 'zotero/send', ids }, senders.library)).toMatchObject({ sent: [], sentBefore: ids.map((id) => ({ id })) });
    expect(zotero.received).toHaveLength(3);
    expect((await bg.db.zotero.get(ids[0]!))?.inLibrary).toBeUndefined();
  });
});
