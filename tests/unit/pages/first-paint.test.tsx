// The popup's first paint (lib/pages/first-paint.ts): read with plain IndexedDB, drawn with plain
// DOM, and then replaced by the live popup, which must draw the same boxes or the page would jump.
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Paper } from '@/lib/model/paper';
import { DEFAULT_VIEW } from '@/lib/view/library-view';
import { VIEW_KEY } from '@/lib/pages/stored-view-choices';
import { DATABASE_NAME } from '@/lib/db/name';
import { readNewestPapers } from '@/lib/pages/first-rows';
import '../support/dom';
import { paper } from '../support/factory';

vi.mock('@/lib/messaging/client', () => ({ askBackground: async () => undefined }));

/** Oldest saved first; publication dates in another order. */
const library = (): Paper[] => [
  paper({
    id: '2401.00001',
    title: 'Attention Is All You Need',
    authors: ['A', 'B', 'C', 'D', 'E'],
    published: '2017-06-12',
    tags: ['transformers'],
    links: { code: ['https://github.com/tensorflow/tensor2tensor'], huggingface: 'https://huggingface.co/papers/2401.00001' },
    lookup: { githubStars: { 'https://github.com/tensorflow/tensor2tensor': 15_300 } },
  }),
  paper({ id: '2401.00002', title: '<img src=x onerror=alert(1)> Über', status: 'read', published: '2023-01-01', authors: [] }),
  paper({
    id: '2401.00003',
    title: 'Diffusion Beats GANs',
    notes: 'compare',
    tags: ['diffusion', 'to read'],
    published: '2021-05-11',
    links: { code: [], projectPage: 'https://example.org/p' },
  }),
  // Its code appeared since it was saved: both draw the mark.
  paper({
    id: '2401.00004',
    title: 'Zebra Scaling Laws',
    status: 'reading',
    links: { code: ['https://github.com/z/zebra'] },
    lookup: { codeAppearedAt: 9 },
  }),
];

async function store(papers: Paper[]) {
  const { db } = await import('@/lib/db/database');
  await db.papers.clear();
  await db.papers.bulkPut(papers);
}

const ids = (papers: readonly Paper[]) => papers.map((paper) => paper.id);

beforeEach(async () => {
  vi.resetModules();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = request.onerror = resolve;
  });
});

afterEach(async () => {
  // This test's database connection (modules are reset before the next), so the next can delete it quietly.
  (await import('@/lib/db/database')).db.close();
});

describe('readNewestPapers', () => {
  it('does not create a database that does not exist yet (Dexie creates it with its schema)', async () => {
    expect(await readNewestPapers(DATABASE_NAME, 'savedAt')).toEqual([]);
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(DATABASE_NAME);
  });

  it.each([
    ['getAllRecords', false],
    ['a key cursor and getAll (browsers without getAllRecords)', true],
  ])('reads the newest papers by an index with %s', async (_, withoutGetAllRecords) => {
    await store(library());
    const prototype = IDBIndex.prototype as unknown as Record<string, unknown>;
    const getAllRecords = prototype.getAllRecords;
    if (withoutGetAllRecords) delete prototype.getAllRecords;
    try {
      expect(ids(await readNewestPapers(DATABASE_NAME, 'savedAt'))).toEqual(['2401.00004', '2401.00003', '2401.00002', '2401.00001']);
      expect(ids(await readNewestPapers(DATABASE_NAME, 'savedAt', 2))).toEqual(['2401.00004', '2401.00003']);
      // 2401.00004 has no publication date: it is not in that index.
      expect(ids(await readNewestPapers(DATABASE_NAME, 'published', 2))).toEqual(['2401.00002', '2401.00003']);
    } finally {
      prototype.getAllRecords = getAllRecords;
    }
  });
});

describe('the popup’s first paint', () => {
  it('draws the newest papers in the stored order, as text, with the search box focused', async () => {
    await store(library());
    localStorage.setItem(VIEW_KEY, JSON.stringify({ ...DEFAULT_VIEW, sort: 'published' }));
    const { paintFirstRows } = await import('@/lib/pages/first-paint');
    const root = document.body.appendChild(document.createElement('div'));
    const first = await paintFirstRows(root);
    expect(first?.index).toBe('published');
    expect(ids(await first!.papers)).toEqual(['2401.00002', '2401.00003', '2401.00001']);
    expect([...root.querySelectorAll<HTMLElement>('li.paper')].map((row) => row.dataset.papershelfId)).toEqual([
      '2401.00002',
      '2401.00003',
      '2401.00001',
    ]);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.paper-title')?.textContent).toBe('<img src=x onerror=alert(1)> Über');
    expect(root.querySelector('.filter-sort')?.textContent).toBe('Newest published');
    expect(document.activeElement).toBe(root.querySelector('input[type="search"]'));
    root.remove();
  });

  it.each([
    ['sorted by title', { sort: 'title' }],
    ['filtered', { status: 'unread' }],
  ])('leaves the popup to the live code when the stored view is %s', async (_, choices) => {
    await store(library());
    localStorage.setItem(VIEW_KEY, JSON.stringify({ ...DEFAULT_VIEW, ...choices }));
    const { paintFirstRows } = await import('@/lib/pages/first-paint');
    const root = document.createElement('div');
    expect(await paintFirstRows(root)).toBeUndefined();
    expect(root.childElementCount).toBe(0);
  });

  it('draws the same boxes as the live popup, which takes over from it with what was typed', async () => {
    await store(library());
    const { paintFirstRows } = await import('@/lib/pages/first-paint');
    const early = document.createElement('div');
    const first = await paintFirstRows(early);
    const firstPaint = early.cloneNode(true) as Element;

    const { mountPopup } = await import('@/entrypoints/popup/mount');
    const root = document.body.appendChild(document.createElement('div'));
    root.append(...early.childNodes);
    root.querySelector('input')!.value = 'zeb';
    await mountPopup(root, first);
    const live = await screen.findByRole('searchbox', { name: 'Search' });
    expect(live).toHaveValue('zeb');
    expect(live).toHaveFocus();

    // Both drawn with the same data: the live popup before its search applies, and the first paint.
    const { App } = await import('@/entrypoints/popup/App');
    const unfiltered = render(<App />);
    await waitFor(() => expect(unfiltered.container.querySelectorAll('li.paper')).toHaveLength(4));
    expect(boxes(firstPaint).length).toBeGreaterThan(60);
    expect(boxes(unfiltered.container)).toEqual(boxes(firstPaint));
    root.remove();
  });
});

/** What lays out the page: every shown element's tag, classes and own text (the live count aside). */
function boxes(container: Element): string[] {
  return [...container.querySelectorAll('*')]
    .filter((element) => !element.closest('[hidden], .visually-hidden, option'))
    .map((element) => {
      const classes = [...element.classList]
        .filter((name) => name !== 'first-paint' && !name.startsWith('is-'))
        .sort()
        .join('.');
      const text = element.matches('.count')
        ? ''
        : [...element.childNodes]
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent)
            .join('');
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}${text ? ` “${text}”` : ''}`;
    });
}
