/**
 * The last line of defence for notes (issue #4: "never loses a keystroke, also when the popup closes
 * mid-edit"). The editor saves through the background, debounced and flushed when the popup hides; but a
 * message sent while the popup is being torn down is not guaranteed to arrive. So every keystroke is also
 * written synchronously to the page's `localStorage` as a draft, cleared once the background confirms the
 * save, and a draft still there at the next opening is sent again.
 *
 * The storage is injected: `localStorage` in the extension pages, a Map-backed fake in tests.
 */
const PREFIX = 'papershelf:note-draft:';

export interface NoteDraft {
  id: string;
  text: string;
  /** Epoch ms of the keystroke: a draft older than the stored paper's last change is stale. */
  at: number;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function writeDraft(storage: DraftStorage, id: string, text: string, at = Date.now()): void {
  try {
    storage.setItem(PREFIX + id, JSON.stringify({ text, at }));
  } catch {
    // A full localStorage only removes the safety net; the debounced save still runs.
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
      const { text, at } = value as { text?: unknown; at?: unknown };
      if (typeof text === 'string' && typeof at === 'number') return { id, text, at };
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
 * Sends the drafts a closed page left behind, when they are newer than the stored paper and differ
 * from its notes; drops the rest. Returns how many were sent.
 */
export async function recoverDrafts(
  storage: DraftStorage,
  stored: (id: string) => Promise<{ notes: string; updatedAt: number } | undefined>,
  save: (id: string, text: string) => Promise<unknown>,
): Promise<number> {
  let sent = 0;
  for (const draft of listDrafts(storage)) {
    const paper = await stored(draft.id);
    if (paper && paper.updatedAt < draft.at && paper.notes !== draft.text) {
      try {
        await save(draft.id, draft.text);
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
