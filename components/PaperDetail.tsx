import type { Ref } from 'react';
import { absUrl } from '@/lib/model/arxiv-id';
import type { Paper } from '@/lib/model/paper';
import type { ZoteroRecord } from '@/lib/model/zotero';
import { calendarDay } from '@/lib/view/labels';
import { zoteroLabel } from '@/lib/view/zotero-labels';
import { paperLinks } from '@/lib/view/paper-links';
import { CitationKeyEditor } from './CitationKeyEditor';
import { NotesEditor } from './NotesEditor';
import { LookupControl, PaperLink, ZoteroMark, type LookupState, type PaperActions } from './PaperRow';
import { StatusControl } from './StatusControl';
import { TagEditor } from './TagEditor';

export interface PaperDetailProps {
  paper: Paper;
  actions: PaperActions & { setCitationKey: (paperId: string, key: string) => Promise<void> };
  knownTags: readonly string[];
  notesRef?: Ref<HTMLTextAreaElement>;
  lookup?: LookupState;
  /** What PaperShelf knows of the paper in Zotero (issue #13). */
  zotero?: ZoteroRecord;
}

/** The library page's pane beside the list: one paper with room for its abstract, notes and citation key. */
export function PaperDetail({ paper, actions, knownTags, notesRef, lookup, zotero }: PaperDetailProps) {
  const inZotero = zoteroLabel(zotero);
  return (
    <article className="paper-detail" aria-labelledby="paper-detail-title">
      <h2 id="paper-detail-title" className="detail-title">
        <a href={absUrl(paper.id)} target="_blank" rel="noreferrer">
          {paper.title}
        </a>
      </h2>
      {paper.authors.length > 0 && <p className="detail-authors">{paper.authors.join(', ')}</p>}
      <p className="detail-facts">
        arXiv:{paper.id}
        {paper.primaryCategory && ` · ${paper.primaryCategory}`}
        {paper.published && ` · published ${paper.published}`} · saved {calendarDay(paper.savedAt)}
        {inZotero && (
          <>
            {' · '}
            <ZoteroMark mark={inZotero} />
          </>
        )}
      </p>
      <div className="paper-links">
        {paperLinks(paper).map((link) => (
          <PaperLink key={link.href} link={link} />
        ))}
        <LookupControl paper={paper} state={lookup} onRefresh={actions.refreshDetails} describedBy="paper-detail-title" />
      </div>
      <div className="paper-controls">
        <StatusControl status={paper.status} onChange={(status) => actions.setStatus(paper, status)} />
        <TagEditor tags={paper.tags} knownTags={knownTags} paperTitle={paper.title} onChange={(tags) => actions.setTags(paper, tags)} />
      </div>
      <div className="detail-notes">
        <h3 aria-hidden="true">Notes</h3>
        {/* Keyed by paper: switching papers unmounts the editor, which saves what was typed. */}
        <NotesEditor
          key={paper.id}
          paperId={paper.id}
          paperTitle={paper.title}
          value={paper.notes}
          onSave={actions.saveNotes}
          onDraft={actions.draftNotes}
          rows={10}
          textareaRef={notesRef}
        />
      </div>
      <CitationKeyEditor paperId={paper.id} value={paper.citationKey} onSave={actions.setCitationKey} />
      <div className="detail-actions">
        <button type="button" className="header-action" onClick={() => actions.copyBibtex(paper)}>
          Copy BibTeX
        </button>
        {actions.sendToZotero && (
          <button type="button" className="header-action" onClick={() => actions.sendToZotero!([paper])}>
            Send to Zotero
          </button>
        )}
        <button type="button" className="header-action danger" onClick={() => actions.remove(paper)}>
          Remove
        </button>
      </div>
      {paper.abstract && (
        <section className="detail-abstract" aria-label="Abstract">
          <h3>Abstract</h3>
          <p>{paper.abstract}</p>
        </section>
      )}
    </article>
  );
}
