import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import type { Paper } from '@/lib/model/paper';
import type { ZoteroRecord } from '@/lib/model/zotero';
import { lookupState, notesId, PaperRow, type PaperActions } from './PaperRow';

export interface PaperListHandle {
  /** Moves keyboard focus to the first row (ArrowDown in the search box: on to the first match). */
  focusFirstRow(): void;
}

export interface PaperListProps {
  /** The papers to show, in order (already searched, filtered and sorted). */
  papers: readonly Paper[];
  /** The list's accessible name. */
  label: string;
  actions: PaperActions;
  /** Every tag in use, most used first (tag suggestions). */
  knownTags: readonly string[];
  /** Shown instead of the list when `papers` is empty. */
  empty?: ReactNode;
  /** Rough height of a row before it is measured. */
  estimatedRowHeight?: number;
  /**
   * Where a row's Notes button and the N key lead. Without it the editor opens inside the row (popup);
   * with it the page shows the editor elsewhere (the library's detail pane).
   */
  onOpenNotes?: (paper: Paper) => void;
  /** Bulk selection (library). */
  selection?: { selected: ReadonlySet<string>; onSelect: (paper: Paper, selected: boolean) => void };
  /** The library's current paper, shown in its detail pane; follows keyboard focus. */
  currentId?: string | null;
  onCurrentChange?: (paper: Paper) => void;
  listRef?: Ref<PaperListHandle>;
  /** Papers whose lookup is pending (issue #6); undefined when lookups are turned off. */
  lookingUp?: ReadonlySet<string>;
  /** What PaperShelf knows of each paper in Zotero (issue #13). */
  zotero?: ReadonlyMap<string, ZoteroRecord>;
}

const KEYS_HINT =
  'Arrow keys move between papers. Enter opens the paper, C its code, N its notes, R marks it read or unread, Delete removes it.';

/**
 * The saved papers as a virtualized list (issue #4: 10,000 papers): only the rows in view, plus a few, are
 * in the DOM, each measured as it renders. One row holds the keyboard focus (roving tabindex); the arrow
 * keys move it, and letters act on the paper it is on.
 */
