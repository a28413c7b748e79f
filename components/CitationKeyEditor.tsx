import { useEffect, useId, useState } from 'react';
import { CitationKey } from '@/lib/model/paper';

export interface CitationKeyEditorProps {
  paperId: string;
  /** The stored key; absent until the first export or until the user sets one. */
  value: string | undefined;
  /** Resolves when stored; rejects with the reason (say, a key another paper uses). */
  onSave: (paperId: string, key: string) => Promise<void>;
}

/** The paper's BibTeX citation key, editable (issue #5). Checked here for form, by the background for uniqueness. */
export function CitationKeyEditor({ paperId, value, onSave }: CitationKeyEditorProps) {
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const hintId = useId();

  // Another paper in the detail pane, or a key assigned by an export meanwhile.
  useEffect(() => {
    setDraft(value ?? '');
    setError(null);
  }, [paperId, value]);

  const trimmed = draft.trim();
  const changed = trimmed !== (value ?? '');
  const save = async () => {
    const parsed = CitationKey.safeParse(trimmed);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'not a valid citation key');
    setSaving(true);
    try {
      await onSave(paperId, parsed.data);
      setError(null);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="citation-key"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) void save();
      }}
    >
      <label htmlFor={inputId}>Citation key</label>
      <div className="citation-key-row">
        <input
          id={inputId}
          className="citation-key-input"
          value={draft}
          placeholder="given at the first export"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hintId}
          aria-invalid={error !== null}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="header-action" disabled={!changed || saving || !trimmed}>
          Save key
        </button>
      </div>
      <p id={hintId} className={error ? 'field-hint error-text' : 'field-hint'} role={error ? 'alert' : undefined}>
        {error ?? 'Used by every BibTeX export. Letters, digits and _ : . + -'}
      </p>
    </form>
  );
}
