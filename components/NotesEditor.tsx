import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { combineNotes } from '@/lib/model/notes';

export const NOTES_SAVE_DELAY_MS = 400;

/** What a save answers: `conflict` when the stored notes had changed since `base` and were left as they were. */
export type NotesSaved = { conflict?: { notes: string } } | undefined | void;

export interface NotesEditorProps {
  paperId: string;
  paperTitle: string;
  /** The stored notes, live. Adopted only while the user has nothing unsaved, so a save's echo never overwrites typing. */
  value: string;
  /** Stores the text, written on `base` (the stored text it was typed over); resolves once the background answered. */
  onSave: (paperId: string, text: string, base: string) => Promise<NotesSaved>;
  /** Called on every keystroke, synchronously: the page keeps a draft that survives its own closing. */
  onDraft?: (paperId: string, text: string, base: string) => void;
  autoFocus?: boolean;
  rows?: number;
  delayMs?: number;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

type SaveState = 'saved' | 'pending' | 'error';

/**
 * A paper's notes, saved as you type (issue #4): debounced, and flushed at once when the text area loses
 * focus, when the page is hidden or closed (the popup closing mid-edit), and when the editor goes away.
 * The text lives in local state while typing; each save is sent at once, without waiting for the previous
 * one, because a page that is closing has no time to wait.
 *
 * Two windows editing one paper's notes (issue #9): each save carries the stored text it was typed over, and
 * the background writes it only over that text. When the notes changed elsewhere meanwhile, nothing is
 * overwritten: the editor keeps the user's text, shows the other beside it, live, and asks: Keep mine, Keep
 * theirs or Keep both. Until the user chooses, nothing more is sent (the draft still keeps every keystroke).
 */
export function NotesEditor({
  paperId,
  paperTitle,
  value,
  onSave,
  onDraft,
  autoFocus,
  rows = 4,
  delayMs = NOTES_SAVE_DELAY_MS,
  textareaRef,
}: NotesEditorProps) {
  const [text, setText] = useState(value);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const conflictedNow = useRef(false);
  /** The stored text the user's text descends from: what was last adopted, or last sent. */
  const base = useRef(value);
  const shown = useRef(text);
  shown.current = text;
  const unsaved = useRef<string | null>(null);
  const inFlight = useRef(0);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest props, for the flush that runs from event listeners and the unmount cleanup.
  const latest = useRef({ paperId, onSave, value });
  latest.current = { paperId, onSave, value };

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const pending = unsaved.current;
    // In a conflict the user decides first; the draft holds the text if the page closes meanwhile.
    if (pending === null || conflictedNow.current) return;
    unsaved.current = null;
    inFlight.current++;
    const { paperId: id, onSave: save } = latest.current;
    const sentOver = base.current;
    // The next save is typed over this one: the user's own text is not a change made elsewhere.
    base.current = pending;
    let request: Promise<NotesSaved>;
    try {
      request = Promise.resolve(save(id, pending, sentOver));
    } catch (reason) {
      request = Promise.reject(reason);
    }
    request.then(
      (saved) => {
        inFlight.current--;
        setError(null);
        if (saved?.conflict) {
          conflictedNow.current = true;
          setConflicted(true);
          setSaveState('pending');
          return;
        }
        if (unsaved.current === null && inFlight.current === 0 && !conflictedNow.current) setSaveState('saved');
      },
      (reason: unknown) => {
        inFlight.current--;
        // Not stored: the next save is typed over what was stored before, again.
        if (base.current === pending) base.current = sentOver;
        // Keep the text to save again on the next keystroke or blur, unless newer text is waiting already.
        unsaved.current ??= pending;
        setSaveState('error');
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  }, []);

  // Adopt the stored value when it changes elsewhere (another page, an import) and nothing of the user's is
  // waiting: the text shown is still the one last adopted or stored. A conflict ends when both agree again.
  useEffect(() => {
    if (conflictedNow.current) {
      if (value === shown.current) resolve(value);
      return;
    }
    if (unsaved.current !== null || inFlight.current > 0) return;
    if (!focused.current || shown.current === base.current) {
      base.current = value;
      setText(value);
    }
    // `resolve` is stable for the editor's life: it reads refs only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const change = (next: string) => {
    setText(next);
    unsaved.current = next;
    setSaveState('pending');
    onDraft?.(paperId, next, base.current);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  };

  /**
   * Ends a conflict: the text becomes `next`, typed over the stored text now, and is saved at once (for Keep
   * theirs a write of nothing new, which also clears the draft of the text the user let go).
   */
  function resolve(next: string) {
    conflictedNow.current = false;
    setConflicted(false);
    base.current = latest.current.value;
    setText(next);
    onDraft?.(latest.current.paperId, next, base.current);
    unsaved.current = next;
    flush();
  }

  // Escape leaves the editor (the list moves focus back to the row): save what is there first.
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') flush();
  };

  return (
    <div className="notes-editor">
      <textarea
        ref={textareaRef}
        className="notes-text"
        aria-label={`Notes for ${paperTitle}`}
        value={text}
        rows={rows}
        autoFocus={autoFocus}
        placeholder="Your notes on this paper"
        onChange={(event) => change(event.target.value)}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          flush();
        }}
        onKeyDown={keyDown}
      />
      {conflicted && (
        <div className="notes-conflict" role="group" aria-label={`Notes changed elsewhere for ${paperTitle}`}>
          <p role="alert">These notes were changed in another window while you typed. Nothing was overwritten: choose what to keep.</p>
          <textarea
            className="notes-text notes-theirs"
            aria-label={`Notes as changed elsewhere for ${paperTitle}`}
            value={value}
            readOnly
            rows={rows}
          />
          <div className="notes-conflict-actions">
            <button type="button" onClick={() => resolve(shown.current)}>
              Keep mine
            </button>
            <button type="button" onClick={() => resolve(value)}>
              Keep theirs
            </button>
            <button type="button" onClick={() => resolve(combineNotes(value, shown.current).text)}>
              Keep both
            </button>
          </div>
        </div>
      )}
      <div className="notes-state" aria-hidden={saveState !== 'error'}>
        {saveState === 'error' ? (
          <span role="alert" className="error-text">
            Notes not saved: {error}
          </span>
        ) : saveState === 'pending' ? (
          'Saving…'
        ) : (
          'Saved'
        )}
      </div>
    </div>
  );
}
