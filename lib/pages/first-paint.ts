// The popup's first paint, before React, Dexie and the rest of its code have loaded (issue #4: first rows
// within 150 ms of opening with 10,000 papers). Loading those takes ~100–150 ms on a modest machine, so the
// newest papers are read with plain IndexedDB and drawn with plain DOM in the popup's own markup and
// classes; React replaces this with the live popup when it mounts (App.tsx), and the page does not move.
// tests/unit/pages/first-paint.test.tsx checks that both draw the same boxes.
import type { SortOrder } from '@/lib/view/library-view';
import type { Paper } from '@/lib/model/paper';
import { absUrl } from '@/lib/model/arxiv-id';
import { paperLinks, paperMeta, starCount, type LabelledLink } from '@/lib/view/paper-links';
import { DATABASE_NAME } from '@/lib/db/name';
import { readNewestPapers } from './first-rows';
import { READ_STATUSES, SORT_LABELS, STATUS_LABELS } from '@/lib/view/labels';
import { unfilteredIndexOrder, type FirstRowsIndex } from '@/lib/view/index-orders';
import { storedViewChoices } from './stored-view-choices';

export interface FirstRows {
  index: FirstRowsIndex;
  papers: Promise<Paper[]>;
}

declare global {
  interface Window {
    /** Set by the first paint's script (entrypoints/popup-first-paint.ts) for the live popup. */
    papershelfFirstRows?: Promise<FirstRows | undefined>;
  }
}

/** A few more rows than the popup (584 px high, rows of ~100 px) shows at once. */
const PAINTED_ROWS = 6;

/**
 * Reads the newest papers in the stored order and draws them with the popup's frame into `root`. Resolves
 * with what it read, for the live popup to start from, or undefined when the stored view is one a first
 * read cannot follow (sorted by title, filtered: the live popup reads everything for those).
 */
export async function paintFirstRows(rootElement: HTMLElement | Promise<HTMLElement>): Promise<FirstRows | undefined> {
  const order = unfilteredIndexOrder(storedViewChoices());
  if (!order) return undefined;
  const first = { index: order.index, papers: readNewestPapers(DATABASE_NAME, order.index) };
  const papers = await first.papers;
  const root = await rootElement;
  if (papers.length > 0) {
    root.replaceChildren(popupFrame(papers.slice(0, PAINTED_ROWS), order.sort));
    root.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    performance.mark('papershelf:first-rows');
  }
  return first;
}

/** The search text typed before the live popup took over: it carries on from there. */
export function typedQuery(root: HTMLElement): string {
  return root.querySelector<HTMLInputElement>('input[type="search"]')?.value ?? '';
}

type Child = Node | string | false | undefined;

function element(tag: string, attributes: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  // Text from pages and users goes in as text, never as HTML.
  for (const child of children) if (child !== false && child !== undefined) node.append(child);
  return node;
}

const selectShowing = (label: string, extraClass = '') =>
  element('select', { class: `filter${extraClass}`, 'aria-hidden': 'true' }, element('option', {}, label));

