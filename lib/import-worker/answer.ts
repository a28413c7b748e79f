import { parseBibtexForImport } from '@/lib/formats/bibtex-import';
import { ImportWorkerRequest, type ImportWorkerReply } from './protocol';

/** The worker's reply to what the page sent: never throws, so the page always hears back. */
export function answerImport(message: unknown, now: () => number = () => performance.now()): ImportWorkerReply {
  const request = ImportWorkerRequest.safeParse(message);
  if (!request.success) return { ok: false, error: 'The import worker was sent something other than a file' };
  const started = now();
  try {
    const { papers, skipped } = parseBibtexForImport(request.data.text);
    return { ok: true, papers, skipped, parseMs: now() - started };
  } catch (error) {
    return { ok: false, error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) };
  }
}
