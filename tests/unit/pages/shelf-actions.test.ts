import { describe, expect, it, vi } from 'vitest';
import { createBackup } from '@/lib/formats/backup';
import type { BackgroundRequest } from '@/lib/messaging/contract';
import type { Paper } from '@/lib/model/paper';
import { createShelfActions, type ShelfDependencies } from '@/lib/pages/shelf';
import type { Notice } from '@/lib/view/notice';
import { nastyPapers } from '../support/nasty-papers';

function setUp(answer: (request: BackgroundRequest) => unknown, library: Paper[] = nastyPapers()) {
  const notices: Omit<Notice, 'id'>[] = [];
  const requests: BackgroundRequest[] = [];
  const downloads: { fileName: string; text: string; type: string }[] = [];
  const clipboard: string[] = [];
  const deps: ShelfDependencies = {
    ask: (async (request: BackgroundRequest) => {
      requests.push(request);
      return answer(request);
    }) as ShelfDependencies['ask'],
    notify: (notice) => notices.push(notice),
    writeClipboard: async (text) => void clipboard.push(text),
    download: (fileName, text, type) => downloads.push({ fileName, text, type }),
    readBackup: async () => ({ text: '{}\n', count: 3 }),
    readPapers: async () => library,
    now: () => new Date(2026, 10, 26, 23, 30),
  };
  return { actions: createShelfActions(deps), notices, requests, downloads, clipboard };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const [attention, bert] = nastyPapers() as [Paper, Paper];

describe('shelf actions', () => {
  it('removes a paper and offers an Undo that takes it back from the Trash', async () => {
    const { actions, notices, requests } = setUp((request) =>
      request.type === 'papers/remove' ? { removed: [{ id: attention.id, title: attention.title }] } : { restored: [attention] },
    );
    actions.remove(attention);
    await settle();
    expect(requests[0]).toEqual({ type: 'papers/remove', ids: [attention.id] });
    expect(notices[0]).toMatchObject({ tone: 'info', text: `Removed “${attention.title}”.`, action: { label: 'Undo' } });
    notices[0]!.action!.run();
    await settle();
    expect(requests[1]).toEqual({ type: 'trash/restore', ids: [attention.id] });
    expect(notices[1]).toMatchObject({ text: `Restored “${attention.title}”.` });
  });

  it('downloads BibTeX of the papers shown under today’s date, or of everything, with no message once every key is stored', async () => {
    const keyed = nastyPapers().map((paper, index) => ({ ...paper, citationKey: paper.citationKey ?? `key${index}` }));
    const { actions, requests, downloads, notices } = setUp(() => ({}), keyed);
    actions.exportBibtex([attention.id, bert.id], { flavour: 'biblatex', asciiOnly: true });
    actions.exportBibtex(undefined);
    await settle();
    expect(requests).toEqual([]);
    expect(downloads[0]).toMatchObject({ fileName: 'papershelf-2026-11-26.bib', type: 'application/x-bibtex;charset=utf-8' });
    expect(downloads[0]!.text.match(/^@online\{/gm)).toHaveLength(2);
    expect(downloads[1]!.text.match(/^@misc\{/gm)).toHaveLength(keyed.length);
    expect(notices[0]?.text).toBe('Exported 2 papers as BibTeX.');
  });

  it('copies one paper’s BibTeX to the clipboard, asking the background to store its key first', async () => {
    const { actions, clipboard, notices, requests } = setUp(() => ({ keys: { [attention.id]: 'vaswani2024attention' } }));
    actions.copyBibtex(attention);
    await settle();
    expect(requests).toEqual([{ type: 'library/assign-citation-keys', ids: [attention.id] }]);
    expect(clipboard[0]).toMatch(/^@misc\{vaswani2024attention,\n {2}title = \{Attention Is All You Need\}/);
    expect(notices[0]?.text).toMatch(/^BibTeX of “Attention Is All You Need” copied/);
  });

  it('backs up to papershelf-backup-<date>.json', async () => {
    const { actions, downloads, requests } = setUp(() => ({}));
    actions.backUp();
    await settle();
    expect(downloads[0]).toMatchObject({ fileName: 'papershelf-backup-2026-11-26.json', text: '{}\n' });
    // Read in the page: 100,000 papers are more than one message from the background may hold (issue #12).
    expect(requests).toEqual([]);
  });

  it('reports a refusal as an error notice, with the background’s reason', async () => {
    const { actions, notices } = setUp(() => {
      throw new Error('PaperShelf could not update the paper: paper 1706.03762 is not saved');
    });
    actions.setStatus(attention, 'read');
    await settle();
    expect(notices[0]).toEqual({
      tone: 'error',
      text: `Could not mark “${attention.title}” read: PaperShelf could not update the paper: paper 1706.03762 is not saved`,
    });
  });

  it('hands a BibTeX file to the page’s parser and resolves with what the import did', async () => {
    const importBibtexText = vi.fn(async () => ({ added: 1, updated: 0, unchanged: 0 }));
    const notices: Omit<Notice, 'id'>[] = [];
    const actions = createShelfActions({
      ask: (async () => undefined) as unknown as ShelfDependencies['ask'],
      importBibtexText,
      notify: (notice) => notices.push(notice),
      writeClipboard: async () => undefined,
      download: () => undefined,
    });
    await expect(actions.importBibtex('refs.bib', '@misc{x, eprint={2401.00001}}')).resolves.toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(importBibtexText).toHaveBeenCalledWith('@misc{x, eprint={2401.00001}}');
  });

  it('rejects a failed restore with the background’s reason, for the page to show', async () => {
    const { actions, requests } = setUp(() => {
      throw new Error('not a PaperShelf backup');
    });
    const text = createBackup([]);
    await expect(actions.restoreBackup('x.json', text)).rejects.toThrow('not a PaperShelf backup');
    expect(requests).toMatchObject([{ type: 'library/restore-commit', papers: 0, trash: 0 }]);
  });
});

describe('note drafts on a full localStorage', () => {
  it('says once that drafts cannot be kept, and keeps them again when space is freed', () => {
    const items = new Map<string, string>();
    let full = false;
    const storage = {
      get length() {
        return items.size;
      },
      key: (index: number) => [...items.keys()][index] ?? null,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        items.set(key, value);
      },
      removeItem: (key: string) => void items.delete(key),
      clear: () => items.clear(),
    };
    const notices: Omit<Notice, 'id'>[] = [];
    const actions = createShelfActions({
      ask: (async () => ({})) as ShelfDependencies['ask'],
      notify: (notice) => notices.push(notice),
      writeClipboard: async () => {},
      download: () => {},
      drafts: storage,
    });
    full = true;
    actions.draftNotes('2401.00001', 'a', '');
    actions.draftNotes('2401.00001', 'ab', '');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ tone: 'error', text: expect.stringContaining('storage for PaperShelf is full') });
    full = false;
    actions.draftNotes('2401.00001', 'abc', '');
    expect(JSON.parse(items.get('papershelf:note-draft:2401.00001')!)).toMatchObject({ text: 'abc' });
    full = true;
    actions.draftNotes('2401.00001', 'abcd', '');
    expect(notices).toHaveLength(2);
  });
});
