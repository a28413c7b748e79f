/**
 * The last line of defence for notes (issue #4: "never loses a keystroke, also when the popup closes
 * mid-edit"). The editor saves through the background, debounced and flushed when the popup hides; but a
 * message sent while the popup is being torn down is not guaranteed to arrive. So every keystroke is also
 * written synchronously to the page's `localStorage` as a draft, cleared once the background confirms the
 * save, and a draft still there at the next opening is sent again.
 *
 * A draft carries the stored text it was typed over (issue #9). Sent again, it is written only over that
 * text; if the notes changed since (another window), both texts are kept, joined, never one over the other.
 *
 * The storage is injected: `localStorage` in the extension pages, a Map-backed fake in tests.
 */
import type { NotesEdit } from '@/lib/model/paper';

const PREFIX = 'papershelf:note-draft:';

export interface NoteDraft {
  id: string;
  text: string;
  /** The stored notes the text was typed over. */
  base: string;
  /** Epoch ms of the keystroke. */
  at: number;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * Keeps the draft; false when the storage refused it (full: a QuotaExceededError). That only removes the
 * safety net, the debounced save still runs, but the page says so (lib/pages/shelf.ts).
 */
export function writeDraft(storage: DraftStorage, id: string, text: string, base: string, at = Date.now()): boolean {
  try {
    storage.setItem(PREFIX + id, JSON.stringify({ text, base, at }));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the draft once `savedText` is what the background stored (a newer draft stays). */
export function clearDraft(storage: DraftStorage, id: string, savedText: string): void {
  const draft = readDraft(storage, id);
  if (draft && draft.text === savedText) storage.removeItem(PREFIX + id);
}

export function readDraft(storage: DraftStorage, id: string): NoteDraft | undefined {
  const raw = storage.getItem(PREFIX + id);
  if (raw === null) return undefined;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value === 'object' && value !== null) {
      const { text, base, at } = value as { text?: unknown; base?: unknown; at?: unknown };
      // A draft written before drafts carried their base was typed over the notes of its time: unknown, so
      // it is joined with today's rather than written over them.
      if (typeof text === 'string' && typeof at === 'number') return { id, text, base: typeof base === 'string' ? base : '', at };
    }
  } catch {
    // fall through: a malformed draft is dropped
  }
  storage.removeItem(PREFIX + id);
  return undefined;
}

export function listDrafts(storage: DraftStorage): NoteDraft[] {
  const ids: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
  }
  return ids.map((id) => readDraft(storage, id)).filter((draft): draft is NoteDraft => draft !== undefined);
}

/**
 * Sends the drafts a closed page left behind that differ from the stored notes, each over the text it was
 * typed on, with both kept if the notes changed since; drops the rest. Returns how many were sent.
 */
export async function recoverDrafts(
  storage: DraftStorage,
  stored: (id: string) => Promise<{ notes: string } | undefined>,
  save: (id: string, notes: NotesEdit) => Promise<unknown>,
): Promise<number> {
  let sent = 0;
  for (const draft of listDrafts(storage)) {
    const paper = await stored(draft.id);
    if (paper && paper.notes !== draft.text) {
      try {
        await save(draft.id, { text: draft.text, base: draft.base, onConflict: 'keep-both' });
        sent++;
      } catch (error) {
        console.warn(`PaperShelf: could not recover the notes draft of ${draft.id}`, error);
        continue;
      }
    }
    storage.removeItem(PREFIX + draft.id);
  }
  return sent;
}
