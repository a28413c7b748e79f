import { readBib, runBibtex } from '../support/bibtex-check.mjs';
import { expectedOf } from '../support/fixtures.mjs';
import { expect, test } from './harness';
import type { ListingPage } from './pages/listing';

// Issue #5 in real Chromium: what the user wrote in the popup comes out of `Export BibTeX` as a file that
// Zotero's parser and the real `bibtex` read back exactly; a backup restored into an emptied library brings
// back every byte.

interface PagePaper {
  id: string;
  title: string;
  authors: string[];
}

/** What the listing shows for these papers (its expected-result file): what goes into the library. */
function papersOn(name: string, ids: string[]): PagePaper[] {
  const { papers } = expectedOf(name) as { papers: PagePaper[] };
  return ids.map((id) => papers.find((paper) => paper.id === id)!);
}

const LISTINGS = {
  // Math in a title, `&` and `<Both>`, a paper without authors.
  'huggingface/daily': ['2611.04217', '2611.03388', '2611.05120', '2611.00871'],
  // Accented authors, `&`, an old-style id.
  'arxiv/list-new': ['2611.20001', '2611.20002', 'cs/0501017'],
};

// Typed by the user: everything that could end an entry early, start another, or break LaTeX.
const NOTES: Record<string, string> = {
  '2611.04217': [
    'Braces {balanced {nested}} and a lone } then a lone {',
    '50% of C:\\data\\runs & $x^2$ costs $5, #1, snake_case, ~tilde, ^caret',
    '@misc{evil, title={injected}}',
    '}',
    '\\end{document} \\\\ \\par',
  ].join('\n'),
  '2611.05120': 'Über naïve façades: à é î õ ü ç ñ ß œ æ ø å ł — “quoted” ‘single’ …\n\nAfter a blank line: 日本語 한국어 🚀 👩‍💻',
  '2611.00871': "<script>alert(1)</script> -- `` '' !` ?` ,, << >>",
  'cs/0501017': '% not a comment\n@comment{x}',
};
const TAGS: Record<string, string[]> = {
  '2611.04217': ['to read', 'c++', '{x}'],
  '2611.05120': ['ünï 🚀', '50%', '#nlp'],
  // Last in the field, the trailing backslash once escaped its closing brace for Zotero's parser.
  '2611.20002': ['<b>bold</b>', 'a\\b', 'C:\\'],
};
const STATUS: Record<string, 'Read' | 'Reading'> = { '2611.03388': 'Read', '2611.20001': 'Reading' };

/** Zotero's parser renders author-written math as Unicode (`$\alpha$` -> `α`): the title it should read back. */
const titleAsRead = (title: string) => title.replace(/\$[^$]+\$/g, (math) => readBib(`@misc{m, title = {${math}}}`).entries[0]!.title);

