// The popup as a whole, in jsdom: its real data wiring (IndexedDB via fake-indexeddb, storage via WXT's fake
// browser) and the real background handlers behind `askBackground`, so a click travels the same way as in
// the extension: popup → message → handler → database → the popup's live copy → the screen.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Paper } from '@/lib/model/paper';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { VIEW_KEY } from '@/lib/pages/stored-view-choices';
import '../support/dom';
import { realBackgroundClient, senders } from '../support/background';
import { paper } from '../support/factory';

vi.mock('@/lib/messaging/client', () => realBackgroundClient(senders.popup));

/** Oldest first; the popup shows them newest first. */
const library = () => [
  paper({
    id: '2401.00001',
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani'],
    published: '2017-06-12',
    tags: ['transformers'],
    links: { code: ['https://github.com/tensorflow/tensor2tensor'], huggingface: 'https://huggingface.co/papers/2401.00001' },
  }),
  paper({
    id: '2401.00002',
    title: 'Über Résumés',
    authors: ['Jürgen Müller'],
    abstract: 'Naïve façades.',
    status: 'read',
    published: '2023-01-01',
  }),
  paper({
    id: '2401.00003',
    title: 'Diffusion Beats GANs',
    notes: 'compare with DDPM',
    tags: ['diffusion', 'to read'],
    published: '2021-05-11',
  }),
  paper({
    id: '2401.00004',
    title: 'Zebra Scaling Laws',
    abstract: 'Stripes.',
    tags: ['to read'],
    published: '2024-02-02',
    status: 'reading',
  }),
];

async function openPopup(papers: Paper[] = library()) {
  const { db } = await import('@/lib/db/database');
  await db.papers.clear();
  if (papers.length) await db.papers.bulkPut(papers);
  const { App } = await import('@/entrypoints/popup/App');
  const user = userEvent.setup();
  const view = render(<App />);
  await screen.findAllByRole('listitem');
  // Search and filters need the whole library, not only the first rows.
  await waitFor(() => expect(document.querySelector('.count')?.textContent).toMatch(/\d+ papers?( ·|$)/));
  const { livePapers } = await import('@/lib/pages/use-library');
  return { db, user, view, livePapers };
}

const rowIds = () =>
  [...document.querySelectorAll<HTMLElement>('ul.papers > li[data-papershelf-id]')].map((row) => row.dataset.papershelfId);
const row = (id: string) => document.querySelector<HTMLElement>(`li[data-papershelf-id="${id}"]`)!;

beforeEach(() => {
  vi.resetModules();
  localStorage.clear();
  URL.createObjectURL = vi.fn(() => 'blob:papershelf/1');
  URL.revokeObjectURL = vi.fn();
});