function popupFrame(papers: Paper[], sort: SortOrder): HTMLElement {
  const search = element('input', {
    type: 'search',
    class: 'search-input',
    'aria-label': 'Search',
    placeholder: 'Search titles, authors, abstracts, notes, tags',
  });
  return element(
    'main',
    { class: 'popup' },
    element(
      'header',
      { class: 'page-header' },
      element('div', { class: 'page-title' }, element('h1', {}, 'PaperShelf'), element('span', { class: 'count' })),
      element('span', { class: 'spacer' }),
      element('button', { type: 'button', class: 'header-action', disabled: '' }, 'Export BibTeX'),
      element('a', { class: 'header-action', href: '/library.html', target: '_blank' }, 'Library'),
    ),
    element(
      'div',
      { class: 'view-controls' },
      element('div', { role: 'search', class: 'search' }, search),
      // Shown as they will be; only the live popup knows their choices, and it takes over within ~0.2 s.
      element(
        'div',
        { class: 'filters', inert: '' },
        selectShowing('Any status'),
        selectShowing('Any tag'),
        selectShowing('Any code'),
        selectShowing(SORT_LABELS[sort], ' filter-sort'),
      ),
    ),
    element('div', { class: 'notice-region' }),
    element(
      'div',
      { class: 'paper-scroller', inert: '' },
      element('ul', { class: 'papers first-paint', 'aria-busy': 'true', 'aria-label': 'Saved papers' }, ...papers.map(paperRow)),
    ),
    element(
      'footer',
      { class: 'page-footer' },
      setting('Unread count on toolbar icon', 'Unread badge'),
      setting('Count papers whose code appeared on toolbar icon', 'Code badge'),
      setting('Look up missing details and code online', 'Look up online'),
      element('span', { class: 'keys-hint', 'aria-hidden': 'true' }, '↑↓ Enter · C code · N notes · R read'),
    ),
  );
}

/** components/SettingsControls.tsx's, disabled until the live popup has read the settings. */
const setting = (label: string, shortLabel: string) =>
  element(
    'label',
    { class: 'setting', title: label },
    element('input', { type: 'checkbox', 'aria-label': label, disabled: '' }),
    element('span', { 'aria-hidden': 'true' }, shortLabel),
  );

/** components/PaperRow.tsx's PaperLink. */
function paperLink(link: LabelledLink): HTMLElement {
  const anchor = element('a', { href: link.href, title: link.title }, link.label);
  if (link.stars === undefined) return anchor;
  return element('span', { class: 'code-link' }, anchor, element('span', { class: 'stars' }, `★ ${starCount(link.stars)}`));
}

/** components/PaperRow.tsx's markup, without its behaviour. */
function paperRow(paper: Paper): HTMLElement {
  const meta = paperMeta(paper);
  return element(
    'li',
    { class: `paper status-${paper.status}`, 'data-papershelf-id': paper.id },
    element(
      'div',
      { class: 'paper-body' },
      element('a', { class: 'paper-title', href: absUrl(paper.id) }, paper.title),
      meta !== '' && element('div', { class: 'paper-meta' }, meta),
      element(
        'div',
        { class: 'paper-links' },
        // components/PaperRow.tsx's NewCodeMark.
        paper.lookup?.codeAppearedAt !== undefined &&
          element('span', { class: 'new-code', title: 'Code appeared since you saved this paper' }, 'new code'),
        ...paperLinks(paper).map(paperLink),
        element('span', { class: 'spacer' }),
        element('button', { type: 'button', class: 'paper-action zotero-send' }, 'Z'),
        element('button', { type: 'button', class: 'paper-action' }, 'BibTeX'),
        element('button', { type: 'button', class: 'paper-action paper-remove' }, 'Remove'),
      ),
      element(
        'div',
        { class: 'paper-controls' },
        element(
          'div',
          { class: 'status-control' },
          ...READ_STATUSES.map((status) =>
            element(
              'button',
              { type: 'button', class: `status-option status-${status}`, 'aria-pressed': String(paper.status === status) },
              STATUS_LABELS[status],
            ),
          ),
        ),
        element(
          'button',
          { type: 'button', class: 'paper-action notes-toggle' },
          'Notes',
          paper.notes !== '' && element('span', { class: 'has-notes' }),
        ),
        element(
          'div',
          { class: 'tag-editor' },
          paper.tags.length > 0 &&
            element(
              'ul',
              { class: 'tags' },
              ...paper.tags.map((tag) =>
                element(
                  'li',
                  { class: 'tag' },
                  element('span', { class: 'tag-name' }, tag),
                  element('button', { type: 'button', class: 'tag-remove' }, '×'),
                ),
              ),
            ),
          element('input', { class: 'tag-input', type: 'text', placeholder: '+ tag' }),
        ),
      ),
    ),
  );
}
