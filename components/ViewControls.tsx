import type { KeyboardEvent, Ref } from 'react';
import type { StatusFilter, TagCount, ViewChoices } from '@/lib/view/library-view';
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
/** The code filter: papers with code, and those whose code appeared since they were saved (issue #8). */
const CODE_CHOICES = { any: 'Any code', has: 'Has code', new: 'New code' } as const;

/** The search box, the filters (read status, tag, code: any, has, new) and the sort (issue #4). */
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
        <ChoiceSelect
          className="filter"
          label="Read status filter"
          value={view.status}
          labels={STATUS_CHOICES}
          onChange={(status) => set('status', status)}
        />
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
        <ChoiceSelect
          className="filter"
          label="Code filter"
          value={view.newCode ? 'new' : view.hasCode ? 'has' : 'any'}
          labels={CODE_CHOICES}
          onChange={(code) => onViewChange({ ...view, hasCode: code === 'has', newCode: code === 'new' })}
        />
        <ChoiceSelect
          className="filter filter-sort"
          label="Sort by"
          value={view.sort}
          labels={SORT_LABELS}
          onChange={(sort) => set('sort', sort)}
        />
      </div>
    </div>
  );
}

/** A select of fixed choices, each shown by its label, in the labels' order. */
function ChoiceSelect<Choice extends string>({
  className,
  label,
  value,
  labels,
  onChange,
}: {
  className: string;
  label: string;
  value: Choice;
  labels: Record<Choice, string>;
  onChange: (choice: Choice) => void;
}) {
  const choices = Object.keys(labels) as Choice[];
  return (
    <select className={className} aria-label={label} value={value} onChange={(event) => onChange(event.target.value as Choice)}>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {labels[choice]}
        </option>
      ))}
    </select>
  );
}
