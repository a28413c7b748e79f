import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerImport } from '@/lib/import-worker/answer';

// The page's side of the import worker: the reply is parsed before anything reaches the background, and a
// worker that fails, or answers something else, rejects with why (the library page shows it, with "Nothing
// was changed"), and is ended either way.

const askBackground = vi.fn();
vi.mock('@/lib/messaging/client', () => ({ askBackground: (request: unknown) => askBackground(request) }));
// The real import starts a Vite-built worker script; in jsdom there is none to start.
vi.mock('@/lib/import-worker/main?worker', () => ({ default: class {} }));
const { importBibtexFile } = await import('@/lib/pages/import-bibtex-file');

const BIB = '@misc{good, title = {Good}, eprint = {2401.00001}, archivePrefix = {arXiv}}\n@book{knuth, title = {TeX}}';

/** A worker that answers the page's message with `respond`'s event, a task later, as a real one would. */
function fakeWorker(
  respond: (message: unknown) => { type: 'message'; data: unknown } | { type: 'error' | 'messageerror'; message?: string },
) {
  const listeners = new Map<string, (event: unknown) => void>();
  const worker = {
    terminated: false,
    sent: [] as unknown[],
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    terminate: () => void (worker.terminated = true),
    postMessage: (message: unknown) => {
      worker.sent.push(message);
      setTimeout(() => {
        const event = respond(structuredClone(message));
        listeners.get(event.type)?.({ ...event, data: 'data' in event ? structuredClone(event.data) : undefined, preventDefault() {} });
      });
    },
  };
  return worker;
}

beforeEach(() => {
  askBackground.mockReset().mockResolvedValue({ added: 1, updated: 0, unchanged: 0, skipped: [] });
});

describe('importing a BibTeX file through the import worker', () => {
  it('sends the text to the worker, and what it read to the background, and ends the worker', async () => {
    const worker = fakeWorker((message) => ({ type: 'message', data: answerImport(message) }));
    await expect(importBibtexFile(BIB, () => worker)).resolves.toEqual({ added: 1, updated: 0, unchanged: 0, skipped: [] });
    expect(worker.sent).toEqual([{ text: BIB }]);
    expect(askBackground).toHaveBeenCalledWith({
      type: 'library/import-bibtex',
      papers: [expect.objectContaining({ metadata: expect.objectContaining({ id: '2401.00001', title: 'Good' }), citationKey: 'good' })],
      skipped: [{ key: 'knuth', reason: 'no arXiv id (eprint, journal, url or doi)' }],
    });
    expect(worker.terminated).toBe(true);
  });

  it.each([
    [
      'the parse failed in the worker',
      { type: 'message' as const, data: { ok: false, error: 'Maximum call stack size exceeded' } },
      /^Could not read the file \(the BibTeX parser failed: Maximum call stack size exceeded\)$/,
    ],
    [
      'the worker answered something that is not papers',
      { type: 'message' as const, data: { ok: true, papers: [{ metadata: { id: 'nope' } }], skipped: [], parseMs: 1 } },
      /^Could not read the file \(the BibTeX parser answered something other than papers\)$/,
    ],
    ['the worker answered nothing it knows', { type: 'message' as const, data: 'hello' }, /answered something other than papers/],
    [
      'the worker crashed',
      { type: 'error' as const, message: 'Uncaught RangeError: out of memory' },
      /^Could not read the file \(the BibTeX parser stopped: Uncaught RangeError: out of memory\)$/,
    ],
    ['the worker script did not load', { type: 'error' as const }, /^Could not read the file \(the BibTeX parser stopped\)$/],
    ['the answer could not be received', { type: 'messageerror' as const }, /answer could not be received/],
  ])('%s: rejects with why, sends nothing to the background, and ends the worker', async (_, event, why) => {
    const worker = fakeWorker(() => event);
    await expect(importBibtexFile(BIB, () => worker)).rejects.toThrow(why);
    expect(askBackground).not.toHaveBeenCalled();
    expect(worker.terminated).toBe(true);
  });
});
