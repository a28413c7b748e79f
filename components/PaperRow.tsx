import type { Paper } from '@/lib/paper';
import { absUrl } from '@/lib/arxiv-id';
import { paperLinks } from '@/lib/paper-links';

export interface PaperRowProps {
  paper: Paper;
  onRemove: (id: string) => void;
}

/** One saved paper: title, authors and its links. Text is rendered by React, so never as HTML. */
export function PaperRow({ paper, onRemove }: PaperRowProps) {
  return (
    <li className="paper" data-papershelf-id={paper.id}>
      <a className="paper-title" href={absUrl(paper.id)} target="_blank" rel="noreferrer">
        {paper.title}
      </a>
      {paper.authors.length > 0 && <div className="paper-authors">{formatAuthors(paper.authors)}</div>}
      <div className="paper-links">
        {paperLinks(paper).map((link) => (
          <a key={link.href} href={link.href} target="_blank" rel="noreferrer" aria-label={link.accessibleName}>
            {link.label}
          </a>
        ))}
        <button type="button" className="paper-remove" onClick={() => onRemove(paper.id)} aria-label={`Remove ${paper.title}`}>
          Remove
        </button>
      </div>
    </li>
  );
}

function formatAuthors(authors: string[]): string {
  return authors.length > 4 ? `${authors.slice(0, 3).join(', ')} … ${authors.at(-1)}` : authors.join(', ');
}
