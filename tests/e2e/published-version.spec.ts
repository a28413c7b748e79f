import { readBib, runBibtex } from '../support/bibtex-check.mjs';
import { expectedOf } from '../support/fixtures.mjs';
import { expect, test } from './harness';

// Issue #8: arXiv is asked once about every saved paper, however complete the page looked. Here the APIs
// are answered by the test: a search result shows 3 of a paper's 9 authors, another paper has a journal
// version. The exported .bib names all 9, and cites the journal's DOI and reference.

const FIXTURE = 'arxiv/search';
const { papers } = expectedOf(FIXTURE) as { papers: { id: string; title: string; authors: string[]; primaryCategory: string }[] };
const CROWDED = '2609.01234';
const PUBLISHED = '2611.19876';
const nineAuthors = [
  ...papers.find((paper) => paper.id === CROWDED)!.authors,
  'Wei Chen',
  'Aiko Tanaka',
  'Jonas Berg',
  'Priya Natarajan',
  'Tomás Oliveira',
  'Zoë Martin',
];
const JOURNAL_DOI = '10.1214/26-AOS9999';
const JOURNAL_REF = 'Ann. Statist. 54 (2026) 1--30';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function arxivAnswer(url: string): string {
  const asked = new URL(url).searchParams.get('id_list')!.split(',');
  const entries = papers
    .filter((paper) => asked.includes(paper.id))
    .map((paper) => {
      const authors = paper.id === CROWDED ? nineAuthors : paper.authors;
      const published =
        paper.id === PUBLISHED
          ? `<arxiv:doi>${JOURNAL_DOI}</arxiv:doi><arxiv:journal_ref>${escapeXml(JOURNAL_REF)}</arxiv:journal_ref>`
          : '';
      return `<entry><id>http://arxiv.org/abs/${paper.id}v2</id><published>2026-09-01T00:00:00Z</published><updated>2026-10-01T00:00:00Z</updated>
        <title>${escapeXml(paper.title)}</title><summary>About ${escapeXml(paper.title)}.</summary>
        ${authors.map((name) => `<author><name>${escapeXml(name)}</name></author>`).join('')}
        <arxiv:primary_category term="${paper.primaryCategory}"/><category term="${paper.primaryCategory}"/>${published}</entry>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">${entries.join('')}</feed>`;
}

test('a paper shown with 3 of its 9 authors exports all 9; one with a journal version cites its DOI; bibtex takes the file', async ({
  ext,
}) => {
  await ext.api('https://export.arxiv.org/api/query**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/atom+xml', body: arxivAnswer(route.request().url()) }),
  );
  await ext.api('https://huggingface.co/api/papers/**', (route) => route.fulfill({ status: 404, body: '{"error":"Paper not found"}' }));

  const listing = await ext.openListing(FIXTURE);
  await listing.save(...papers.map((paper) => paper.id));

  const popup = await ext.openPopup();
  // The row names the last of the nine once arXiv has answered.
  await expect(popup.row(CROWDED).locator('.paper-meta')).toContainText('Zoë Martin', { timeout: 20_000 });
  await expect(popup.row(PUBLISHED).getByRole('link', { name: new RegExp(`DOI ${JOURNAL_DOI.replace(/\./g, '\\.')}`) })).toBeVisible();

  const bib = await popup.exportBibtex();
  const { entries, errors } = readBib(bib.text);
  expect(errors).toEqual([]);
  expect(entries.find((entry) => entry.eprint === CROWDED)!.authors).toEqual(nineAuthors);
  const published = entries.find((entry) => entry.eprint === PUBLISHED)!;
  expect(published.doi).toBe(JOURNAL_DOI);
  expect(published.note).toBe('Ann. Statist. 54 (2026) 1--30');
  expect(entries.find((entry) => entry.eprint === 'math/0211159')!.doi).toBe('10.48550/arXiv.math/0211159');
  const { status, problems } = runBibtex(bib.text, { style: 'plain' });
  expect(problems).toEqual([]);
  expect(status).toBe(0);
});
