import { useEffect, useState } from 'react';
import type { ReadStatus } from '@/lib/model/paper';
import type { Settings } from '@/lib/model/settings';

const STATUSES: { status: ReadStatus; label: string }[] = [
  { status: 'unread', label: 'Unread' },
  { status: 'reading', label: 'Reading' },
  { status: 'read', label: 'Read' },
];

export interface ZoteroStatusTagsProps {
  settings: Settings | undefined;
  onChange: (settings: Settings) => void;
}

/**
 * The tag each read status becomes on a paper sent to Zotero (issue #13), the user's choice; an empty one adds
 * none. Saved when a field loses focus, not at every keystroke.
 */
export function ZoteroStatusTags({ settings, onChange }: ZoteroStatusTagsProps) {
  const stored = settings?.zoteroStatusTags;
  const [tags, setTags] = useState(stored);
  useEffect(() => setTags(stored), [stored]);
  return (
    <fieldset className="zotero-status-tags" disabled={!settings}>
      <legend>Read status as a Zotero tag</legend>
      {STATUSES.map(({ status, label }) => (
        <label key={status}>
          <span>{label}</span>
          <input
            className="tag-input"
            aria-label={`Zotero tag for ${label.toLowerCase()} papers`}
            placeholder="no tag"
            maxLength={100}
            value={tags?.[status] ?? ''}
            onChange={(event) => setTags({ ...tags!, [status]: event.target.value })}
            onBlur={() => tags && settings && onChange({ ...settings, zoteroStatusTags: { ...tags, [status]: tags[status].trim() } })}
          />
        </label>
      ))}
    </fieldset>
  );
}
