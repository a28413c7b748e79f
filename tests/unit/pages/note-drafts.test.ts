import { describe, expect, it, vi } from 'vitest';
import { clearDraft, listDrafts, readDraft, recoverDrafts, writeDraft } from '@/lib/pages/note-drafts';

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
    writeDraft(storage, '2401.00001', 'a', 100);
    writeDraft(storage, '2401.00001', 'ab', 200);
    writeDraft(storage, 'hep-th/9901001', 'old id', 300);
    expect(readDraft(storage, '2401.00001')).toEqual({ id: '2401.00001', text: 'ab', at: 200 });
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

  it('sends again only drafts newer than the stored paper and different from its notes', async () => {
    const storage = memoryStorage();
    writeDraft(storage, 'lost', 'typed before the popup closed', 500);
    writeDraft(storage, 'arrived', 'saved after all', 500);
    writeDraft(storage, 'stale', 'older than an edit elsewhere', 500);
    writeDraft(storage, 'gone', 'paper removed since', 500);
    const stored: Record<string, { notes: string; updatedAt: number }> = {
      lost: { notes: 'typed before', updatedAt: 400 },
      arrived: { notes: 'saved after all', updatedAt: 400 },
      stale: { notes: 'edited in the library', updatedAt: 900 },
    };
    const save = vi.fn(async () => undefined);
    const sent = await recoverDrafts(storage, async (id) => stored[id], save);
    expect(sent).toBe(1);
    expect(save).toHaveBeenCalledExactlyOnceWith('lost', 'typed before the popup closed');
    expect(listDrafts(storage)).toEqual([]);
  });

  it('keeps nothing it could not send, and says so', async () => {
    const storage = memoryStorage();
    writeDraft(storage, 'lost', 'text', 500);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sent = await recoverDrafts(
      storage,
      async () => ({ notes: '', updatedAt: 1 }),
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
