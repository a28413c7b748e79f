/**
 * API answers merged into a saved paper, field by field. What the user wrote (notes, tags, status,
 * citation key) and where the paper came from (source, savedAt) are never touched; metadata the
 * page gave is only filled in, never replaced, with one exception: a longer arXiv author list
 * replaces a page's list that it contains (listings show "et al." lists).
 */
import { findLinks, MAX_CODE_LINKS } from '@/lib/model/code-links';
import { huggingFaceUrl } from '@/lib/model/arxiv-id';
import type { Paper, PaperLookupInfo } from '@/lib/model/paper';
import type { LookupFound } from '@/lib/model/lookup';

/**
 * The paper completed with what the services said. `now` stamps the services that answered.
 * Returns `paper` itself when nothing changed at all, so the caller can skip the write.
 */
export function mergeLookup<P extends Paper>(paper: P, found: LookupFound, now: number): P {
  const arxiv = found.arxiv === 'unknown' ? undefined : found.arxiv;
  const hf = found.hf?.kind === 'found' ? found.hf : undefined;
  const before = paper.lookup ?? {};

  const shown = {
    authors: arxiv && isRicherAuthorList(arxiv.authors, paper.authors) ? arxiv.authors : paper.authors,
    abstract: filled(paper.abstract) ? paper.abstract : (arxiv?.abstract ?? paper.abstract),
    published: paper.published ?? arxiv?.published,
    primaryCategory: paper.primaryCategory ?? arxiv?.primaryCategory,
    links: {
      ...paper.links,
      // Hugging Face knowing the paper means its paper page exists.
      huggingface: paper.links.huggingface ?? (hf ? huggingFaceUrl(paper.id) : undefined),
      code: withCode(paper.links.code, [...(hf?.githubRepo ? [hf.githubRepo] : []), ...(arxiv?.code ?? [])]),
      // Hugging Face's project page is one a person set; arXiv's is the first other link in the text.
      projectPage: paper.links.projectPage ?? hf?.projectPage ?? arxiv?.projectPage,
    },
  };
  const learned = {
    doi: before.doi ?? arxiv?.doi,
    // Counts are live numbers: the newest answer wins.
    githubStars:
      hf?.githubRepo && hf.githubStars !== undefined ? { ...before.githubStars, [hf.githubRepo]: hf.githubStars } : before.githubStars,
    upvotes: hf?.upvotes ?? before.upvotes,
  };
  const changed = !same(shown, pick(paper, shown)) || !same(learned, pick(before, learned));
  const lookup: PaperLookupInfo = withoutUndefined({
    ...before,
    ...learned,
    arxivCheckedAt: found.arxiv ? now : before.arxivCheckedAt,
    huggingfaceCheckedAt: found.hf ? now : before.huggingfaceCheckedAt,
    changedAt: changed ? now : before.changedAt,
  });
  if (!changed && same(lookup, before)) return paper;
  return { ...paper, ...withoutUndefined(shown), links: withoutUndefined(shown.links), lookup };
}

const filled = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/** Stored links first and as written; new ones only when their repository is not there yet. */
function withCode(stored: string[], found: string[]): string[] {
  const key = (link: string) => (findLinks([link]).code[0] ?? link).toLowerCase();
  const seen = new Set(stored.map(key));
  const code = [...stored];
  for (const link of found) {
    if (code.length >= MAX_CODE_LINKS) break;
    if (!seen.has(key(link))) {
      seen.add(key(link));
      code.push(link);
    }
  }
  return code.length === stored.length ? stored : code;
}

/**
 * Whether arXiv's list should replace the stored one: it is longer and names everyone the stored list
 * names (an empty list, or a listing's first authors before "et al."). Names compare by their words,
 * so "Müller, Łukasz" (a BibTeX import) matches "Łukasz Müller"; a list naming someone arXiv does not
 * came from elsewhere and stays.
 */
export function isRicherAuthorList(arxiv: string[], stored: string[]): boolean {
  const named = stored.filter((name) => !/^(?:et al\.?|others|…)$/i.test(name.trim()));
  if (arxiv.length <= named.length) return false;
  const known = new Set(arxiv.map(nameKey));
  return named.every((name) => known.has(nameKey(name)));
}

// Letters NFKD leaves whole; the same folds as search (lib/library-view.ts `foldForSearch`, which
// is not imported: it would bring the popup's zod/mini into the worker).
const LETTER_FOLDS: Record<string, string> = { ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

const nameKey = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łßøæœđðþı]/g, (letter) => LETTER_FOLDS[letter] ?? letter)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');

const same = (a: unknown, b: unknown) => JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
// Key order and absent-versus-undefined must not count as changes.
const sortedKeys = (_: string, value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b)),
      )
    : value;

function pick<T extends object>(source: object, like: T): Partial<T> {
  return Object.fromEntries(Object.keys(like).map((key) => [key, (source as Record<string, unknown>)[key]])) as Partial<T>;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
