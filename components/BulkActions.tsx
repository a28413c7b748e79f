import { useState } from 'react';

export interface BulkActionsProps {
  selectedCount: number;
  shownCount: number;
  allShownSelected: boolean;
  onSelectAllShown: (selected: boolean) => void;
  onMarkRead: () => void;
  onMarkUnread: () => void;
  onAddTag: (tag: string) => void;
  onRemove: () => void;
  onExport: () => void;
  onSendToZotero: () => void;
}

/** Acting on many papers at once (the library page): select, mark read, tag, remove, export, send to Zotero. */
export function BulkActions({
  selectedCount,
  shownCount,
  allShownSelected,
  onSelectAllShown,
  onMarkRead,
  onMarkUnread,
  onAddTag,
  onRemove,
  onExport,
  onSendToZotero,
}: BulkActionsProps) {
  const [tag, setTag] = useState('');
  const none = selectedCount === 0;
  const addTag = () => {
    const trimmed = tag.trim();
    if (!trimmed) return;
    onAddTag(trimmed);
    setTag('');
  };
  return (
    <div className="bulk-actions" role="toolbar" aria-label="Selected papers">
      <label className="bulk-select-all">
        <input
          type="checkbox"
          checked={allShownSelected && shownCount > 0}
          disabled={shownCount === 0}
          onChange={(event) => onSelectAllShown(event.target.checked)}
        />
        <span>{none ? 'Select all shown' : `${selectedCount.toLocaleString('en')} selected`}</span>
      </label>
      <button type="button" className="header-action" disabled={none} onClick={onMarkRead}>
        Mark read
      </button>
      <button type="button" className="header-action" disabled={none} onClick={onMarkUnread}>
        Mark unread
      </button>
      <form
        className="bulk-tag"
        onSubmit={(event) => {
          event.preventDefault();
          addTag();
        }}
      >
        <input
          className="tag-input bulk-tag-input"
          aria-label="Tag to add to the selected papers"
          placeholder="tag"
          maxLength={100}
          value={tag}
          disabled={none}
          onChange={(event) => setTag(event.target.value)}
        />
        <button type="submit" className="header-action" disabled={none || !tag.trim()}>
          Add tag
        </button>
      </form>
      <button
        type="button"
        className="header-action"
        disabled={none}
        onClick={onExport}
        aria-label="Export the selection as BibTeX"
        title="Export the selected papers as BibTeX"
      >
        Export
      </button>
      <button
        type="button"
        className="header-action"
        disabled={none}
        onClick={onSendToZotero}
        aria-label="Send the selection to Zotero"
        title="Send the selected papers, their notes and tags to Zotero on this computer"
      >
        Send to Zotero
      </button>
      <button type="button" className="header-action danger" disabled={none} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
