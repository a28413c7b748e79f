import { parseBibtexForImport } from '@/lib/formats/bibtex-import';
import { ImportWorkerRequest, SLICE, type ImportWorkerReply } from './protocol';

const slices = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) => items.slice(i * SLICE, (i + 1) * SLICE));

/** The worker's replies to what the page sent, in order: never throws, so the page always hears back. */
export function answerImport(message: unknown, now: () => number = () => performance.now()): ImportWorkerReply[] {
  const request = ImportWorkerRequest.safeParse(message);
  if (!request.success) return [{ kind: 'failed', error: 'The import worker was sent something other than a file' }];
  const started = now();
  try {
    const { papers, skipped } = parseBibtexForImport(request.data.text);
    const parseMs = now() - started;
    return [
      ...slices(papers).map((slice): ImportWorkerReply => ({ kind: 'papers', papers: slice })),
      ...slices(skipped).map((slice): ImportWorkerReply => ({ kind: 'skipped', skipped: slice })),
      { kind: 'done', papers: papers.length, skipped: skipped.length, parseMs },
    ];
  } catch (error) {
    return [{ kind: 'failed', error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) }];
  }
}
