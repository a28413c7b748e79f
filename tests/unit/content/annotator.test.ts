import { describe, expect, it, vi } from 'vitest';
import { Annotator, UNDO_MS, type AnnotatorDeps } from '@/lib/content/annotator';
import { MAX_ENTRIES_PER_PAGE } from '@/lib/model/limits';
import { ExtensionGoneError } from '@/lib/messaging/client';
import { buttonOf, nameOf, shadowOf } from '../support/closed-roots';
import { PaperMetadata } from '@/lib/model/paper';
import type { SiteAdapter } from '@/lib/sites/types';
import { encodeSavedIds, readSavedIds } from '@/lib/storage/saved-ids';

/** A toy site: every `li[data-id]` is a paper; enough to exercise the mounting rules on their own. */
const toySite: SiteAdapter = {
  site: 'arxiv',
  pageType: (url) => (url.pathname.startsWith('/list/') ? 'list' : null),
  extract: (_url, doc) =>
    [...doc.querySelectorAll('li[data-id]')].map((anchor) => ({
      id: anchor.getAttribute('data-id')!,
      anchor,
      placement: 'beforeend' as const,
      read: () => PaperMetadata.parse({ id: anchor.getAttribute('data-id'), title: anchor.textContent }),
    })),
};

function setup(html: string, saved: Record<string, boolean> = {}) {
  document.body.innerHTML = html;
  const frames: (() => void)[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const deps = {
    document,
    currentUrl: () => new URL('https://arxiv.org/list/cs.LG/new'),
    recognize: (url: URL) => {
      const pageType = toySite.pageType(url);
      return pageType ? { adapter: toySite, pageType } : null;
    },
    requestFrame: (callback: () => void) => void frames.push(callback),
    later: (callback: () => void, ms: number) => void timers.push({ callback, ms }),
    savedStateOf: vi.fn(async (ids: string[]) => Object.fromEntries(ids.map((id) => [id, saved[id] === true]))),
    save: vi.fn(async () => ({})),
    remove: vi.fn(async () => ({})),
    warn: vi.fn(),
  } satisfies AnnotatorDeps;
  const runFrames = () => {
    while (frames.length) frames.shift()!();
  };
  return { annotator: new Annotator(deps), deps, runFrames, timers };
}

const buttons = (id: string) => [...document.querySelectorAll(`[data-papershelf-id="${id}"]`)].map(buttonOf);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Annotator', () => {
  it('gives every entry one control and asks for all saved states in one request', async () => {
    const { annotator, deps } = setup(
      '<ul><li data-id="2401.00001">A</li><li data-id="2401.00002">B</li><li data-id="2401.00001">A again</li></ul>',
      { '2401.00001': true },
    );
    annotator.scan();
    await flush();
    expect(document.querySelectorAll('[data-papershelf-id]')).toHaveLength(3);
    expect(deps.savedStateOf).toHaveBeenCalledTimes(1);
    expect(deps.savedStateOf).toHaveBeenCalledWith(['2401.00001', '2401.00002']);
    expect(buttons('2401.00001').map(nameOf)).toEqual(['Saved', 'Saved']);
    expect(buttons('2401.00001')[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(nameOf(buttons('2401.00002')[0]!)).toBe('Save');
  });

  it('with the stored saved ids, mounts every control with its state at once and asks the background nothing', () => {
    const { annotator, deps } = setup('<ul><li data-id="2401.00001">A</li><li data-id="2401.00002">B</li></ul>');
    annotator.useSavedIds(readSavedIds(encodeSavedIds(['2401.00002'])));
    annotator.scan();
    expect(buttons('2401.00001').map(nameOf)).toEqual(['Save']);
    expect(buttons('2401.00002').map(nameOf)).toEqual(['Saved']);
    expect(deps.savedStateOf).not.toHaveBeenCalled();
    // An announcement (a save made since the ids were stored) wins over them.
    annotator.applySavedState({ '2401.00002': false, '2401.00001': true });
    expect(buttons('2401.00001').map(nameOf)).toEqual(['Saved']);
    expect(buttons('2401.00002').map(nameOf)).toEqual(['Save']);
  });

  it('after "everything changed" (an import), asks the background about its controls and no longer trusts the stored ids', async () => {
    const { annotator, deps, runFrames } = setup('<ul><li data-id="2401.00001">A</li></ul>', { '2401.00001': true, '2401.00003': true });
    annotator.useSavedIds(readSavedIds(encodeSavedIds([])));
    annotator.scan();
    expect(buttons('2401.00001').map(nameOf)).toEqual(['Save']);
    annotator.reloadSavedState();
    await flush();
    expect(deps.savedStateOf).toHaveBeenCalledWith(['2401.00001']);
    expect(buttons('2401.00001').map(nameOf)).toEqual(['Saved']);
    // An entry the page adds later is asked about too, not read from the old list.
    document.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li data-id="2401.00003">C</li>');
    annotator.scan();
    await flush();
    runFrames();
    expect(deps.savedStateOf).toHaveBeenLastCalledWith(['2401.00003']);
    expect(buttons('2401.00003').map(nameOf)).toEqual(['Saved']);
  });

  it('never mounts a second control on a rescan, and releases controls of entries that left', async () => {
    const { annotator, runFrames } = setup('<ul><li data-id="2401.00001">A</li><li data-id="2401.00002">B</li></ul>');
    annotator.scan();
    annotator.scan();
    expect(annotator.controlCount).toBe(2);
    document.querySelector('li[data-id="2401.00002"]')!.remove();
    document.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li data-id="2401.00003">C</li>');
    annotator.scheduleScan();
    annotator.scheduleScan();
    runFrames();
    expect(annotator.controlCount).toBe(2);
    expect([...document.querySelectorAll('[data-papershelf-id]')].map((host) => host.getAttribute('data-papershelf-id'))).toEqual([
      '2401.00001',
      '2401.00003',
    ]);
  });

  it('mounts a long page once its saved state is known, a batch per frame', async () => {
    const items = Array.from({ length: 3000 }, (_, index) => `<li data-id="2401.${String(index).padStart(5, '0')}">T</li>`);
    const { annotator, deps, runFrames } = setup(`<ul>${items.join('')}</ul>`, { '2401.01400': true });
    annotator.scan();
    expect(annotator.controlCount).toBe(0);
    expect(deps.savedStateOf).toHaveBeenCalledTimes(1);
    await flush();
    expect(annotator.controlCount).toBe(2000);
    runFrames();
    expect(annotator.controlCount).toBe(3000);
    expect(nameOf(buttons('2401.01400')[0]!)).toBe('Saved');
  });

  it('still mounts a long page when the background cannot answer, and says why', async () => {
    const items = Array.from({ length: 300 }, (_, index) => `<li data-id="2401.${String(index).padStart(5, '0')}">T</li>`);
    const { annotator, deps } = setup(`<ul>${items.join('')}</ul>`);
    deps.savedStateOf.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    annotator.scan();
    await flush();
    expect(annotator.controlCount).toBe(300);
    expect(deps.warn).toHaveBeenCalledWith('PaperShelf: could not read which papers are saved: Extension context invalidated.');
  });

  it('ignores clicks that are not a person’s (isTrusted false)', async () => {
    const { annotator, deps } = setup('<ul><li data-id="2401.00001">A</li></ul>');
    annotator.scan();
    buttons('2401.00001')[0]!.click();
    await flush();
    expect(deps.save).not.toHaveBeenCalled();
    expect(nameOf(buttons('2401.00001')[0]!)).toBe('Save');
  });

  it('applies states announced from other tabs to every occurrence', () => {
    const { annotator } = setup('<ul><li data-id="2401.00001">A</li><li data-id="2401.00001">A</li></ul>');
    annotator.scan();
    annotator.applySavedState({ '2401.00001': true });
    expect(buttons('2401.00001').map(nameOf)).toEqual(['Saved', 'Saved']);
  });

  it('warns once, naming the site and page type, when a supported page has no papers, and leaves it untouched', () => {
    const { annotator, deps } = setup('<p>Nothing here</p>');
    const before = document.body.innerHTML;
    annotator.scan();
    annotator.scan();
    expect(deps.warn).toHaveBeenCalledTimes(1);
    expect(deps.warn.mock.calls[0]![0]).toMatch(/no papers recognized on this arxiv list page/);
    expect(document.body.innerHTML).toBe(before);
  });

  it('does not count its own controls as page changes', () => {
    const { annotator } = setup('<ul><li data-id="2401.00001">A</li></ul>');
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(document.body, { childList: true, subtree: true });
    annotator.scan();
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((record) => annotator.isOwnMutation(record))).toBe(true);
  });
});

