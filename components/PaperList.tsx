import type { Paper } from '@/lib/paper';
import { PaperRow } from './PaperRow';

export interface PaperListProps {
  papers: Paper[] | undefined;
  onRemove: (id: string) => void;
}

export function PaperList({ papers, onRemove }: PaperListProps) {
  if (papers === undefined) return <p className="status">Loading…</p>;
  if (papers.length === 0) {
    return (
      <div className="empty">
        <p><strong>No saved papers yet.</strong></p>
        <p>
          Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face Papers</a> or an{' '}
          <a href="https://arxiv.org/list/cs.LG/new" target="_blank" rel="noreferrer">arXiv listing</a> and click{' '}
          <em>Save</em> next to any paper. It will show up here.
        </p>
      </div>
    );
  }
  return (
    <ul className="papers" aria-label="Saved papers">
      {papers.map((paper) => (
        <PaperRow key={paper.id} paper={paper} onRemove={onRemove} />
      ))}
    </ul>
  );
}
