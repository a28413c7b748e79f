import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerImport } from '@/lib/import-worker/answer';
import type { ImportWorkerReply } from '@/lib/import-worker/protocol';

// The page's side of the import worker: every reply is parsed before anything reaches the background, and a
// worker that fails, or answers something else, rejects with why (the library page shows it, with "Nothing
// was changed"), and is ended either way.

const askBackground = vi.fn();
vi.mock('@/lib/messaging/client', () => ({ askBackground: (request: unknown) => askBackground(request) }));
// The real import starts a Vite-built worker script; in jsdom there is none to start.
vi.mock('@/lib/import-worker/main?worker', () => ({ default: class {} }));
const { importBibtexFile } = await import('@/lib/pages/import-bibtex-file');

const BIB = '@misc{good, title = {Good}, eprint = {2401.00001}, archivePrefix = {arXiv}}\n@book{knuth, title = {TeX}}';

type WorkerEvent = { type: 'message'; data: unknown } | { type: 'error'; message?: string } | { type: 'messageerror' };

/** A worker that answers the page's message with `respond`'s events, each a task later, as a real one would. */
function fakeWorker(respond: (message: unknown) => WorkerEvent[]) {
  const listeners = new Map<string, (event: unknown) => void>();
  const worker = {
    terminated: false,
    sent: [] as unknown[],
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    terminate: () => void (worker.terminated = true),
    postMessage: (message: unknown) => {
      worker.sent.push(message);
      for (const event of respond(structuredClone(message))) {
        setTimeout(() => {
          const data = 'data' in event ? structuredClone(event.data) : undefined;
          listeners.get(event.type)?.({ ...event, data, preventDefault() {} });
        });
      }
    },
  };
  return worker;
}
const messages = (...data: unknown[]): WorkerEvent[] => data.map((reply) => ({ type: 'message', data: reply }));
const realReplies = (message: unknown) => messages(...answerImport(message));

beforeEach(() => {
  askBackground.mockReset().mockResolvedValue({ added: 1, updated: 0, unchanged: 0, skipped: [] });
});

describe('importing a BibTeX file through the import worker', () => {
  it('sends the text to the worker, and what it read to the background, and ends the worker', async () => {
    const worker = fakeWorker(realReplies);
    await expect(importBibtexFile(BIB, () => worker)).resolves.toEqual({ added: 1, updated: 0, unchanged: 0, skipped: [] });
    expect(worker.sent).toEqual([{ text: BIB }]);
    expect(askBackground).toHaveBeenCalledWith({
      type: 'library/import-bibtex',
      papers: [expect.objectContaining({ metadata: expect.objectContaining({ id: '2401.00001', title: 'Good' }), citationKey: 'good' })],
      skipped: [{ key: 'knuth', reason: 'no arXiv id (eprint, journal, url or doi)' }],
    });
    expect(worker.terminated).toBe(true);
  });

  const [papersReply] = answerImport({ text: BIB }) as [ImportWorkerReply & { kind: 'papers' }];
  it.each<[string, WorkerEvent[], RegExp]>([
    [
      'the parse failed in the worker',
      messages({ kind: 'failed', error: 'Maximum call stack size exceeded' }),
      /^Could not read the file \(the BibTeX parser failed: Maximum call stack size exceeded\)$/,
    ],
    [
      'a slice holds something that is not a paper',
      messages(
        papersReply,
        { kind: 'papers', papers: [{ metadata: { id: 'nope' } }] },
        { kind: 'done', papers: 2, skipped: 0, parseMs: 1 },
      ),
      /^Could not read the file \(the BibTeX parser answered something other than papers\)$/,
    ],
    ['the worker answered nothing it knows', messages('hello'), /answered something other than papers/],
    [
      'a slice was lost on the way',
      messages(papersReply, { kind: 'done', papers: 2, skipped: 0, parseMs: 1 }),
      /^Could not read the file \(some of the BibTeX parser’s answer was lost\)$/,
    ],
    [
      'the worker crashed after a slice',
      [...messages(papersReply), { type: 'error', message: 'Uncaught RangeError: out of memory' }],
      /^Could not read the file \(the BibTeX parser stopped: Uncaught RangeError: out of memory\)$/,
    ],
    ['the worker script did not load', [{ type: 'error' }], /^Could not read the file \(the BibTeX parser stopped\)$/],
    ['the answer could not be received', [{ type: 'messageerror' }], /answer could not be received/],
  ])('%s: rejects with why, sends nothing to the background, and ends the worker', async (_, events, why) => {
    const worker = fakeWorker(() => events);
    await expect(importBibtexFile(BIB, () => worker)).rejects.toThrow(why);
    expect(askBackground).not.toHaveBeenCalled();
    expect(worker.terminated).toBe(true);
  });
});
