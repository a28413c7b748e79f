import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { foldForSearch } from '@/lib/view/library-view';

export interface TagEditorProps {
  tags: readonly string[];
  /** Every tag in use, most used first: what the input suggests. */
  knownTags: readonly string[];
  paperTitle: string;
  /** The full new list of tags. */
  onChange: (tags: string[]) => void;
}

const MAX_SUGGESTIONS = 6;
const MAX_TAG_LENGTH = 100;

/**
 * A paper's tags: each removable, and an input that suggests existing tags as you type (a combobox with
 * its list of suggestions in the flow of the row, so it is never clipped by the scrolling list).
 */
export function TagEditor({ tags, knownTags, paperTitle, onChange }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const [active, setActive] = useState(-1);
  const listId = useId();

  const suggestions = useMemo(() => {
    const wanted = foldForSearch(draft.trim());
    if (!wanted) return [];
    const starts: string[] = [];
    const contains: string[] = [];
    for (const tag of knownTags) {
      if (tags.includes(tag)) continue;
      const folded = foldForSearch(tag);
      if (folded.startsWith(wanted)) starts.push(tag);
      else if (folded.includes(wanted)) contains.push(tag);
    }
    return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
  }, [draft, knownTags, tags]);

  const add = (raw: string) => {
    const tag = raw.trim().slice(0, MAX_TAG_LENGTH);
    setDraft('');
    setActive(-1);
    if (!tag || tags.includes(tag)) return;
    onChange([...tags, tag]);
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const open = suggestions.length > 0;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((index) => (index + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
    } else if (event.key === 'Enter' || (event.key === ',' && draft.trim())) {
      event.preventDefault();
      add(active >= 0 && suggestions[active] !== undefined ? suggestions[active] : draft);
    } else if (event.key === 'Escape' && draft) {
      // Escape clears the input first; a second Escape reaches the list, which returns focus to the row.
      event.preventDefault();
      event.stopPropagation();
      setDraft('');
      setActive(-1);
    }
  };

  return (
    <div className="tag-editor">
      {tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              <span className="tag-name">{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${tag}`}
                title={`Remove tag ${tag}`}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        className="tag-input"
        type="text"
        role="combobox"
        aria-label={`Add tag to ${paperTitle}`}
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 && suggestions[active] !== undefined ? `${listId}-${active}` : undefined}
        placeholder="+ tag"
        maxLength={MAX_TAG_LENGTH}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setActive(-1);
        }}
        onKeyDown={keyDown}
        onBlur={() => setActive(-1)}
      />
      <ul id={listId} role="listbox" aria-label="Existing tags" className="tag-suggestions" hidden={suggestions.length === 0}>
        {suggestions.map((tag, index) => (
          <li
            key={tag}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="tag-suggestion"
            // mousedown, not click: focus stays in the input, so the next tag can be typed right away.
            onMouseDown={(event) => {
              event.preventDefault();
              add(tag);
            }}
          >
            {tag}
          </li>
        ))}
      </ul>
    </div>
  );
}