describe('Annotator saving', () => {
  it('shows why an entry the page left incomplete cannot be saved, and saves nothing', async () => {
    const { annotator, deps } = setup('<ul><li data-id="2401.00001">A</li></ul>');
    annotator.scan();
    const host = document.querySelector('[data-papershelf-id="2401.00001"]')!;
    const control = [
      ...(annotator as unknown as { controlsByAnchor: Map<Element, { entry: { read(): unknown } }> }).controlsByAnchor.values(),
    ][0]!;
    control.entry.read = () => {
      throw new Error("the page's entry for 2401.00001 is incomplete (title: Too small)");
    };
    // jsdom cannot make a trusted click; call what a trusted click calls.
    await (annotator as unknown as { toggle(c: unknown, s: unknown): Promise<void> }).toggle(control, {
      site: 'arxiv',
      url: 'https://arxiv.org/list/cs.LG/new',
    });
    expect(deps.save).not.toHaveBeenCalled();
    expect(shadowOf(host).querySelector('.error')!.textContent).toBe(
      "Could not save: the page's entry for 2401.00001 is incomplete (title: Too small)",
    );
    expect(nameOf(buttonOf(host))).toBe('Save');
  });
});

type Internals = {
  controlsByAnchor: Map<Element, unknown>;
  toggle(control: unknown, source: unknown): Promise<void>;
  undo(control: unknown, source: unknown): Promise<void>;
};
const source = { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' };

describe('Annotator Undo', () => {
  // jsdom cannot make a trusted click; these call what a trusted click calls (e2e clicks for real).
  const undoButton = (id: string) =>
    shadowOf(document.querySelector(`[data-papershelf-id="${id}"]`)!).querySelector<HTMLButtonElement>('.undo');
  // Undo is made the first time it is offered: a control without one shows none.
  const undoShown = (id: string) => undoButton(id)?.hidden === false;

  it('offers Undo for a moment after a remove, and Undo saves the paper again from this page', async () => {
    const { annotator, deps, timers } = setup('<ul><li data-id="2401.00001">A</li></ul>', { '2401.00001': true });
    annotator.scan();
    await flush();
    const internals = annotator as unknown as Internals;
    const control = [...internals.controlsByAnchor.values()][0];
    expect(undoShown('2401.00001')).toBe(false);
    await internals.toggle(control, source);
    expect(deps.remove).toHaveBeenCalledWith('2401.00001');
    expect(undoShown('2401.00001')).toBe(true);
    expect(undoButton('2401.00001')!.getAttribute('aria-label')).toBe('Undo removing 2401.00001 from PaperShelf');
    expect(timers.map((timer) => timer.ms)).toEqual([UNDO_MS]);
    await internals.undo(control, source);
    expect(deps.save).toHaveBeenCalledWith(expect.objectContaining({ id: '2401.00001', title: 'A' }), source);
    expect(nameOf(buttons('2401.00001')[0]!)).toBe('Saved');
    expect(undoShown('2401.00001')).toBe(false);
  });

  it('withdraws Undo when its moment passes or when the paper is saved again elsewhere', async () => {
    const { annotator, timers } = setup('<ul><li data-id="2401.00001">A</li><li data-id="2401.00002">B</li></ul>', {
      '2401.00001': true,
      '2401.00002': true,
    });
    annotator.scan();
    await flush();
    const internals = annotator as unknown as Internals;
    const [first, second] = [...internals.controlsByAnchor.values()];
    await internals.toggle(first, source);
    await internals.toggle(second, source);
    timers[0]!.callback();
    expect(undoShown('2401.00001')).toBe(false);
    annotator.applySavedState({ '2401.00002': true });
    expect(undoShown('2401.00002')).toBe(false);
  });

  it('does not save twice when Undo comes after the paper was saved again', async () => {
    const { annotator, deps } = setup('<ul><li data-id="2401.00001">A</li></ul>', { '2401.00001': true });
    annotator.scan();
    await flush();
    const internals = annotator as unknown as Internals;
    const control = [...internals.controlsByAnchor.values()][0];
    await internals.toggle(control, source);
    annotator.applySavedState({ '2401.00001': true });
    await internals.undo(control, source);
    expect(deps.save).not.toHaveBeenCalled();
  });
});

describe('Annotator when the background does not answer', () => {
  const errorOf = (id: string) =>
    shadowOf(document.querySelector(`[data-papershelf-id="${id}"]`)!).querySelector('.error')?.textContent ?? '';

  it('confirms a save whose reply was lost from the saved state, instead of saying it failed', async () => {
    const { annotator, deps } = setup('<ul><li data-id="2401.00001">A</li></ul>');
    annotator.scan();
    await flush();
    deps.save.mockRejectedValueOnce(new Error('PaperShelf background did not answer'));
    // The write had committed: the background says the paper is saved.
    deps.savedStateOf.mockResolvedValueOnce({ '2401.00001': true });
    const internals = annotator as unknown as Internals;
    await internals.toggle([...internals.controlsByAnchor.values()][0], source);
    expect(nameOf(buttons('2401.00001')[0]!)).toBe('Saved');
    expect(errorOf('2401.00001')).toBe('');
  });

  it('says a save failed when the saved state confirms it did not land', async () => {
    const { annotator, deps } = setup('<ul><li data-id="2401.00001">A</li></ul>');
    annotator.scan();
    await flush();
    deps.save.mockRejectedValueOnce(new Error('PaperShelf could not save the paper: QuotaExceededError: disk full'));
    const internals = annotator as unknown as Internals;
    await internals.toggle([...internals.controlsByAnchor.values()][0], source);
    expect(nameOf(buttons('2401.00001')[0]!)).toBe('Save');
    expect(errorOf('2401.00001')).toBe('Could not save: PaperShelf could not save the paper: QuotaExceededError: disk full');
  });

  it('stops every control with "reload the page" when the extension was updated, and sends nothing more', async () => {
    const { annotator, deps, runFrames } = setup('<ul><li data-id="2401.00001">A</li><li data-id="2401.00002">B</li></ul>');
    annotator.scan();
    await flush();
    deps.save.mockRejectedValueOnce(new ExtensionGoneError());
    const internals = annotator as unknown as Internals;
    const [first, second] = [...internals.controlsByAnchor.values()];
    await internals.toggle(first, source);
    for (const id of ['2401.00001', '2401.00002']) {
      expect(errorOf(id)).toBe('PaperShelf was updated — reload the page');
      expect(buttons(id)[0]!.disabled).toBe(true);
    }
    await internals.toggle(second, source);
    expect(deps.save).toHaveBeenCalledTimes(1);
    // Entries the page adds later get no working control either.
    document.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li data-id="2401.00003">C</li>');
    annotator.scheduleScan();
    runFrames();
    expect(buttons('2401.00003')).toEqual([]);
    expect(deps.savedStateOf).toHaveBeenCalledTimes(1);
  });
});

describe('Annotator on a page that lists too many papers (issue #10)', () => {
  it(`gives only the first ${MAX_ENTRIES_PER_PAGE} entries a control, asks only for their state, and warns once`, async () => {
    const items = Array.from(
      { length: MAX_ENTRIES_PER_PAGE + 50 },
      (_, index) => `<li data-id="2609.${String(index).padStart(5, '0')}">P</li>`,
    );
    const { annotator, deps, runFrames } = setup(`<ul>${items.join('')}</ul>`);
    annotator.scan();
    await flush();
    runFrames();
    annotator.scan();
    await flush();
    runFrames();
    expect(document.querySelectorAll('[data-papershelf-id]')).toHaveLength(MAX_ENTRIES_PER_PAGE);
    expect(deps.savedStateOf.mock.calls.flatMap(([ids]) => ids)).toHaveLength(MAX_ENTRIES_PER_PAGE);
    expect(deps.warn).toHaveBeenCalledTimes(1);
    expect(deps.warn).toHaveBeenCalledWith(expect.stringContaining(`more than ${MAX_ENTRIES_PER_PAGE} papers`));
  });
});