test('notes and tags written in the popup come back from the exported .bib; backup, clear, restore brings everything back', async ({
  ext,
}) => {
  test.setTimeout(120_000);
  const listings: ListingPage[] = [];
  const papers: PagePaper[] = [];
  for (const [name, ids] of Object.entries(LISTINGS)) {
    const listing = await ext.openListing(name);
    await listing.save(...ids);
    listings.push(listing);
    papers.push(...papersOn(name, ids));
  }

  const popup = await ext.openPopup();
  await expect(popup.rows).toHaveCount(papers.length);
  for (const [id, notes] of Object.entries(NOTES)) {
    const paperRow = await popup.revealedRow(id);
    await paperRow.getByRole('button', { name: 'Notes' }).click();
    await paperRow.getByRole('textbox', { name: /^Notes/ }).fill(notes);
    // The mark appears once the background has stored the notes.
    await expect(paperRow.getByTitle('Has notes')).toBeAttached();
  }
  for (const [id, tags] of Object.entries(TAGS)) {
    for (const tag of tags) {
      const paperRow = await popup.revealedRow(id);
      await paperRow.getByRole('combobox', { name: /^Add tag to/ }).fill(tag);
      await paperRow.getByRole('combobox', { name: /^Add tag to/ }).press('Enter');
      // Wait for the stored tag before adding the next: each change sends the whole list.
      await expect(paperRow.getByRole('button', { name: `Remove tag ${tag}`, exact: true })).toBeVisible();
    }
  }
  for (const [id, status] of Object.entries(STATUS)) {
    const paperRow = await popup.revealedRow(id);
    await paperRow.getByRole('button', { name: status, exact: true }).click();
    await expect(paperRow.getByRole('button', { name: status, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }

  const bib = await popup.exportBibtex();
  expect(bib.days.map((day) => `papershelf-${day}.bib`)).toContain(bib.name);
  const { entries, errors } = readBib(bib.text);
  expect(errors).toEqual([]);
  expect(entries.map((entry) => entry.eprint).sort()).toEqual(papers.map((paper) => paper.id).sort());
  for (const paper of papers) {
    const entry = entries.find((candidate) => candidate.eprint === paper.id)!;
    expect(entry.title, paper.id).toBe(titleAsRead(paper.title));
    expect(entry.authors, paper.id).toEqual(paper.authors);
    expect(entry.notes, paper.id).toBe(NOTES[paper.id] ?? '');
    expect(entry.tags.sort(), paper.id).toEqual([...(TAGS[paper.id] ?? [])].sort());
  }
  const { status, problems, bbl } = runBibtex(bib.text, { style: 'plain' });
  expect(problems).toEqual([]);
  expect(status).toBe(0);
  expect(bbl.match(/\\bibitem\{/g)).toHaveLength(papers.length);

  // Back up: the file holds what was written, and the keys the export handed out.
  const library = await ext.openLibrary();
  await expect(library.rows).toHaveCount(papers.length);
  const backup = await library.backUp();
  expect(backup.days.map((day) => `papershelf-backup-${day}.json`)).toContain(backup.name);
  const saved = (
    JSON.parse(backup.text) as { papers: Array<{ id: string; notes: string; tags: string[]; status: string; citationKey?: string }> }
  ).papers;
  for (const paper of saved) {
    expect(paper.notes).toBe(NOTES[paper.id] ?? '');
    expect(paper.tags).toEqual(TAGS[paper.id] ?? []);
    expect(paper.status).toBe(STATUS[paper.id]?.toLowerCase() ?? 'unread');
    expect(paper.citationKey).toBe(entries.find((entry) => entry.eprint === paper.id)!.key);
  }

  // Clear the library: select everything, remove.
  await library.removeAllShown();
  await expect(library.page.getByText('No saved papers yet.')).toBeVisible();
  await listings[0]!.control(LISTINGS['huggingface/daily'][0]!).expectName('Save');

  // Restore into the empty library: removed after the backup was made, the papers stay removed unless asked for (issue #9).
  await library.restore(backup.name, backup.text);
  await expect(library.importOutcome).toContainText(`${papers.length} papers of the backup you removed after it was made stayed removed.`);
  await library.importOutcome.getByRole('button', { name: 'Restore them too' }).click();
  await expect(library.importOutcome).toHaveText(`${backup.name}: ${papers.length} added, 0 updated, 0 unchanged`);
  await expect(library.rows).toHaveCount(papers.length);
  await listings[1]!.control(LISTINGS['arxiv/list-new'][0]!).expectName('Saved');
  // Everything is back: the same backup, byte for byte (its timestamp is the library's latest edit), and
  // the same .bib (the same keys).
  expect((await library.backUp()).text).toBe(backup.text);
  expect((await library.exportBibtex()).text).toBe(bib.text);

  // Malformed files: a clear error, and nothing changes (not even the valid paper beside the broken one).
  await library.restore('cut.json', backup.text.slice(0, backup.text.length / 2));
  await expect(library.page.getByRole('alert')).toHaveText(/^cut\.json: .*not JSON.*\. Nothing was changed\.$/);
  const foreign = JSON.parse(backup.text) as { papers: Array<Record<string, unknown>> };
  foreign.papers = [
    { ...foreign.papers[0], id: '2611.99999', citationKey: 'newcomer' },
    { ...foreign.papers[1], status: 'finished' },
  ];
  await library.restore('edited.json', JSON.stringify(foreign));
  await expect(library.page.getByRole('alert')).toHaveText(/^edited\.json: .*papers\[1\]\.status.*\. Nothing was changed\.$/);
  await expect(library.rows).toHaveCount(papers.length);
  expect((await library.backUp()).text).toBe(backup.text);
});
