import { useEffect, useState } from 'react';
import type { Settings } from '@/lib/model/settings';
import { READ_STATUSES, STATUS_LABELS } from '@/lib/view/labels';

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
      {READ_STATUSES.map((status) => (
        <label key={status}>
          <span>{STATUS_LABELS[status]}</span>
          <input
            className="tag-input"
            aria-label={`Zotero tag for ${STATUS_LABELS[status].toLowerCase()} papers`}
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
