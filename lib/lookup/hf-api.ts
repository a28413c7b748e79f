/**
 * The Hugging Face papers API (`/api/papers/<arXiv id>`): the repository, project page and counts
 * its paper pages show. A 404 is the usual answer for a paper nobody submitted there.
 */
import { z } from 'zod';
import { findLinks } from '@/lib/model/code-links';
import { PaperLinks } from '@/lib/model/paper';
import type { HfAnswer } from '@/lib/model/lookup';
import { isRetryableStatus } from './queue';

export type HfResult = HfAnswer | { kind: 'error'; retryable: boolean; message: string };

const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

// Only the fields we use; the API sends many more (authors, summary, AI keywords), and may add any.
// `null` is how the API says "none" for some fields.
const HfPaperBody = z.object({
  githubRepo: z.string().max(2048).nullish(),
  projectPage: z.string().max(2048).nullish(),
  githubStars: Count.nullish(),
  upvotes: Count.nullish(),
});

/** Reads one answer. `status` 0 stands for a request that got no HTTP answer (offline, DNS, aborted). */
export function parseHuggingFacePaper(status: number, body: unknown): HfResult {
  if (status === 404) return { kind: 'unknown' };
  if (status < 200 || status > 299)
    return { kind: 'error', retryable: isRetryableStatus(status), message: `Hugging Face answered ${status}` };
  const parsed = HfPaperBody.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'} ${issue.message}`).join('; ');
    return { kind: 'error', retryable: false, message: `unexpected answer from Hugging Face: ${issues}` };
  }
  const { githubRepo, projectPage, githubStars, upvotes } = parsed.data;
  // The repository as every other code link is stored (its root, on https); a value that names no
  // repository is dropped, not trusted.
  const repo = githubRepo ? findLinks([githubRepo]).code[0] : undefined;
  const page = projectPage && PaperLinks.shape.projectPage.safeParse(projectPage.trim()).data;
  return {
    kind: 'found',
    ...(repo && { githubRepo: repo }),
    ...(page && { projectPage: page }),
    // Stars belong to the repository; without one they describe nothing we keep.
    ...(repo && githubStars != null && { githubStars }),
    ...(upvotes != null && { upvotes }),
  };
}
