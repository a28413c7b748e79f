import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PaperList, type PaperListHandle } from '@/components/PaperList';
import type { PaperActions } from '@/components/PaperRow';
import type { Paper } from '@/lib/model/paper';
import '../support/dom';
import { paper as storedPaper } from '../support/factory';

const paper = (id: string, fields: Partial<Paper> = {}): Paper => storedPaper({ id, ...fields });

function setUp(papers: Paper[]) {
  const actions: PaperActions = {
    setStatus: vi.fn(),
    setTags: vi.fn(),
    saveNotes: vi.fn(async () => undefined),
    draftNotes: vi.fn(),
    remove: vi.fn(),
    copyBibtex: vi.fn(),
  };
  const list = createRef<PaperListHandle>();
  const opened: string[] = [];
  // jsdom would try to navigate; record which link a key "opened" instead.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    if (link) {
      event.preventDefault();
      opened.push(link.href);
    }
  });
  const view = render(<PaperList listRef={list} papers={papers} label="Saved papers" actions={actions} knownTags={[]} />);
  const rows = () => screen.getByRole('list', { name: 'Saved papers' }).querySelectorAll<HTMLElement>(':scope > li[data-papershelf-id]');
  return { actions, list, opened, view, rows, user: userEvent.setup() };
}

const three = () => [
  paper('2401.00001', { links: { code: ['https://github.com/owner/repo'] } }),
  paper('2401.00002'),
  paper('2401.00003', { notes: 'has notes' }),
];

describe('PaperList', () => {
  it('shows one row per paper, with its position for screen readers and its links', () => {
    const { rows } = setUp(three());
    expect([...rows()].map((row) => row.dataset.papershelfId)).toEqual(['2401.00001', '2401.00002', '2401.00003']);
    expect(rows()[1]).toHaveAttribute('aria-posinset', '2');
    expect(rows()[1]).toHaveAttribute('aria-setsize', '3');
    expect(rows()[0]).toHaveAccessibleName('Paper 2401.00001');
    const first = within(rows()[0]!);
    expect(first.getByRole('link', { name: 'arXiv abstract page of Paper 2401.00001' })).toHaveAttribute(
      'href',
      'https://arxiv.org/abs/2401.00001',
    );
    expect(first.getByRole('link', { name: 'PDF of Paper 2401.00001' })).toHaveAttribute('href', 'https://arxiv.org/pdf/2401.00001');
    expect(first.getByRole('link', { name: /code/i })).toHaveAttribute('href', 'https://github.com/owner/repo');
  });

  it('moves through the rows with the arrow keys, Home and End, one row in the tab order', async () => {
    const { list, rows, user } = setUp(three());
    expect([...rows()].map((row) => row.tabIndex)).toEqual([0, -1, -1]);
    list.current!.focusFirstRow();
    expect(rows()[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(rows()[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(rows()[2]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(rows()[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(rows()[2]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(rows()[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect([...rows()].map((row) => row.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('opens the paper on Enter and its code on C', async () => {
    const { list, opened, user } = setUp(three());
    list.current!.focusFirstRow();
    await user.keyboard('{Enter}');
    await user.keyboard('c');
    expect(opened).toEqual(['https://arxiv.org/abs/2401.00001', 'https://github.com/owner/repo']);
  });

  it('opens and focuses the notes on N; Escape goes back to the row', async () => {
    const { list, rows, user } = setUp(three());
    list.current!.focusFirstRow();
    await user.keyboard('{ArrowDown}{ArrowDown}n');
    const notes = screen.getByRole('textbox', { name: 'Notes for Paper 2401.00003' });
    expect(notes).toHaveFocus();
    expect(notes).toHaveValue('has notes');
    await user.keyboard('{Escape}');
    expect(rows()[2]).toHaveFocus();
  });

  it('has a Notes button per row that opens that paper’s notes editor', async () => {
    const { rows, user } = setUp(three());
    const button = within(rows()[1]!).getByRole('button', { name: 'Notes' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(rows()[1]!).getByRole('textbox', { name: /^Notes/ })).toHaveFocus();
    await user.click(button);
    expect(screen.queryByRole('textbox', { name: /^Notes/ })).not.toBeInTheDocument();
  });

  it('sets the read status in one click, or with R; removes with Delete', async () => {
    const papers = three();
    const { actions, rows, user } = setUp(papers);
    const status = within(rows()[1]!).getByRole('group', { name: 'Read status' });
    expect(within(status).getByRole('button', { name: 'Unread' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(status).getByRole('button', { name: 'Reading' }));
    expect(actions.setStatus).toHaveBeenLastCalledWith(papers[1], 'reading');
    // Escape from a control goes back to its row, where the letter keys act.
    await user.keyboard('{Escape}');
    expect(rows()[1]).toHaveFocus();
    await user.keyboard('r');
    expect(actions.setStatus).toHaveBeenLastCalledWith(papers[1], 'read');
    await user.keyboard('{Delete}');
    expect(actions.remove).toHaveBeenCalledWith(papers[1]);
  });

  it('keeps focus in the list when the focused paper goes away', async () => {
    const papers = three();
    const { list, rows, user, view, actions } = setUp(papers);
    list.current!.focusFirstRow();
    await user.keyboard('{ArrowDown}{Delete}');
    view.rerender(<PaperList listRef={list} papers={[papers[0]!, papers[2]!]} label="Saved papers" actions={actions} knownTags={[]} />);
    expect(rows()[1]).toHaveFocus();
    expect(rows()[1]).toHaveAttribute('data-papershelf-id', '2401.00003');
  });

  it('renders only the rows in view of a long list', () => {
    const many = Array.from({ length: 5000 }, (_, index) => paper(`2402.${String(10000 + index)}`));
    const { rows } = setUp(many);
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]).toHaveAttribute('aria-setsize', '5000');
  });

  it('shows titles, authors, notes and tags that look like markup as plain text', async () => {
    const nasty = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script><b>bold</b>';
    const { rows, user } = setUp([paper('2401.00009', { title: nasty, authors: [nasty], notes: nasty, tags: [nasty] })]);
    const row = rows()[0]!;
    expect(row.querySelector('img, script, b')).toBeNull();
    expect(within(row).getByRole('link', { name: nasty })).toBeInTheDocument();
    expect(within(row).getAllByText(nasty, { exact: false }).length).toBeGreaterThanOrEqual(2);
    await user.click(within(row).getByRole('button', { name: 'Notes' }));
    expect(within(row).getByRole('textbox', { name: `Notes for ${nasty}` })).toHaveValue(nasty);
    expect(row.querySelector('img, script, b')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });
});
