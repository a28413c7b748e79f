import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';

export const NOTES_SAVE_DELAY_MS = 400;

export interface NotesEditorProps {
  paperId: string;
  paperTitle: string;
  /** The stored notes. Adopted only while the user is not editing, so a save's echo never overwrites typing. */
  value: string;
  /** Stores the text; resolves once stored. */
  onSave: (paperId: string, text: string) => Promise<unknown>;
  /** Called on every keystroke, synchronously: the page keeps a draft that survives its own closing. */
  onDraft?: (paperId: string, text: string) => void;
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
  const unsaved = useRef<string | null>(null);
  const inFlight = useRef(0);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest props, for the flush that runs from event listeners and the unmount cleanup.
  const latest = useRef({ paperId, onSave });
  latest.current = { paperId, onSave };

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const pending = unsaved.current;
    if (pending === null) return;
    unsaved.current = null;
    inFlight.current++;
    const { paperId: id, onSave: save } = latest.current;
    let request: Promise<unknown>;
    try {
      request = Promise.resolve(save(id, pending));
    } catch (reason) {
      request = Promise.reject(reason);
    }
    request.then(
      () => {
        inFlight.current--;
        if (unsaved.current === null && inFlight.current === 0) setSaveState('saved');
        setError(null);
      },
      (reason: unknown) => {
        inFlight.current--;
        // Keep the text to save again on the next keystroke or blur, unless newer text is waiting already.
        unsaved.current ??= pending;
        setSaveState('error');
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  }, []);

  // Adopt the stored value when it changes elsewhere (another page, an import), never mid-edit.
  useEffect(() => {
    if (!focused.current && unsaved.current === null && inFlight.current === 0) setText(value);
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
    onDraft?.(paperId, next);
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  };

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
