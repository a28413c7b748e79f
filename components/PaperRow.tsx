import { memo, type FocusEvent, type KeyboardEvent } from 'react';
import { absUrl } from '@/lib/model/arxiv-id';
import type { Paper, ReadStatus } from '@/lib/model/paper';
import type { ZoteroRecord } from '@/lib/model/zotero';
import { paperLinks, paperMeta, starCount, type LabelledLink } from '@/lib/view/paper-links';
import { zoteroLabel, type ZoteroLabel } from '@/lib/view/zotero-labels';
import { NotesEditor, type NotesSaved } from './NotesEditor';
import { StatusControl } from './StatusControl';
import { TagEditor } from './TagEditor';

/** What a page does when the user acts on a paper. Every write goes to the background; the list only asks. */
export interface PaperActions {
  setStatus(paper: Paper, status: ReadStatus): void;
  setTags(paper: Paper, tags: string[]): void;
  /** `base`: the stored notes the text was typed over (see NotesEditor). */
  saveNotes(paperId: string, notes: string, base: string): Promise<NotesSaved>;
  /** Every keystroke in a notes editor, synchronously (the page keeps a draft that survives closing). */
  draftNotes?(paperId: string, notes: string, base: string): void;
  remove(paper: Paper): void;
  copyBibtex(paper: Paper): void;
  /** Asks arXiv and Hugging Face about the paper again (issue #6). */
  refreshDetails?(paper: Paper): void;
  /** The user opened a paper marked "new code" (issue #8): the mark can go. */
  codeSeen?(paper: Paper): void;
  /** Sends papers to the Zotero desktop app (issue #13). */
  sendToZotero?(papers: readonly Paper[]): void;
}

/** Whether a recheck found code since the paper was saved, and the user has not opened it since (issue #8). */
export const hasNewCode = (paper: Pick<Paper, 'lookup'>) => paper.lookup?.codeAppearedAt !== undefined;

/** A paper's online lookup (issue #6): under way, or not; absent when lookups are turned off. */
export type LookupState = 'pending' | 'idle' | undefined;

export const lookupState = (lookingUp: ReadonlySet<string> | undefined, paperId: string): LookupState =>
  lookingUp && (lookingUp.has(paperId) ? 'pending' : 'idle');

export interface PaperRowProps {
  paper: Paper;
  actions: PaperActions;
  knownTags: readonly string[];
  /** Position in the whole (virtualized) list: screen readers announce "3 of 10,000". */
  index: number;
  count: number;
  /** Offset from the top of the list, in pixels. */
  top: number;
  measureRef: (element: HTMLElement | null) => void;
  /** 0 for the row the keyboard is on (roving focus), -1 for the others. */
  tabIndex: 0 | -1;
  notesOpen: boolean;
  /** The notes editor sits in the row (popup) or elsewhere (the library's detail pane). */
  inlineNotes: boolean;
  onNotes: (paper: Paper) => void;
  onRowKeyDown: (event: KeyboardEvent<HTMLLIElement>, index: number, paper: Paper) => void;
  onRowFocus: (paper: Paper, index: number) => void;
  /** Bulk selection (library); absent in the popup. */
  selected?: boolean;
  onSelect?: (paper: Paper, selected: boolean) => void;
  /** The paper the library's detail pane shows. */
  current?: boolean;
  lookup?: LookupState;
  /** What PaperShelf knows of the paper in Zotero (issue #13). */
  zotero?: ZoteroRecord;
}

export const titleId = (paperId: string) => `paper-title-${paperId}`;
export const notesId = (paperId: string) => `paper-notes-${paperId}`;

/**
 * One saved paper: title, authors, links, read status, tags, notes and actions. Every text comes from the
 * page or the user and is rendered by React as text, never as HTML.
 */
