import type { KeyboardEvent, Ref } from 'react';
import { StatusFilter, SortOrder, type TagCount, type ViewChoices } from '@/lib/view/library-view';
import { SORT_LABELS } from '@/lib/view/labels';

export interface ViewControlsProps {
  query: string;
  onQueryChange: (query: string) => void;
  view: ViewChoices;
  onViewChange: (view: ViewChoices) => void;
  tags: readonly TagCount[];
  searchRef?: Ref<HTMLInputElement>;
  autoFocusSearch?: boolean;
  /** ArrowDown in the search box: on to the list. */
  onSearchArrowDown?: () => void;
}

const STATUS_CHOICES: Record<StatusFilter, string> = { all: 'Any status', unread: 'Unread', reading: 'Reading', read: 'Read' };

/** The search box, the filters (read status, tag, has code) and the sort (issue #4). */
export function ViewControls({
  query,
  onQueryChange,
  view,
  onViewChange,
  tags,
  searchRef,
  autoFocusSearch,
  onSearchArrowDown,
}: ViewControlsProps) {
  const set = <K extends keyof ViewChoices>(key: K, value: ViewChoices[K]) => onViewChange({ ...view, [key]: value });
  const tagChoices = view.tag !== null && !tags.some(({ tag }) => tag === view.tag) ? [{ tag: view.tag, count: 0 }, ...tags] : tags;

  const searchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && onSearchArrowDown) {
      event.preventDefault();
      onSearchArrowDown();
    }
  };

  return (
    <div className="view-controls">
      <div role="search" className="search">
        <input
          ref={searchRef}
          type="search"
          className="search-input"
          aria-label="Search"
          placeholder="Search titles, authors, abstracts, notes, tags"
          value={query}
          autoFocus={autoFocusSearch}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={searchKeyDown}
        />
      </div>
      <div className="filters">
        {/* Each choice reads as what it filters ("Any status", "Unread"), so the labels are for screen readers only. */}
        <select
          className="filter"
          aria-label="Read status filter"
          value={view.status}
          onChange={(event) => set('status', StatusFilter.parse(event.target.value))}
        >
          {StatusFilter.options.map((option) => (
            <option key={option} value={option}>
              {STATUS_CHOICES[option]}
            </option>
          ))}
        </select>
        <select
          className="filter"
          aria-label="Tag filter"
          value={view.tag ?? ''}
          onChange={(event) => set('tag', event.target.value || null)}
        >
          <option value="">Any tag</option>
          {tagChoices.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {count > 0 ? `${tag} (${count})` : tag}
            </option>
          ))}
        </select>
        <label className="filter-check">
          <input type="checkbox" checked={view.hasCode} onChange={(event) => set('hasCode', event.target.checked)} />
          <span>Has code</span>
        </label>
        <select
          className="filter filter-sort"
          aria-label="Sort by"
          value={view.sort}
          onChange={(event) => set('sort', SortOrder.parse(event.target.value))}
        >
          {SortOrder.options.map((option) => (
            <option key={option} value={option}>
              {SORT_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
