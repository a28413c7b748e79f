import type { Paper } from '@/lib/model/paper';

export interface PageTitleProps {
  /** undefined until something has loaded. */
  papers: readonly Paper[] | undefined;
  /** false while only the first rows are there. */
  complete: boolean;
  /** "3 of 120 papers", "Loading all papers…". */
  summary: string;
  unread: number;
}

/** The popup's and the library page's title, with how many papers are shown and unread. */
export function PageTitle({ papers, complete, summary, unread }: PageTitleProps) {
  const any = papers !== undefined && papers.length > 0;
  return (
    <div className="page-title">
      <h1>PaperShelf</h1>
      {/* Changes as the search narrows the list: a polite live region. */}
      <span className="count" role="status">
        {any && summary}
        {complete && any && ` · ${unread.toLocaleString('en')} unread`}
      </span>
    </div>
  );
}
