/**
 * library page ⇄ import worker (issue #12): the one request and the one reply of a BibTeX import's dedicated
 * Web Worker, which the page starts for the import (lib/pages/import-bibtex-file.ts) so that a parse of
 * seconds never blocks the page. Each side parses what it receives.
 */
import { z } from 'zod';
import { BibtexImport } from '@/lib/model/imports';

/** page → worker: the file's text. */
export const ImportWorkerRequest = z.object({ text: z.string() }).strict();
export type ImportWorkerRequest = z.infer<typeof ImportWorkerRequest>;

/** worker → page: the file read, with how long the parse took in the worker (the benchmark reports it); or why not. */
export const ImportWorkerReply = z.discriminatedUnion('ok', [
  BibtexImport.extend({ ok: z.literal(true), parseMs: z.number().nonnegative() }).strict(),
  z.object({ ok: z.literal(false), error: z.string().max(2000) }).strict(),
]);
export type ImportWorkerReply = z.infer<typeof ImportWorkerReply>;
