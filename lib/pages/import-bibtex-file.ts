import { ImportWorkerReply, type ImportWorkerRequest } from '@/lib/import-worker/protocol';
import { askBackground } from '@/lib/messaging/client';
import type { BackgroundResults } from '@/lib/messaging/contract';
// Vite's `?worker` import, not `new Worker(new URL(…, import.meta.url))`: WXT defines `import.meta.url` as
// `self.location.href` for every bundle, which hides that pattern from Vite (wxt-dev/wxt#2032), so the worker
// would not be built. Vite builds this one as its own script, started from the extension's origin.
// The one import of the worker's script, which gives the page its URL and none of its code.
// eslint-disable-next-line import-x/no-restricted-paths
import ImportWorkerScript from '@/lib/import-worker/main?worker';

/** What the page uses of a Worker; tests hand in a fake one. */
export type ImportWorker = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/**
 * A dedicated worker for one import, ended after its reply: the parser loads only when a file is chosen, and
 * its seconds of work on a large file (issue #12: 7,000 entries) stay off the page's main thread.
 */
const startImportWorker = (): ImportWorker => new ImportWorkerScript({ name: 'papershelf-import' });

/** Why nothing was imported, as the library page shows it: "<file>: <this>. Nothing was changed." */
const couldNotRead = (why: string) => new Error(`Could not read the file (${why})`);

/** The file parsed in the import worker, its reply checked; rejects, with why, if the worker fails. */
export function parseInWorker(text: string, start: () => ImportWorker = startImportWorker): Promise<ImportWorkerReply & { ok: true }> {
  return new Promise((resolve, reject) => {
    const worker = start();
    const settle = (outcome: () => void) => {
      worker.terminate();
      outcome();
    };
    worker.addEventListener('message', (event) => {
      const reply = ImportWorkerReply.safeParse(event.data);
      if (!reply.success) return settle(() => reject(couldNotRead('the BibTeX parser answered something other than papers')));
      const answer = reply.data;
      if (answer.ok) settle(() => resolve(answer));
      else settle(() => reject(couldNotRead(`the BibTeX parser failed: ${answer.error}`)));
    });
    // The script failed to load or threw outside `answerImport` (out of memory, say).
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      settle(() => reject(couldNotRead(`the BibTeX parser stopped${event.message ? `: ${event.message}` : ''}`)));
    });
    worker.addEventListener('messageerror', () => settle(() => reject(couldNotRead('the BibTeX parser’s answer could not be received'))));
    worker.postMessage({ text } satisfies ImportWorkerRequest);
  });
}

/** Has a BibTeX file read in the import worker and adds its arXiv papers. */
export async function importBibtexFile(text: string, start?: () => ImportWorker): Promise<BackgroundResults['library/import-bibtex']> {
  const { papers, skipped, parseMs } = await parseInWorker(text, start);
  // The worker's own time, for the benchmark (tests/bench/scenarios/70-import-bibtex.mjs): no page sees its timeline.
  performance.mark('papershelf:import-parsed', { detail: { parseMs } });
  const summary = await askBackground({ type: 'library/import-bibtex', papers, skipped });
  performance.mark('papershelf:import-answered');
  return summary;
}
