import { absUrl, pdfUrl } from './arxiv-id';
import type { Paper } from './paper';

export interface LabelledLink {
  href: string;
  label: string;
  /** What a screen reader announces: says what the link is and which paper it belongs to. */
  accessibleName: string;
}

/** `https://github.com/owner/name` → `owner/name`; other hosts keep their path. */
export function repositoryName(url: string): string {
  const { hostname, pathname } = new URL(url);
  const path = pathname.replace(/^\/|\/$/g, '');
  return hostname === 'github.com' ? path : `${hostname.replace(/^www\./, '')}/${path}`;
}

/** The links a saved paper row shows, in reading order: abstract, PDF, Hugging Face, code, project page. */
export function paperLinks(paper: Pick<Paper, 'id' | 'title' | 'links'>): LabelledLink[] {
  const links: LabelledLink[] = [
    { href: absUrl(paper.id), label: 'arXiv', accessibleName: `arXiv abstract page of ${paper.title}` },
    { href: pdfUrl(paper.id), label: 'PDF', accessibleName: `PDF of ${paper.title}` },
  ];
  if (paper.links.huggingface) {
    links.push({ href: paper.links.huggingface, label: 'HF', accessibleName: `Hugging Face page of ${paper.title}` });
  }
  for (const repository of paper.links.code) {
    const name = repositoryName(repository);
    links.push({ href: repository, label: `Code: ${name}`, accessibleName: `Code: ${name}` });
  }
  if (paper.links.projectPage) {
    links.push({ href: paper.links.projectPage, label: 'Project', accessibleName: `Project page of ${paper.title}` });
  }
  return links;
}

/** The line under a row's title: a few authors (first three and last of a long list) and the date. */
export function paperMeta(paper: Pick<Paper, 'authors' | 'published'>): string {
  const { authors } = paper;
  const names = authors.length > 4 ? `${authors.slice(0, 3).join(', ')} … ${authors.at(-1)}` : authors.join(', ');
  return [names, paper.published].filter(Boolean).join(' · ');
}
