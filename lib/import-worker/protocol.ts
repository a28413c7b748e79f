/**
 * library page ⇄ import worker (issue #12): the one request of a BibTeX import's dedicated Web Worker, which
 * the page starts for the import (lib/pages/import-bibtex-file.ts) so that a parse of seconds never blocks
 * the page, and the replies. Each side parses what it receives.
 */
import { z } from 'zod';
import { ImportedPaper, SkippedEntry } from '@/lib/model/imports';

/** page → worker: the file's text. */
export const ImportWorkerRequest = z.object({ text: z.string() }).strict();
export type ImportWorkerRequest = z.infer<typeof ImportWorkerRequest>;

/**
 * How many papers (or skipped entries) one reply carries. The page receives each reply in a task of its own,
 * and copying and checking 2,500 papers in one took 70 ms there: a long task. A slice of 250 takes under 10.
 */
export const SLICE = 250;

/**
 * worker → page: the papers and the skipped entries in slices, in file order, then `done` with their counts
 * and how long the parse took in the worker (the benchmark reports it); or, instead, why the file could not be read.
 */
export const ImportWorkerReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('papers'), papers: z.array(ImportedPaper).max(SLICE) }).strict(),
  z.object({ kind: z.literal('skipped'), skipped: z.array(SkippedEntry).max(SLICE) }).strict(),
  z
    .object({
      kind: z.literal('done'),
      papers: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
      parseMs: z.number().nonnegative(),
    })
    .strict(),
  z.object({ kind: z.literal('failed'), error: z.string().max(2000) }).strict(),
]);
export type ImportWorkerReply = z.infer<typeof ImportWorkerReply>;
