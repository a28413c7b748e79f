import type { TrashedPaper } from '@/lib/model/paper';

export interface TrashSectionProps {
  /** undefined until read. */
  trash: readonly TrashedPaper[] | undefined;
  /** Days a removed paper is kept. */
  keptDays: number;
  onRestore: (ids: string[]) => void;
  onDelete: (ids: string[] | undefined) => void;
}

const removedOn = (removedAt: number) => new Date(removedAt).toLocaleDateString('en', { day: 'numeric', month: 'short' });

/**
 * The library page's Trash (issue #9): the papers removed in the last `keptDays` days, each with everything
 * it had, to restore or delete for good. Saving one again from a listing restores it too.
 */
export function TrashSection({ trash, keptDays, onRestore, onDelete }: TrashSectionProps) {
  return (
    <section className="trash" aria-labelledby="trash-heading">
      <h2 id="trash-heading">Trash{trash && trash.length > 0 ? ` (${trash.length.toLocaleString('en')})` : ''}</h2>
      <p className="trash-hint">
        Removed papers stay here with their notes and tags for {keptDays} days. Backups include them; BibTeX exports do not.
      </p>
      {trash && trash.length === 0 && <p className="trash-empty">The Trash is empty.</p>}
      {trash && trash.length > 0 && (
        <>
          <ul className="trash-list" aria-label="Removed papers">
            {trash.map(({ id, removedAt, paper }) => (
              <li key={id} className="trash-item">
                <span className="trash-title">{paper.title}</span>
                <span className="trash-date">removed {removedOn(removedAt)}</span>
                <button type="button" className="paper-action" aria-label={`Restore ${paper.title}`} onClick={() => onRestore([id])}>
                  Restore
                </button>
                <button type="button" className="paper-action" aria-label={`Delete ${paper.title} for good`} onClick={() => onDelete([id])}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="header-action" onClick={() => onDelete(undefined)}>
            Empty Trash
          </button>
        </>
      )}
    </section>
  );
}
