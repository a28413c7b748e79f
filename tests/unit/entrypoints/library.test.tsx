// The library page as a whole, in jsdom, with the real background handlers behind `askBackground` (as in
// popup.test.tsx): bulk actions, the detail pane, and the import/export actions of issue #5.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../support/dom';
import { realBackgroundClient, senders } from '../support/background';
import { paper } from '../support/factory';

vi.mock('@/lib/messaging/client', () => realBackgroundClient(senders.library));
vi.mock('@/lib/import-worker/main?worker', async () => ({
  default: (await import('../support/in-process-worker')).InProcessImportWorker,
}));

async function openLibrary() {
  const { db } = await import('@/lib/db/database');
  await db.papers.clear();
  await db.trash.clear();
  await db.papers.bulkPut([
    paper({ id: '2401.00001', title: 'Attention Is All You Need', abstract: 'Transformers.', published: '2017-06-12' }),
    paper({ id: '2401.00002', title: 'Diffusion Beats GANs', citationKey: 'dhariwal2021' }),
    paper({ id: '2401.00003', title: 'Zebra Scaling Laws' }),
  ]);
  const { App } = await import('@/entrypoints/library/App');
  render(<App />);
  await waitFor(() => expect(document.querySelector('.count')?.textContent).toMatch(/^3 papers/));
  return { db, user: userEvent.setup() };
}

const row = (id: string) => document.querySelector<HTMLElement>(`li[data-papershelf-id="${id}"]`)!;
const details = () => screen.getByRole('region', { name: 'Paper details' });

beforeEach(() => {
  vi.resetModules();
  localStorage.clear();
  URL.createObjectURL = vi.fn(() => 'blob:papershelf/1');
  URL.revokeObjectURL = vi.fn();
});

