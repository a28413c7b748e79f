import { ImportWorkerReply, type ImportWorkerRequest } from '@/lib/import-worker/protocol';
import type { BibtexImport } from '@/lib/model/imports';
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

/** The file parsed in the import worker, each reply checked; rejects, with why, if the worker fails. */
export function parseInWorker(text: string, start: () => ImportWorker = startImportWorker): Promise<BibtexImport & { parseMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = start();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      outcome();
    };
    const papers: BibtexImport['papers'] = [];
    const skipped: BibtexImport['skipped'] = [];
    worker.addEventListener('message', (event) => {
      if (settled) return;
      const parsed = ImportWorkerReply.safeParse(event.data);
      if (!parsed.success) return settle(() => reject(couldNotRead('the BibTeX parser answered something other than papers')));
      const reply = parsed.data;
      if (reply.kind === 'papers') papers.push(...reply.papers);
      else if (reply.kind === 'skipped') skipped.push(...reply.skipped);
      else if (reply.kind === 'failed') settle(() => reject(couldNotRead(`the BibTeX parser failed: ${reply.error}`)));
      else if (reply.papers !== papers.length || reply.skipped !== skipped.length) {
        settle(() => reject(couldNotRead('some of the BibTeX parser’s answer was lost')));
      } else settle(() => resolve({ papers, skipped, parseMs: reply.parseMs }));
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
