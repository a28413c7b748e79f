/**
 * What the lookups (issue #6, lib/lookup/) work with, as data every room may name: the queue's rows (the
 * database stores them, lib/db/) and the services' answers (the merge policy in lib/db/merge.ts reads them).
 * The services themselves, their requests and parsing, are the worker's (lib/lookup/).
 */
import { z } from 'zod';
import { ArxivId, PaperLinks, PaperMetadata } from './paper';

export const LookupService = z.enum(['arxiv', 'huggingface']);
export type LookupService = z.infer<typeof LookupService>;

export const LookupTask = z.object({
  /** The paper's canonical arXiv id. */
  id: ArxivId,
  service: LookupService,
  /** Failed attempts so far. */
  attempts: z.number().int().nonnegative(),
  /** Epoch ms before which the task must not run. */
  notBefore: z.number().int().nonnegative(),
  /** new: just saved; recheck: a later look for code (queue.ts `nextHuggingFaceCheck`); refresh: the user asked. */
  reason: z.enum(['new', 'recheck', 'refresh']),
});
export type LookupTask = z.infer<typeof LookupTask>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One paper as the arXiv API describes it, in the shapes `Paper` stores. */
export const ArxivRecord = z.object({
  id: ArxivId,
  title: PaperMetadata.shape.title,
  authors: PaperMetadata.shape.authors,
  abstract: PaperMetadata.shape.abstract,
  published: IsoDate,
  updated: IsoDate.optional(),
  primaryCategory: PaperMetadata.shape.primaryCategory,
  comments: z.string().max(10_000).optional(),
  /** The journal version's DOI, when the authors gave one. */
  doi: z.string().max(256).optional(),
  /** The journal reference the authors gave ("J. Mach. Learn. Res. 25 (2024) 1-12"), as text. */
  journalRef: z.string().max(1000).optional(),
  /** The latest version's number (the `v3` of the answer's id). */
  version: z.number().int().positive().max(1000).optional(),
  /** Every category the paper is listed in, the primary first. */
  categories: z.array(PaperMetadata.shape.primaryCategory.unwrap()).max(50).default([]),
  /** Repositories and a project page named in the comments or the abstract, and where each was named. */
  code: PaperLinks.shape.code,
  projectPage: PaperLinks.shape.projectPage,
  origins: PaperLinks.shape.origins,
});
export type ArxivRecord = z.infer<typeof ArxivRecord>;

/** What Hugging Face said about a paper (lib/lookup/hf-api.ts). */
export type HfFound = { kind: 'found'; githubRepo?: string; projectPage?: string; githubStars?: number; upvotes?: number };
/** What an answer means for the paper: a lookup that completed (found or not known there). */
export type HfAnswer = HfFound | { kind: 'unknown' };

/** What the services said about one paper, as the merge policy takes it. */
export interface LookupFound {
  /** `'unknown'`: arXiv answered the batch without an entry for this paper (or with an error for its id). */
  arxiv?: ArxivRecord | 'unknown';
  hf?: HfAnswer;
}