export const PaperRow = memo(function PaperRow({
  paper,
  actions,
  knownTags,
  index,
  count,
  top,
  measureRef,
  tabIndex,
  notesOpen,
  inlineNotes,
  onNotes,
  onRowKeyDown,
  onRowFocus,
  selected,
  onSelect,
  current,
  lookup,
  zotero,
}: PaperRowProps) {
  const meta = paperMeta(paper);
  const inZotero = zoteroLabel(zotero);
  return (
    <li
      ref={measureRef}
      data-index={index}
      data-papershelf-id={paper.id}
      className={`paper status-${paper.status}${current ? ' is-current' : ''}${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      tabIndex={tabIndex}
      aria-labelledby={titleId(paper.id)}
      aria-posinset={index + 1}
      aria-setsize={count}
      aria-current={current ? 'true' : undefined}
      onKeyDown={(event) => onRowKeyDown(event, index, paper)}
      // Opening any of its links (a click, or Enter and C, which click them) is opening the paper.
      onClickCapture={(event) => {
        if (hasNewCode(paper) && (event.target as Element).closest('a')) actions.codeSeen?.(paper);
      }}
      onFocus={(event: FocusEvent) => {
        // Focus anywhere in the row makes it the keyboard's row (and the library's current paper).
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onRowFocus(paper, index);
      }}
    >
      {onSelect && (
        <input
          type="checkbox"
          className="paper-select"
          aria-label={`Select ${paper.title}`}
          checked={selected ?? false}
          onChange={(event) => onSelect(paper, event.target.checked)}
        />
      )}
      <div className="paper-body">
        <a id={titleId(paper.id)} className="paper-title" href={absUrl(paper.id)} target="_blank" rel="noreferrer">
          {paper.title}
        </a>
        {meta && <div className="paper-meta">{meta}</div>}
        <div className="paper-links">
          {hasNewCode(paper) && <NewCodeMark />}
          {inZotero && <ZoteroMark mark={inZotero} />}
          {paperLinks(paper).map((link) => (
            <PaperLink key={link.href} link={link} />
          ))}
          <span className="spacer" />
          {actions.sendToZotero && (
            // Zotero's "Z", not a word: a popup row's link line is full once a repository and its stars are there.
            <button
              type="button"
              className="paper-action zotero-send"
              aria-label="Send to Zotero"
              title="Send this paper, its notes and tags to Zotero on this computer"
              onClick={() => actions.sendToZotero!([paper])}
              aria-describedby={titleId(paper.id)}
            >
              Z
            </button>
          )}
          <button
            type="button"
            className="paper-action"
            aria-label="Copy BibTeX"
            title="Copy this paper's BibTeX to the clipboard"
            onClick={() => actions.copyBibtex(paper)}
            aria-describedby={titleId(paper.id)}
          >
            BibTeX
          </button>
          <button
            type="button"
            className="paper-action paper-remove"
            onClick={() => actions.remove(paper)}
            aria-describedby={titleId(paper.id)}
          >
            Remove
          </button>
        </div>
        <div className="paper-controls">
          <StatusControl status={paper.status} onChange={(status) => actions.setStatus(paper, status)} />
          <button
            type="button"
            className="paper-action notes-toggle"
            aria-expanded={inlineNotes ? notesOpen : undefined}
            aria-controls={inlineNotes && notesOpen ? notesId(paper.id) : undefined}
            aria-describedby={titleId(paper.id)}
            onClick={() => onNotes(paper)}
          >
            Notes
            {paper.notes && <span className="has-notes" aria-hidden="true" title="Has notes" />}
          </button>
          <TagEditor tags={paper.tags} knownTags={knownTags} paperTitle={paper.title} onChange={(tags) => actions.setTags(paper, tags)} />
          {/* Here, not among the links: a popup row's link line is full once a repository and its stars are there. */}
          <LookupControl paper={paper} state={lookup} onRefresh={actions.refreshDetails} describedBy={titleId(paper.id)} />
        </div>
        {inlineNotes && notesOpen && (
          <div id={notesId(paper.id)} className="paper-notes">
            <NotesEditor
              paperId={paper.id}
              paperTitle={paper.title}
              value={paper.notes}
              onSave={actions.saveNotes}
              onDraft={actions.draftNotes}
              autoFocus
            />
          </div>
        )}
      </div>
    </li>
  );
});

/** "in Zotero" or "sent to Zotero" (issue #13), with when and what Zotero answered in its tooltip. */
export function ZoteroMark({ mark }: { mark: ZoteroLabel }) {
  return (
    <span className="zotero-mark" title={mark.title}>
      {mark.label}
    </span>
  );
}

/** The mark of a paper whose code appeared since it was saved (issue #8); opening the paper clears it. */
export function NewCodeMark() {
  return (
    <span className="new-code" title="Code appeared since you saved this paper">
      new code
    </span>
  );
}

/** One of a paper's links; a repository with its stars beside it when they are known ("★ 1.2k"). */
export function PaperLink({ link }: { link: LabelledLink }) {
  const anchor = (
    <a
      href={link.href}
      target="_blank"
      rel="noreferrer"
      aria-label={link.accessibleName}
      title={link.title}
      data-kind={link.label.startsWith('Code') ? 'code' : undefined}
    >
      {link.label}
    </a>
  );
  if (link.stars === undefined) return anchor;
  return (
    <span className="code-link">
      {anchor}
      {/* The link's accessible name already says how many. */}
      <span className="stars" aria-hidden="true" title={`${link.stars.toLocaleString('en')} stars on GitHub`}>
        ★ {starCount(link.stars)}
      </span>
    </span>
  );
}

/** "looking up…" while a lookup the user waits for is pending, otherwise the Refresh action; nothing with lookups off. */
export function LookupControl({
  paper,
  state,
  onRefresh,
  describedBy,
}: {
  paper: Paper;
  state: LookupState;
  onRefresh: PaperActions['refreshDetails'];
  /** The id of the element naming the paper. */
  describedBy: string;
}) {
  if (state === 'pending') return <span className="lookup-pending">looking up…</span>;
  if (state === undefined || !onRefresh) return null;
  return (
    <button
      type="button"
      className="paper-action"
      aria-label="Refresh details"
      title="Look up this paper's details and code on arXiv and Hugging Face again"
      aria-describedby={describedBy}
      onClick={() => onRefresh(paper)}
    >
      Refresh
    </button>
  );
}
