// @vitest-environment node
// The lookup queue worked through against a fake network and a fake clock: the answers are the
// recorded-shape fixtures beside this file, the database is fake-indexeddb, the paper writes are the real ones.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaperShelfDb } from '@/lib/db/database';
import { processLookups, type LookupDeps, type Pause } from '@/lib/lookup/processor';
import { BACKOFF_BASE, DAILY_BUDGET, DAY, MAX_ATTEMPTS, utcDay } from '@/lib/lookup/queue';
import { LookupService } from '@/lib/model/lookup';
import { enqueueLookups, refreshLookup } from '@/lib/lookup/enqueue';
import type { PaperMetadataInput } from '@/lib/model/paper';
import { removePaper, removePapers, restorePapers, savePaper, updatePaper } from '@/lib/db/papers';
import { arxivSource, metadata, uniqueDbName } from '../support/factory';
import { fixtureText } from './fixtures';

const NOW = Date.UTC(2026, 10, 26, 12);
const SECOND = 1000;

/** What a listing page gave: a title and the first author, nothing else (the fixture feed knows these ids). */
const listed = (id: string, fields: Partial<PaperMetadataInput> = {}) =>
  metadata({
    id,
    title: `Paper ${id}`,
    authors: [],
    abstract: undefined,
    published: undefined,
    primaryCategory: undefined,
    links: { code: [] },
    ...fields,
  });

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

let db: PaperShelfDb;
let clock: number;
let calls: { url: URL; at: number }[];
let warnings: string[];
let handler: Handler;
let enabled: boolean;
let online: boolean;
/** The worker's storage.session: survives a restart of the processor (a new `deps()`), like the real one. */
let session: Map<LookupService, number>;

/** Answers as the two APIs would, from the fixtures: arXiv's three-entry feed, Hugging Face's found paper or 404. */
const realisticApis: Handler = (url) => {
  if (url.host === 'export.arxiv.org')
    return new Response(fixtureText('arxiv-three-entries.xml'), { headers: { 'content-type': 'application/atom+xml' } });
  if (url.pathname === '/api/papers/2401.12345')
    return new Response(fixtureText('hf-found.json'), { headers: { 'content-type': 'application/json' } });
  return new Response('{"error":"Paper not found"}', { status: 404 });
};

const deps = (overrides: Partial<LookupDeps> = {}): LookupDeps => ({
  db,
  fetch: async (url, init) => {
    calls.push({ url: new URL(url), at: clock });
    return handler(new URL(url), init);
  },
  now: () => clock,
  online: () => online,
  enabled: async () => enabled,
  lastCall: { read: async (service) => session.get(service), write: async (service, at) => void session.set(service, at) },
  random: () => 0,
  warn: (message) => void warnings.push(message),
  ...overrides,
});

/** Saves as the background does: the paper, then what it needs queued. */
async function save(...papers: ReturnType<typeof listed>[]) {
  for (const paper of papers) await enqueueLookups(db, [await savePaper(db, paper, arxivSource, clock)], clock);
}

/** Both lanes, side by side as the scheduler runs them; says where each paused. */
async function run(overrides: Partial<LookupDeps> = {}): Promise<Record<LookupService, Pause>> {
  const [arxiv, huggingface] = await Promise.all(LookupService.options.map((service) => processLookups(deps(overrides), service)));
  return { arxiv: arxiv!, huggingface: huggingface! };
}
const EMPTY: Pause = { kind: 'idle', why: 'empty' };

const rows = () => db.lookups.toArray();
const stored = (id: string) => db.papers.get(id);
const huggingFaceIdsAsked = () =>
  calls.filter((call) => call.url.host === 'huggingface.co').map((call) => [call.url.pathname.split('/').at(-1), call.at - NOW]);
const arxivIdsAsked = () =>
  calls.filter((call) => call.url.host === 'export.arxiv.org').map((call) => call.url.searchParams.get('id_list'));

