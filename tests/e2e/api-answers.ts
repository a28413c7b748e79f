// What the arXiv and Hugging Face APIs answer in the lookup tests (issue #6), for Chromium's and Firefox's.
import { expectedOf } from '../support/fixtures.mjs';

/** The listing the lookup tests save from: it shows no code, no abstracts, and cuts the first paper's author list after 25 names. */
export const LISTING = 'arxiv/list-pastweek';
export const listed = expectedOf(LISTING) as {
  papers: { id: string; title: string; authors: string[]; published: string; primaryCategory: string }[];
};
export const ids = listed.papers.map((paper) => paper.id);

/** What arXiv knows: the page's authors and, for the collaboration, the 37 the listing left out. */
export const fullAuthors = (paper: (typeof listed.papers)[number]) =>
  paper.authors.length === 25
    ? [...paper.authors, ...Array.from({ length: 37 }, (_, index) => `Polyglot Contributor ${index + 26}`)]
    : paper.authors;
export const repository = (id: string) => `https://github.com/lab-${id.replace('.', '-')}/code`;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An answer of the arXiv API for the ids in the request, in its Atom format. */
export function arxivAnswer(url: string): string {
  const asked = new URL(url).searchParams.get('id_list')!.split(',');
  const entries = listed.papers
    .filter((paper) => asked.includes(paper.id))
    .map(
      (paper) => `
  <entry>
    <id>http://arxiv.org/abs/${paper.id}v1</id>
    <updated>${paper.published}T17:00:00Z</updated>
    <published>${paper.published}T17:00:00Z</published>
    <title>${escapeXml(paper.title)}</title>
    <summary>The abstract of ${escapeXml(paper.title)}.</summary>
    ${fullAuthors(paper)
      .map((name) => `<author><name>${escapeXml(name)}</name></author>`)
      .join('\n    ')}
    <arxiv:primary_category term="${paper.primaryCategory}" scheme="http://arxiv.org/schemas/atom"/>
    <category term="${paper.primaryCategory}" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`,
    );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>https://arxiv.org/api/test</id>
  <title>arXiv Query: id_list=${asked.join(',')}</title>${entries.join('')}
</feed>`;
}

/** What Hugging Face knows: a repository with stars for every paper. */
export const huggingFaceAnswer = (url: string) => {
  const id = new URL(url).pathname.split('/').at(-1)!;
  return JSON.stringify({ id, title: 'ignored', upvotes: 7, githubRepo: repository(id), githubStars: 1234 });
};