describe('the popup', () => {
  it('lists the saved papers newest first, with the search box focused', async () => {
    await openPopup();
    expect(rowIds()).toEqual(['2401.00004', '2401.00003', '2401.00002', '2401.00001']);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus();
    expect(within(row('2401.00001')).getByRole('link', { name: /Hugging Face page/ })).toHaveAttribute(
      'href',
      'https://huggingface.co/papers/2401.00001',
    );
    expect(screen.getByText('4 papers · 2 unread')).toBeInTheDocument();
  });

  it('searches title, authors, abstract, notes and tags as you type, ignoring case and accents', async () => {
    const { user } = await openPopup();
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'muller');
    expect(rowIds()).toEqual(['2401.00002']);
    expect(screen.getByText(/1 of 4 papers/)).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'DDPM');
    expect(rowIds()).toEqual(['2401.00003']);
    await user.clear(search);
    await user.type(search, 'to read stripes');
    expect(rowIds()).toEqual(['2401.00004']);
    await user.clear(search);
    await user.type(search, 'facades');
    expect(rowIds()).toEqual(['2401.00002']);
    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(rowIds()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(rowIds()).toHaveLength(4);
    expect(search).toHaveValue('');
  });

  it('filters by status, tag and code, sorts, and remembers the choices for the next opening', async () => {
    const { user, view } = await openPopup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Read status filter' }), 'unread');
    expect(rowIds()).toEqual(['2401.00003', '2401.00001']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Read status filter' }), 'all');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag filter' }), 'to read');
    expect(rowIds()).toEqual(['2401.00004', '2401.00003']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag filter' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Code filter' }), 'has');
    expect(rowIds()).toEqual(['2401.00001']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Code filter' }), 'any');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'title');
    expect(rowIds()).toEqual(['2401.00001', '2401.00003', '2401.00002', '2401.00004']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'published');
    expect(rowIds()).toEqual(['2401.00004', '2401.00002', '2401.00003', '2401.00001']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag filter' }), 'to read');

    expect(JSON.parse(localStorage.getItem(VIEW_KEY)!)).toEqual({
      status: 'all',
      tag: 'to read',
      hasCode: false,
      newCode: false,
      sort: 'published',
    });
    view.unmount();
    vi.resetModules();
    await openPopup();
    expect(screen.getByRole('combobox', { name: 'Tag filter' })).toHaveValue('to read');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('published');
    expect(rowIds()).toEqual(['2401.00004', '2401.00003']);
  });

  it('sets a paper’s read status in one click', async () => {
    const { db, user } = await openPopup();
    await user.click(within(row('2401.00001')).getByRole('button', { name: 'Read' }));
    await waitFor(() => expect(within(row('2401.00001')).getByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true'));
    expect((await db.papers.get('2401.00001'))?.status).toBe('read');
    expect(screen.getByText('4 papers · 1 unread')).toBeInTheDocument();
  });

  it('adds a tag with suggestions from the other papers’ tags, and removes one', async () => {
    const { db, user } = await openPopup();
    const input = within(row('2401.00001')).getByRole('combobox', { name: 'Add tag to Attention Is All You Need' });
    await user.type(input, 'to');
    expect(
      within(row('2401.00001'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['to read']);
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(async () => expect((await db.papers.get('2401.00001'))?.tags).toEqual(['transformers', 'to read']));
    await user.click(within(row('2401.00001')).getByRole('button', { name: 'Remove tag transformers' }));
    await waitFor(async () => expect((await db.papers.get('2401.00001'))?.tags).toEqual(['to read']));
    await waitFor(() =>
      expect(within(row('2401.00001')).queryByRole('button', { name: 'Remove tag transformers' })).not.toBeInTheDocument(),
    );
  });

  it('saves notes as you type, and what was typed last when the popup closes mid-edit', async () => {
    const { db, user, view } = await openPopup();
    await user.click(within(row('2401.00002')).getByRole('button', { name: 'Notes' }));
    const notes = within(row('2401.00002')).getByRole('textbox', { name: /^Notes/ });
    expect(notes).toHaveFocus();
    await user.type(notes, 'Read section 3');
    await waitFor(async () => expect((await db.papers.get('2401.00002'))?.notes).toBe('Read section 3'), { timeout: 2000 });
    expect(notes).toHaveValue('Read section 3');
    await user.type(notes, ', then 4');
    view.unmount();
    await waitFor(async () => expect((await db.papers.get('2401.00002'))?.notes).toBe('Read section 3, then 4'));
  });

  it('removes a paper, and Undo restores it exactly: notes, tags, dates', async () => {
    const { db, user } = await openPopup();
    const before = await db.papers.get('2401.00003');
    await user.click(within(row('2401.00003')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(rowIds()).toEqual(['2401.00004', '2401.00002', '2401.00001']));
    expect(screen.getByText('Removed “Diffusion Beats GANs”.')).toBeInTheDocument();
    expect(await db.papers.get('2401.00003')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowIds()).toEqual(['2401.00004', '2401.00003', '2401.00002', '2401.00001']));
    expect(await db.papers.get('2401.00003')).toEqual(before);
    expect(screen.getByText('Restored “Diffusion Beats GANs”.')).toBeInTheDocument();
  });

  it('exports the papers shown as papershelf-<date>.bib, and copies one paper’s BibTeX', async () => {
    const { user } = await openPopup();
    const downloads: { name: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href });
    });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'zebra');
    await user.click(screen.getByRole('button', { name: 'Export BibTeX' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(downloads[0]).toEqual({ name: `papershelf-${date}.bib`, href: 'blob:papershelf/1' });
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    const text = await blob.text();
    expect(text).toContain('Zebra Scaling Laws');
    expect(text).not.toContain('Attention Is All You Need');
    click.mockRestore();

    await user.click(within(row('2401.00004')).getByRole('button', { name: 'Copy BibTeX' }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toMatch(/^@misc\{.*Zebra Scaling Laws/s));
  });

  it('shows titles, authors, notes and tags that look like markup as plain text', async () => {
    const nasty = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>';
    await openPopup([paper({ id: '2401.00009', title: `Evil ${nasty}`, authors: [nasty], notes: nasty, tags: [nasty] })]);
    const evil = row('2401.00009');
    expect(evil.querySelector('img, script')).toBeNull();
    expect(within(evil).getByRole('link', { name: `Evil ${nasty}` })).toBeInTheDocument();
    expect(within(evil).getByText(nasty, { selector: '.tag-name' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Tag filter' })).toHaveTextContent(nasty);
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it('marks a paper whose code appeared, filters by it, and drops the mark once a link of the paper is opened', async () => {
    const papers = library();
    papers[0] = { ...papers[0]!, lookup: { codeAppearedAt: 5, huggingfaceCheckedAt: 5 } };
    const { db, user } = await openPopup(papers);
    expect(within(row('2401.00001')).getByText('new code')).toBeInTheDocument();
    expect(within(row('2401.00002')).queryByText('new code')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Code filter' }), 'new');
    await waitFor(() => expect(rowIds()).toEqual(['2401.00001']));

    await user.click(within(row('2401.00001')).getByRole('link', { name: 'Code: tensorflow/tensor2tensor' }));
    await waitFor(async () => expect((await db.papers.get('2401.00001'))?.lookup).toEqual({ huggingfaceCheckedAt: 5 }));
    await waitFor(() => expect(screen.queryByText('new code')).toBeNull());
  });

  it('shows stars beside a repository, "looking up…" while a lookup is pending, and refreshes a paper on request', async () => {
    const papers = library();
    papers[0] = {
      ...papers[0]!,
      lookup: { githubStars: { 'https://github.com/tensorflow/tensor2tensor': 15_049 }, huggingfaceCheckedAt: 1 },
    };
    const { db } = await import('@/lib/db/database');
    await db.lookups.clear();
    await db.lookups.put({ id: '2401.00002', service: 'arxiv', attempts: 0, notBefore: 0, reason: 'new' });
    // Neither a recheck planned for tomorrow nor a retry after a failure is something to wait for.
    await db.lookups.put({ id: '2401.00003', service: 'huggingface', attempts: 0, notBefore: Date.now() + 86_400_000, reason: 'recheck' });
    await db.lookups.put({ id: '2401.00001', service: 'huggingface', attempts: 1, notBefore: Date.now() + 30_000, reason: 'new' });
    const { user } = await openPopup(papers);

    expect(within(row('2401.00001')).getByRole('link', { name: 'Code: tensorflow/tensor2tensor, 15,049 stars' })).toBeInTheDocument();
    expect(row('2401.00001')).toHaveTextContent('★ 15k');
    expect(await within(row('2401.00002')).findByText('looking up…')).toBeInTheDocument();
    expect(within(row('2401.00002')).queryByRole('button', { name: 'Refresh details' })).toBeNull();
    expect(within(row('2401.00003')).queryByText('looking up…')).toBeNull();
    expect(within(row('2401.00001')).getByRole('button', { name: 'Refresh details' })).toBeInTheDocument();

    await user.click(within(row('2401.00004')).getByRole('button', { name: 'Refresh details' }));
    expect(await within(row('2401.00004')).findByText('looking up…')).toBeInTheDocument();
    expect((await db.lookups.where('id').equals('2401.00004').toArray()).map((task) => task.reason)).toEqual(['refresh', 'refresh']);

    // Lookups off: no request will be made, so nothing says one is under way, and nothing offers one.
    await user.click(screen.getByRole('checkbox', { name: 'Look up missing details and code online' }));
    await waitFor(() => expect(screen.queryByText('looking up…')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Refresh details' })).toBeNull();
    expect((await fakeBrowser.storage.local.get('papershelf:settings'))['papershelf:settings']).toEqual({
      ...DEFAULT_SETTINGS,
      lookups: false,
    });
  });

  it('says how to save a paper when there is none', async () => {
    const { db } = await import('@/lib/db/database');
    await db.papers.clear();
    const { App } = await import('@/entrypoints/popup/App');
    render(<App />);
    expect(await screen.findByText('No saved papers yet.')).toBeInTheDocument();
    await act(async () => undefined);
  });
});