beforeEach(() => {
  db = new PaperShelfDb(uniqueDbName());
  clock = NOW;
  calls = [];
  warnings = [];
  handler = realisticApis;
  enabled = true;
  online = true;
  session = new Map();
});
afterEach(() => db.delete());

describe('processLookups', () => {
  it('asks arXiv once for papers saved together, Hugging Face one paper a second, and completes each paper', async () => {
    await save(listed('2401.12345', { authors: ['Ada Lovelace'] }), listed('hep-th/9901001'), listed('2501.01234'));

    expect(await run()).toEqual({ arxiv: EMPTY, huggingface: { kind: 'wait', until: NOW + SECOND } });
    expect(arxivIdsAsked()).toEqual(['2401.12345,2501.01234,hep-th/9901001']);
    expect(huggingFaceIdsAsked()).toEqual([['2401.12345', 0]]);

    clock += SECOND;
    await run();
    // Hugging Face has no paper pages for old-style ids: never asked about hep-th/9901001.
    expect(huggingFaceIdsAsked()).toEqual([
      ['2401.12345', 0],
      ['2501.01234', SECOND],
    ]);
    expect(arxivIdsAsked()).toHaveLength(1);

    expect(await stored('2401.12345')).toMatchObject({
      authors: ['Ada Lovelace', 'Łukasz Müller', 'Grace Hopper'],
      primaryCategory: 'cs.LG',
      links: { code: ['https://github.com/a/b', 'https://huggingface.co/example/attention-small', 'https://github.com/example/attention'] },
      lookup: { doi: '10.1000/jmlr.2024.017', githubStars: { 'https://github.com/example/attention': 1234 }, upvotes: 42 },
      updatedAt: NOW,
    });
    expect(await stored('hep-th/9901001')).toMatchObject({
      authors: ['E. Witten'],
      published: '1999-01-04',
      lookup: { arxivCheckedAt: NOW },
    });
    // Complete, with code: nothing left to ask about any of them.
    expect(await rows()).toEqual([]);
    expect(await run()).toEqual({ arxiv: EMPTY, huggingface: EMPTY });
    for (const id of ['2401.12345', 'hep-th/9901001', '2501.01234'])
      expect(await enqueueLookups(db, [(await stored(id))!], clock + 2 * DAY)).toBe(0);
  });

  it('waits 3 s between arXiv calls, also across a restart of the worker', async () => {
    await save(listed('2401.12345'));
    await run();
    clock += SECOND;
    await save(listed('2501.01234'));
    // A new processor (the worker was stopped) with the same session storage.
    expect((await run()).arxiv).toEqual({ kind: 'wait', until: NOW + 3 * SECOND });
    expect(arxivIdsAsked()).toEqual(['2401.12345']);
    clock = NOW + 3 * SECOND;
    await run();
    expect(arxivIdsAsked()).toEqual(['2401.12345', '2501.01234']);
  });

  it('lets Hugging Face go on while arXiv is slow to answer', async () => {
    await save(listed('2401.12345'), listed('2501.01234'));
    let answerArxiv = () => {};
    handler = (url, init) =>
      url.host === 'export.arxiv.org'
        ? new Promise((resolve) => (answerArxiv = () => resolve(realisticApis(url, init))))
        : realisticApis(url, init);
    const arxiv = processLookups(deps(), 'arxiv');
    expect(await processLookups(deps(), 'huggingface')).toEqual({ kind: 'wait', until: NOW + SECOND });
    expect(huggingFaceIdsAsked()).toEqual([['2401.12345', 0]]);
    answerArxiv();
    expect(await arxiv).toEqual(EMPTY);
    expect(await stored('2401.12345')).toMatchObject({
      authors: ['Ada Lovelace', 'Łukasz Müller', 'Grace Hopper'],
      lookup: { upvotes: 42 },
    });
  });

  it('says when answers were merged into papers, and not after a failure', async () => {
    let changes = 0;
    await save(listed('2401.12345'));
    await processLookups(deps({ papersChanged: () => void changes++ }), 'arxiv');
    expect(changes).toBe(1);
    handler = () => new Response('down', { status: 503 });
    await refreshLookup(db, '2401.12345', clock);
    await processLookups(deps({ papersChanged: () => void changes++ }), 'huggingface');
    expect(changes).toBe(1);
  });

  it('counts its calls per service and day, and keeps Hugging Face within its daily budget', async () => {
    const spent = new Map<string, number>();
    const callsToday = {
      read: async (service: string, at: number) => spent.get(`${service} ${utcDay(at)}`) ?? 0,
      add: async (service: string, at: number) =>
        void spent.set(`${service} ${utcDay(at)}`, (spent.get(`${service} ${utcDay(at)}`) ?? 0) + 1),
    };
    await save(listed('2401.12345'));
    spent.set(`huggingface ${utcDay(clock)}`, DAILY_BUDGET.huggingface);
    const pause = await processLookups(deps({ callsToday }), 'huggingface');
    expect(huggingFaceIdsAsked()).toEqual([]);
    expect(pause).toEqual({ kind: 'wait', until: Math.floor(clock / DAY) * DAY + DAY });
    await processLookups(deps({ callsToday }), 'arxiv');
    expect(spent.get(`arxiv ${utcDay(clock)}`)).toBe(1);
  });

  it('asks arXiv once about a paper the page gave completely, with its code, and Hugging Face never', async () => {
    await save(metadata());
    expect((await rows()).map((row) => row.service)).toEqual(['arxiv']);
    expect(await run()).toEqual({ arxiv: EMPTY, huggingface: EMPTY });
    expect(arxivIdsAsked()).toEqual(['2401.12345']);
    expect(huggingFaceIdsAsked()).toEqual([]);
    expect((await stored('2401.12345'))?.lookup?.arxivCheckedAt).toBe(NOW);
    // Once is enough: nothing is queued again.
    expect(await rows()).toEqual([]);
  });

  it('keeps what the user wrote while the request was under way, and leaves updatedAt at their edit', async () => {
    await save(listed('2401.12345', { title: 'My own title' }));
    handler = async (url, init) => {
      if (url.host === 'export.arxiv.org')
        await updatePaper(db, '2401.12345', { notes: { text: 'typed meanwhile', base: '' }, addTags: ['mine'], status: 'read' }, NOW + 500);
      return realisticApis(url, init);
    };
    await run();
    expect(await stored('2401.12345')).toMatchObject({
      title: 'My own title',
      notes: 'typed meanwhile',
      tags: ['mine'],
      status: 'read',
      updatedAt: NOW + 500,
      authors: ['Ada Lovelace', 'Łukasz Müller', 'Grace Hopper'],
      lookup: { arxivCheckedAt: NOW, changedAt: NOW },
    });
  });

  it('backs off 30 s after a server error, then completes the lookup', async () => {
    await save(listed('2401.12345'));
    handler = () => new Response('busy', { status: 503 });
    const before = await stored('2401.12345');
    expect(await run()).toEqual({
      arxiv: { kind: 'wait', until: NOW + BACKOFF_BASE },
      huggingface: { kind: 'wait', until: NOW + BACKOFF_BASE },
    });
    expect(calls).toHaveLength(2);
    expect(await stored('2401.12345')).toEqual(before);
    expect(await rows()).toEqual([
      expect.objectContaining({ service: 'arxiv', attempts: 1, notBefore: NOW + BACKOFF_BASE }),
      expect.objectContaining({ service: 'huggingface', attempts: 1, notBefore: NOW + BACKOFF_BASE }),
    ]);

    handler = realisticApis;
    clock = NOW + BACKOFF_BASE - 1;
    await run();
    expect(calls).toHaveLength(2);
    clock = NOW + BACKOFF_BASE;
    expect(await run()).toEqual({ arxiv: EMPTY, huggingface: EMPTY });
    expect(calls).toHaveLength(4);
    expect(await stored('2401.12345')).toMatchObject({ authors: ['Ada Lovelace', 'Łukasz Müller', 'Grace Hopper'] });
  });

  it("honours a server's Retry-After", async () => {
    await save(listed('hep-th/9901001'));
    handler = () => new Response('slow down', { status: 429, headers: { 'retry-after': '120' } });
    await run();
    expect(await rows()).toEqual([expect.objectContaining({ attempts: 1, notBefore: NOW + 120 * SECOND })]);
  });

  it('gives up on a server that does not answer in time, and backs off', async () => {
    await save(listed('hep-th/9901001'));
    handler = (_, init) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error)));
    await run({ timeoutMs: 20 });
    expect(calls).toHaveLength(1);
    expect(await rows()).toEqual([expect.objectContaining({ attempts: 1, notBefore: NOW + BACKOFF_BASE })]);
  });

  it('makes no request while offline, and resumes once online', async () => {
    await save(listed('2401.12345'));
    online = false;
    expect(await run()).toEqual({ arxiv: { kind: 'idle', why: 'offline' }, huggingface: { kind: 'idle', why: 'offline' } });
    expect(calls).toEqual([]);
    online = true;
    await run();
    expect(calls).toHaveLength(2);
  });

  it('makes no request at all with lookups turned off, and keeps the queue for when they are on', async () => {
    await save(listed('2401.12345'), listed('2501.01234'));
    enabled = false;
    const queued = await rows();
    expect(queued).toHaveLength(4);
    expect(await run()).toEqual({ arxiv: { kind: 'idle', why: 'disabled' }, huggingface: { kind: 'idle', why: 'disabled' } });
    expect(calls).toEqual([]);
    expect(await rows()).toEqual(queued);
    enabled = true;
    await run();
    expect(arxivIdsAsked()).toEqual(['2401.12345,2501.01234']);
  });

  it.each([
    ['malformed XML', 'arxiv-truncated.xml', /unreadable XML/],
    ['entity declarations', 'arxiv-hostile-entities.xml', /DOCTYPE/],
    ['an answer too long to be real', 'huge', /more than 5000000/],
  ])('changes nothing on %s from arXiv, says why, and gives up after a few tries', async (_, file, reason) => {
    await save(listed('hep-th/9901001'));
    const before = await stored('hep-th/9901001');
    handler = () => new Response(file === 'huge' ? `<feed>${'x'.repeat(6_000_000)}</feed>` : fixtureText(file));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS.permanent; attempt++) {
      await run();
      clock += DAY;
    }
    expect(calls).toHaveLength(MAX_ATTEMPTS.permanent);
    expect(await stored('hep-th/9901001')).toEqual(before);
    expect(warnings[0]).toMatch(reason);
    expect(warnings.at(-1)).toMatch(/gave up looking up hep-th\/9901001 on arxiv after 3 attempts/);
    expect(await rows()).toEqual([]);
  });

  it('takes an error entry as no answer for the papers it leaves out', async () => {
    await save(listed('hep-th/9901001'));
    handler = () => new Response(fixtureText('arxiv-error.xml'));
    await run();
    expect(warnings).toEqual([expect.stringMatching(/arXiv answered with errors .*incorrect id format for 1234/)]);
    expect((await stored('hep-th/9901001'))?.lookup).toBeUndefined();
    expect(await rows()).toEqual([expect.objectContaining({ attempts: 1 })]);
  });

  it('takes an empty feed, which arXiv sometimes sends for a good query, as no answer rather than "unknown"', async () => {
    await save(listed('hep-th/9901001'));
    handler = () => new Response('<feed xmlns="http://www.w3.org/2005/Atom"><title>arXiv Query: id_list=hep-th/9901001</title></feed>');
    await run();
    expect((await stored('hep-th/9901001'))?.lookup).toBeUndefined();
    expect(await rows()).toEqual([expect.objectContaining({ attempts: 1 })]);
  });

  it('uses only the entries it asked for', async () => {
    // The feed holds three papers; only one was asked about, and the others are not saved.
    await save(listed('hep-th/9901001'));
    await run();
    expect(await db.papers.toCollection().primaryKeys()).toEqual(['hep-th/9901001']);
  });

  it('records a Hugging Face 404 as checked and looks again a day later while there is no code', async () => {
    await save(listed('2501.01234', { authors: ['Rosalind Franklin'], abstract: 'A.', published: '2025-01-03', primaryCategory: 'cs.RO' }));
    await processLookups(deps(), 'huggingface');
    expect(calls.map((call) => call.url.pathname)).toEqual(['/api/papers/2501.01234']);
    expect((await stored('2501.01234'))?.lookup).toEqual({ huggingfaceCheckedAt: NOW });
    expect((await rows()).filter((row) => row.service === 'huggingface')).toEqual([
      { id: '2501.01234', service: 'huggingface', attempts: 0, notBefore: NOW + DAY, reason: 'recheck' },
    ]);
  });

  it('changes nothing on a Hugging Face answer of the wrong shape, and says why', async () => {
    await save(listed('2401.12345', { authors: ['A'], abstract: 'A.', published: '2024-01-22', primaryCategory: 'cs.LG' }));
    const before = await stored('2401.12345');
    handler = () => new Response(fixtureText('hf-wrong-types.json'));
    await processLookups(deps(), 'huggingface');
    expect(await stored('2401.12345')).toEqual(before);
    expect(warnings).toEqual([expect.stringMatching(/unusable answer from Hugging Face for 2401\.12345: unexpected answer/)]);
    expect((await rows()).filter((row) => row.service === 'huggingface')).toEqual([expect.objectContaining({ attempts: 1 })]);
  });

  it('drops the work of a paper removed while its request was under way', async () => {
    await save(listed('hep-th/9901001'));
    handler = async (url, init) => {
      await removePaper(db, 'hep-th/9901001');
      return realisticApis(url, init);
    };
    await run();
    expect(await db.papers.count()).toBe(0);
    expect(await rows()).toEqual([]);
  });

  it('asks again about a complete paper when the user refreshes it, before other work', async () => {
    await save(listed('2501.01234'));
    clock += 10 * SECOND;
    await save(
      listed('2401.12345', {
        authors: ['A'],
        abstract: 'A.',
        published: '2024-01-22',
        primaryCategory: 'cs.LG',
        links: { code: ['https://github.com/a/b'] },
      }),
    );
    expect(await refreshLookup(db, '2401.12345', clock)).toBe(2);
    await run();
    expect(calls.map((call) => call.url.searchParams.get('id_list') ?? call.url.pathname)).toEqual([
      '2401.12345,2501.01234',
      '/api/papers/2401.12345',
    ]);
    expect((await stored('2401.12345'))?.lookup).toMatchObject({
      githubStars: { 'https://github.com/example/attention': 1234 },
      upvotes: 42,
    });
  });
});

describe('the queue rows', () => {
  it('go with their papers, and a save leaves a scheduled recheck where it is', async () => {
    await save(listed('2401.12345'), listed('2501.01234'), listed('hep-th/9901001'));
    expect(await rows()).toHaveLength(5);
    const removed = await removePapers(db, ['2401.12345', 'hep-th/9901001']);
    expect((await rows()).map((row) => row.id)).toEqual(['2501.01234', '2501.01234']);
    await removePaper(db, '2501.01234');
    expect(await rows()).toEqual([]);
    // Undo puts the papers back; queuing their lookups again is the caller's part (the background handler).
    await restorePapers(db, removed);
    expect(await enqueueLookups(db, removed, clock)).toBe(3);

    const recheck = { id: '2401.12345', service: 'huggingface' as const, attempts: 0, notBefore: NOW + DAY, reason: 'recheck' as const };
    await db.lookups.put(recheck);
    await save(listed('2401.12345'));
    expect(await db.lookups.get(['2401.12345', 'huggingface'])).toEqual(recheck);
  });
});