describe('the library page', () => {
  it('marks, tags and removes the selected papers at once, with Undo', async () => {
    const { db, user } = await openLibrary();
    await user.click(within(row('2401.00001')).getByRole('checkbox', { name: 'Select Attention Is All You Need' }));
    await user.click(within(row('2401.00003')).getByRole('checkbox', { name: 'Select Zebra Scaling Laws' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mark read' }));
    await waitFor(async () => expect((await db.papers.toArray()).map((p) => p.status)).toEqual(['read', 'unread', 'read']));
    await user.type(screen.getByRole('textbox', { name: 'Tag to add to the selected papers' }), 'survey');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(async () => expect((await db.papers.toArray()).map((p) => p.tags)).toEqual([['survey'], [], ['survey']]));
    await user.click(within(screen.getByRole('toolbar', { name: 'Selected papers' })).getByRole('button', { name: 'Remove' }));
    await waitFor(async () => expect(await db.papers.count()).toBe(1));
    expect(screen.getByText('Removed 2 papers.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await db.papers.count()).toBe(3));
    expect((await db.papers.get('2401.00003'))?.tags).toEqual(['survey']);
  });

  it('keeps removed papers in the Trash, to restore as they were or delete for good', async () => {
    const { db, user } = await openLibrary();
    const trash = () => screen.getByRole('region', { name: /^Trash/ });
    expect(within(trash()).getByText('The Trash is empty.')).toBeInTheDocument();
    await user.click(within(row('2401.00002')).getByRole('button', { name: 'Remove' }));
    await user.click(within(row('2401.00003')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(within(trash()).getAllByRole('listitem')).toHaveLength(2));
    expect(within(trash()).getByRole('heading')).toHaveTextContent('Trash (2)');

    await user.click(within(trash()).getByRole('button', { name: 'Restore Diffusion Beats GANs' }));
    await waitFor(async () => expect((await db.papers.get('2401.00002'))?.citationKey).toBe('dhariwal2021'));
    await waitFor(() => expect(within(trash()).getAllByRole('listitem')).toHaveLength(1));

    await user.click(within(trash()).getByRole('button', { name: 'Empty Trash' }));
    await waitFor(() => expect(within(trash()).getByText('The Trash is empty.')).toBeInTheDocument());
    expect(await db.trash.count()).toBe(0);
    expect(await db.papers.count()).toBe(2);
  });

  it('shows the chosen paper beside the list, with its notes (saved as you type) and citation key', async () => {
    const { db, user } = await openLibrary();
    expect(within(details()).getByText(/Choose a paper/)).toBeInTheDocument();
    await user.click(within(row('2401.00001')).getByRole('button', { name: 'Notes' }));
    const notes = within(details()).getByRole('textbox', { name: 'Notes for Attention Is All You Need' });
    expect(notes).toHaveFocus();
    expect(within(details()).getByText('Transformers.')).toBeInTheDocument();
    await user.type(notes, 'Multi-head attention');
    await waitFor(async () => expect((await db.papers.get('2401.00001'))?.notes).toBe('Multi-head attention'), { timeout: 2000 });

    const key = within(details()).getByRole('textbox', { name: 'Citation key' });
    await user.type(key, 'has space');
    await user.click(within(details()).getByRole('button', { name: 'Save key' }));
    expect(within(details()).getByRole('alert')).toHaveTextContent('a citation key is 1 to 100 of');
    await user.clear(key);
    // Another paper's key: the background refuses, and says why.
    await user.type(key, 'dhariwal2021');
    await user.click(within(details()).getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(within(details()).getByRole('alert')).toHaveTextContent(/dhariwal2021/));
    expect((await db.papers.get('2401.00001'))?.citationKey).toBeUndefined();
    await user.clear(key);
    await user.type(key, 'vaswani2017');
    await user.click(within(details()).getByRole('button', { name: 'Save key' }));
    await waitFor(async () => expect((await db.papers.get('2401.00001'))?.citationKey).toBe('vaswani2017'));
  });

  it('shows what lookups found in the detail pane, and refreshes the paper from there', async () => {
    const { db, user } = await openLibrary();
    await db.lookups.clear();
    await db.papers.update('2401.00002', {
      links: { code: ['https://github.com/openai/guided-diffusion'] },
      lookup: {
        githubStars: { 'https://github.com/openai/guided-diffusion': 6800 },
        doi: '10.5555/3540261.3540933',
        huggingfaceCheckedAt: 1,
      },
    });
    await user.click(row('2401.00002'));
    await waitFor(() =>
      expect(within(details()).getByRole('link', { name: 'Code: openai/guided-diffusion, 6,800 stars' })).toBeInTheDocument(),
    );
    expect(details()).toHaveTextContent('★ 6.8k');
    expect(within(details()).getByRole('link', { name: /DOI 10\.5555\/3540261\.3540933/ })).toHaveAttribute(
      'href',
      'https://doi.org/10.5555/3540261.3540933',
    );
    await user.click(within(details()).getByRole('button', { name: 'Refresh details' }));
    expect(await within(details()).findByText('looking up…')).toBeInTheDocument();
    expect(await db.lookups.count()).toBe(2);
  });

  it('imports a BibTeX file and says what it added and what it skipped, and why', async () => {
    const { db, user } = await openLibrary();
    const bib = [
      '@misc{ho2020denoising, title={Denoising Diffusion Probabilistic Models}, author={Ho, Jonathan and Jain, Ajay and Abbeel, Pieter}, year={2020}, eprint={2006.11239}, archivePrefix={arXiv}}',
      '@book{knuth1984, title={The TeXbook}, author={Knuth, Donald}, year={1984}}',
    ].join('\n\n');
    await user.upload(screen.getByLabelText('BibTeX file to import'), new File([bib], 'refs.bib', { type: 'text/plain' }));
    await waitFor(
      () => expect(document.querySelector('.import-report p')).toHaveTextContent('refs.bib: 1 added, 0 updated, 0 unchanged, 1 skipped'),
      { timeout: 3000 },
    );
    expect(screen.getByText('knuth1984', { selector: 'code' }).closest('li')).toHaveTextContent(/arXiv/);
    await waitFor(async () => expect((await db.papers.get('2006.11239'))?.title).toBe('Denoising Diffusion Probabilistic Models'));
  });

  it('lists many skipped entries only when asked to', async () => {
    const { user } = await openLibrary();
    const books = Array.from({ length: 6 }, (_, i) => `@book{book${i}, title={Book ${i}}, year={1984}}`);
    await user.upload(screen.getByLabelText('BibTeX file to import'), new File([books.join('\n')], 'books.bib', { type: 'text/plain' }));
    await waitFor(
      () => expect(document.querySelector('.import-report p')).toHaveTextContent('books.bib: 0 added, 0 updated, 0 unchanged, 6 skipped'),
      { timeout: 3000 },
    );
    expect(document.querySelectorAll('.skipped li')).toHaveLength(0);
    await user.click(screen.getByText('Skipped entries'));
    await waitFor(() => expect(document.querySelectorAll('.skipped li')).toHaveLength(6));
    expect(screen.getByText('book5', { selector: 'code' }).closest('li')).toHaveTextContent(/no arXiv id/);
  });

  it('reports a backup that cannot be restored, and changes nothing', async () => {
    const { db, user } = await openLibrary();
    const before = await db.papers.toArray();
    await user.upload(
      screen.getByLabelText('Backup file to restore'),
      new File(['{"format":"something else"}'], 'old.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(/^old\.json: .+\. Nothing was changed\.$/);
    expect(await db.papers.toArray()).toEqual(before);
  });

  it('exports everything, the papers shown or the selection, in the chosen flavour', async () => {
    const { user } = await openLibrary();
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const exported = async () => {
      await waitFor(() => expect(vi.mocked(URL.createObjectURL).mock.calls.length).toBe(downloads.length));
      return (vi.mocked(URL.createObjectURL).mock.calls.at(-1)![0] as Blob).text();
    };
    expect(screen.getByRole('button', { name: /^Export shown/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Export all' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect((await exported()).match(/^@misc\{/gm)).toHaveLength(3);

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'zebra');
    await user.click(screen.getByRole('radio', { name: 'biblatex' }));
    await user.click(screen.getByRole('button', { name: 'Export shown (1)' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect((await exported()).match(/^@online\{/gm)).toHaveLength(1);

    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.click(within(row('2401.00001')).getByRole('checkbox', { name: /^Select/ }));
    await user.click(within(row('2401.00002')).getByRole('checkbox', { name: /^Select/ }));
    await user.click(screen.getByRole('button', { name: 'Export the selection as BibTeX' }));
    await waitFor(() => expect(downloads).toHaveLength(3));
    const selection = await exported();
    expect(selection.match(/^@online\{/gm)).toHaveLength(2);
    expect(selection).toContain('dhariwal2021');
    expect(downloads.every((name) => /^papershelf-\d{4}-\d{2}-\d{2}\.bib$/.test(name))).toBe(true);
  });

  it('shows markup in titles, authors, abstracts, notes, tags and keys as plain text in the detail pane', async () => {
    const nasty = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>';
    const { db } = await import('@/lib/db/database');
    await db.papers.clear();
    await db.papers.put(
      paper({ id: '2401.00009', title: `Evil ${nasty}`, authors: [nasty], abstract: nasty, notes: nasty, tags: [nasty] }),
    );
    const { App } = await import('@/entrypoints/library/App');
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Notes' }));
    expect(within(details()).getByRole('heading', { name: `Evil ${nasty}` })).toBeInTheDocument();
    expect(within(details()).getByRole('textbox', { name: `Notes for Evil ${nasty}` })).toHaveValue(nasty);
    expect(within(details()).getAllByText(nasty).length).toBeGreaterThanOrEqual(3);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });
});
