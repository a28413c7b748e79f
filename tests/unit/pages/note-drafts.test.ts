import { describe, expect, it, vi } from 'vitest';
import { NOTES_SEPARATOR } from '@/lib/model/notes';
import { clearDraft, listDrafts, readDraft, recoverDrafts, writeDraft } from '@/lib/pages/note-drafts';
import { testBackground } from '../support/background';
import { hfSource, metadata } from '../support/factory';

/** localStorage as the pages have it, without jsdom's one shared between tests. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

describe('note drafts', () => {
  it('keeps the latest keystroke per paper until the save of that text is confirmed', () => {
    const storage = memoryStorage();
    writeDraft(storage, '2401.00001', 'a', '', 100);
    writeDraft(storage, '2401.00001', 'ab', '', 200);
    writeDraft(storage, 'hep-th/9901001', 'old id', 'older', 300);
    expect(readDraft(storage, '2401.00001')).toEqual({ id: '2401.00001', text: 'ab', base: '', at: 200 });
    // The save of "a" comes back after "ab" was typed: the newer draft stays.
    clearDraft(storage, '2401.00001', 'a');
    expect(readDraft(storage, '2401.00001')?.text).toBe('ab');
    clearDraft(storage, '2401.00001', 'ab');
    expect(readDraft(storage, '2401.00001')).toBeUndefined();
    expect(listDrafts(storage).map((draft) => draft.id)).toEqual(['hep-th/9901001']);
  });

  it('drops a malformed draft', () => {
    const storage = memoryStorage();
    storage.setItem('papershelf:note-draft:2401.00001', '{not json');
    storage.setItem('unrelated', 'x');
    expect(listDrafts(storage)).toEqual([]);
    expect(storage.length).toBe(1);
  });

  it('sends again the drafts that differ from the stored notes, each over the text it was typed on', async () => {
    const storage = memoryStorage();
    writeDraft(storage, 'lost', 'typed before the popup closed', 'typed before', 500);
    writeDraft(storage, 'arrived', 'saved after all', '', 500);
    writeDraft(storage, 'gone', 'paper removed since', '', 500);
    const stored: Record<string, { notes: string }> = { lost: { notes: 'typed before' }, arrived: { notes: 'saved after all' } };
    const save = vi.fn(async () => undefined);
    const sent = await recoverDrafts(storage, async (id) => stored[id], save);
    expect(sent).toBe(1);
    expect(save).toHaveBeenCalledExactlyOnceWith('lost', {
      text: 'typed before the popup closed',
      base: 'typed before',
      onConflict: 'keep-both',
    });
    expect(listDrafts(storage)).toEqual([]);
  });

  it('never writes a draft over notes changed elsewhere since it was typed: the background keeps both', async () => {
    const bg = testBackground();
    const id = '2401.00001';
    await bg.ask({ type: 'paper/save', paper: metadata({ id }), source: hfSource });
    await bg.ask({ type: 'paper/update', id, patch: { notes: { text: 'first', base: '' } } });
    const storage = memoryStorage();
    // The popup typed over "first" and closed before its save arrived; the library then changed the notes.
    writeDraft(storage, id, 'first, and the popup’s thought', 'first', 500);
    await bg.ask({ type: 'paper/update', id, patch: { notes: { text: 'first, edited in the library', base: 'first' } } });
    await recoverDrafts(
      storage,
      (paperId) => bg.db.papers.get(paperId),
      (paperId, notes) => bg.ask({ type: 'paper/update', id: paperId, patch: { notes } }),
    );
    expect((await bg.db.papers.get(id))!.notes).toBe(`first, edited in the library${NOTES_SEPARATOR}first, and the popup’s thought`);
    // A draft typed over what is stored still simply applies.
    writeDraft(storage, id, 'one text', (await bg.db.papers.get(id))!.notes, 600);
    await recoverDrafts(
      storage,
      (paperId) => bg.db.papers.get(paperId),
      (paperId, notes) => bg.ask({ type: 'paper/update', id: paperId, patch: { notes } }),
    );
    expect((await bg.db.papers.get(id))!.notes).toBe('one text');
  });

  it('keeps nothing it could not send, and says so', async () => {
    const storage = memoryStorage();
    writeDraft(storage, 'lost', 'text', '', 500);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sent = await recoverDrafts(
      storage,
      async () => ({ notes: '' }),
      async () => {
        throw new Error('background asleep');
      },
    );
    expect(sent).toBe(0);
    expect(warn).toHaveBeenCalled();
    // Still there for the next opening.
    expect(listDrafts(storage).map((draft) => draft.text)).toEqual(['text']);
    warn.mockRestore();
  });
});