export function PaperList({
  papers,
  label,
  actions,
  knownTags,
  empty,
  estimatedRowHeight = 112,
  onOpenNotes,
  selection,
  currentId,
  onCurrentChange,
  listRef,
  lookingUp,
  zotero,
}: PaperListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [notesOpenId, setNotesOpenId] = useState<string | null>(null);
  const pendingFocus = useRef<number | null>(null);
  /** The row that last had focus, to hand focus on when that paper leaves the list (removed, filtered out). */
  const focusedRow = useRef<{ id: string; index: number } | null>(null);

  const virtualizer = useVirtualizer({
    count: papers.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 4,
    getItemKey: (index) => papers[index]?.id ?? index,
    // Until the list's box is measured (a layout effect later), assume it fills the window: the first render
    // then has its rows already, instead of an empty list re-rendered before the first paint.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
  });

  const activeIndex = useMemo(() => {
    const wanted = activeId ?? currentId;
    const index = wanted ? papers.findIndex((paper) => paper.id === wanted) : -1;
    return index >= 0 ? index : 0;
  }, [papers, activeId, currentId]);

  const rowElement = (index: number) => scroller.current?.querySelector<HTMLElement>(`li.paper[data-index="${index}"]`) ?? null;

  const focusIndex = useCallback(
    (index: number) => {
      if (papers.length === 0) return;
      const target = Math.max(0, Math.min(papers.length - 1, index));
      setActiveId(papers[target]!.id);
      const element = rowElement(target);
      if (element) {
        element.focus();
        return;
      }
      // Not rendered yet: scroll there, and focus it once the virtualizer has rendered it.
      pendingFocus.current = target;
      virtualizer.scrollToIndex(target, { align: 'auto' });
    },
    [papers, virtualizer],
  );

  useLayoutEffect(() => {
    if (pendingFocus.current !== null) {
      const element = rowElement(pendingFocus.current);
      if (element) {
        pendingFocus.current = null;
        element.focus({ preventScroll: true });
      }
      return;
    }
    // The focused row's paper is gone and focus fell back to the page: keyboard users stay in the list,
    // on the paper that took its place.
    const lost = focusedRow.current;
    const focusFell = document.activeElement === null || document.activeElement === document.body;
    if (lost && focusFell && papers.length > 0 && !papers.some((paper) => paper.id === lost.id)) {
      focusedRow.current = null;
      focusIndex(Math.min(lost.index, papers.length - 1));
    }
  });

  useImperativeHandle(listRef, () => ({ focusFirstRow: () => focusIndex(0) }), [focusIndex]);

  const openNotes = useCallback(
    (paper: Paper, focusEditor: boolean) => {
      if (onOpenNotes) return onOpenNotes(paper);
      setNotesOpenId((open) => (open === paper.id && !focusEditor ? null : paper.id));
      if (focusEditor) {
        // Already open: the editor is there to focus; otherwise its autoFocus does it when it mounts.
        const editor = document.getElementById(notesId(paper.id))?.querySelector('textarea');
        editor?.focus();
      }
    },
    [onOpenNotes],
  );

  const onNotes = useCallback((paper: Paper) => openNotes(paper, false), [openNotes]);

  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLLIElement>, index: number, paper: Paper) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const row = event.currentTarget;
      if (event.target !== row) {
        // Inside the row's controls only Escape is ours: back to the row.
        if (event.key === 'Escape') {
          event.preventDefault();
          row.focus();
        }
        return;
      }
      const pageSize = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / estimatedRowHeight));
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: 0,
        End: papers.length - 1,
        PageDown: index + pageSize,
        PageUp: index - pageSize,
      };
      const move = moves[event.key];
      if (move !== undefined) {
        event.preventDefault();
        focusIndex(move);
        return;
      }
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      switch (key) {
        case 'Enter':
          row.querySelector<HTMLAnchorElement>('a.paper-title')?.click();
          break;
        case 'c':
          row.querySelector<HTMLAnchorElement>('a[data-kind="code"]')?.click();
          break;
        case 'n':
          openNotes(paper, true);
          break;
        case 'r':
          actions.setStatus(paper, paper.status === 'read' ? 'unread' : 'read');
          break;
        case 'Delete':
          actions.remove(paper);
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [papers, focusIndex, openNotes, actions, estimatedRowHeight],
  );

  const onRowFocus = useCallback(
    (paper: Paper, index: number) => {
      focusedRow.current = { id: paper.id, index };
      setActiveId(paper.id);
      onCurrentChange?.(paper);
    },
    [onCurrentChange],
  );

  const items = virtualizer.getVirtualItems();
  return (
    <div
      className="paper-scroller"
      ref={scroller}
      onBlur={(event) => {
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) focusedRow.current = null;
      }}
    >
      {papers.length === 0 ? (
        empty
      ) : (
        <ul className="papers" role="list" aria-label={label} aria-describedby={hintId} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const paper = papers[item.index]!;
            return (
              <PaperRow
                key={paper.id}
                paper={paper}
                actions={actions}
                knownTags={knownTags}
                index={item.index}
                count={papers.length}
                top={item.start}
                measureRef={virtualizer.measureElement}
                tabIndex={item.index === activeIndex ? 0 : -1}
                notesOpen={!onOpenNotes && notesOpenId === paper.id}
                inlineNotes={!onOpenNotes}
                onNotes={onNotes}
                onRowKeyDown={onRowKeyDown}
                onRowFocus={onRowFocus}
                selected={selection?.selected.has(paper.id)}
                onSelect={selection?.onSelect}
                current={currentId === paper.id}
                lookup={lookupState(lookingUp, paper.id)}
                zotero={zotero?.get(paper.id)}
              />
            );
          })}
        </ul>
      )}
      <p id={hintId} className="visually-hidden">
        {KEYS_HINT}
      </p>
    </div>
  );
}
