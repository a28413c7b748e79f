/** No saved papers at all: say how to save one. */
export function EmptyShelf() {
  return (
    <div className="empty">
      <p>
        <strong>No saved papers yet.</strong>
      </p>
      <p>
        Open{' '}
        <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">
          Hugging Face Papers
        </a>{' '}
        or an{' '}
        <a href="https://arxiv.org/list/cs.LG/new" target="_blank" rel="noreferrer">
          arXiv listing
        </a>{' '}
        and click <em>Save</em> next to any paper. It will show up here.
      </p>
    </div>
  );
}

/** What the list shows when it has no rows: still loading, nothing saved yet, or nothing matching. */
export function ListEmptyState({ state, onClear }: { state: 'loading' | 'searching' | 'empty' | 'no-matches'; onClear: () => void }) {
  if (state === 'loading') return <p className="status">Loading…</p>;
  if (state === 'searching') return <p className="status">Searching…</p>;
  return state === 'empty' ? <EmptyShelf /> : <NoMatches onClear={onClear} />;
}

/** Papers are saved, but the search and filters leave none. */
export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <div className="empty">
      <p>
        <strong>No papers match.</strong>
      </p>
      <button type="button" className="header-action" onClick={onClear}>
        Clear search and filters
      </button>
    </div>
  );
}
