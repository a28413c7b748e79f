import { absUrl, pdfUrl } from '@/lib/model/arxiv-id';
import type { LinkOrigin } from '@/lib/model/code-links';
import type { Paper } from '@/lib/model/paper';

export interface LabelledLink {
  href: string;
  label: string;
  /** What a screen reader announces: says what the link is and which paper it belongs to. */
  accessibleName: string;
  /** A code link's GitHub stars, when a lookup counted them (issue #6). */
  stars?: number;
  /** The tooltip: the label, and for a code link or project page where PaperShelf found it. */
  title: string;
}

const ORIGIN_WORDS: Record<LinkOrigin, string> = {
  page: 'named by the page',
  abstract: 'found in the abstract',
  comments: 'found in the arXiv comments',
  huggingface: 'named by Hugging Face',
  cited: 'named as work the paper builds on',
};

/** "Code: owner/name (found in the abstract, named by Hugging Face)"; just the label for a link saved without origins. */
function titleOf(label: string, origins: readonly LinkOrigin[] | undefined): string {
  // `cited` qualifies the place it was found in; said last.
  const words = [...(origins ?? [])].sort((a, b) => Number(a === 'cited') - Number(b === 'cited')).map((origin) => ORIGIN_WORDS[origin]);
  return words.length > 0 ? `${label} (${words.join(', ')})` : label;
}

/** `https://github.com/owner/name` → `owner/name`; other hosts keep their path. */
export function repositoryName(url: string): string {
  const { hostname, pathname } = new URL(url);
  const path = pathname.replace(/^\/|\/$/g, '');
  return hostname === 'github.com' ? path : `${hostname.replace(/^www\./, '')}/${path}`;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
/** Stars as GitHub shows them: 950, 1.2k, 15k, 1.5M. */
export const starCount = (stars: number) => compact.format(stars).replace('K', 'k');

/** The links a saved paper row shows, in reading order: abstract, PDF, Hugging Face, code, project page, journal DOI. */
export function paperLinks(paper: Pick<Paper, 'id' | 'title' | 'links' | 'lookup'>): LabelledLink[] {
  const links: LabelledLink[] = [
    { href: absUrl(paper.id), label: 'arXiv', accessibleName: `arXiv abstract page of ${paper.title}`, title: 'arXiv' },
    { href: pdfUrl(paper.id), label: 'PDF', accessibleName: `PDF of ${paper.title}`, title: 'PDF' },
  ];
  const origins = paper.links.origins ?? {};
  if (paper.links.huggingface) {
    links.push({ href: paper.links.huggingface, label: 'HF', accessibleName: `Hugging Face page of ${paper.title}`, title: 'HF' });
  }
  // Counted per repository as Hugging Face spells it; a page may have written the owner in another case.
  const stars = new Map(Object.entries(paper.lookup?.githubStars ?? {}).map(([repository, count]) => [repository.toLowerCase(), count]));
  for (const repository of paper.links.code) {
    const name = repositoryName(repository);
    const count = stars.get(repository.toLowerCase());
    links.push({
      href: repository,
      label: `Code: ${name}`,
      accessibleName: count === undefined ? `Code: ${name}` : `Code: ${name}, ${count.toLocaleString('en')} stars`,
      ...(count !== undefined && { stars: count }),
      title: titleOf(`Code: ${name}`, origins[repository]),
    });
  }
  if (paper.links.projectPage) {
    const href = paper.links.projectPage;
    links.push({ href, label: 'Project', accessibleName: `Project page of ${paper.title}`, title: titleOf('Project page', origins[href]) });
  }
  if (paper.lookup?.doi) {
    // Under doi.org whatever the stored text: a DOI cannot make the link go anywhere else.
    links.push({
      href: `https://doi.org/${encodeURI(paper.lookup.doi)}`,
      label: 'DOI',
      accessibleName: `Journal version (DOI ${paper.lookup.doi}) of ${paper.title}`,
      title: 'DOI',
    });
  }
  return links;
}

/** The line under a row's title: a few authors (first three and last of a long list) and the date. */
export function paperMeta(paper: Pick<Paper, 'authors' | 'published'>): string {
  const { authors } = paper;
  const names = authors.length > 4 ? `${authors.slice(0, 3).join(', ')} … ${authors.at(-1)}` : authors.join(', ');
  return [names, paper.published].filter(Boolean).join(' · ');
}
