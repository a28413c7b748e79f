import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SettingsControls } from '@/components/SettingsControls';
import { BulkActions } from '@/components/BulkActions';
import { ListEmptyState } from '@/components/EmptyStates';
import { LibraryFiles, type ExportOptions, type ExportScope } from '@/components/LibraryFiles';
import { NoticeBar } from '@/components/Notice';
import { PageTitle } from '@/components/PageTitle';
import { PaperDetail } from '@/components/PaperDetail';
import { PaperList } from '@/components/PaperList';
import { lookupState } from '@/components/PaperRow';
import { TrashSection } from '@/components/TrashSection';
import { ViewControls } from '@/components/ViewControls';
import { ZoteroStatusTags } from '@/components/ZoteroStatusTags';
import { TRASH_DAYS, type Paper } from '@/lib/model/paper';
import { useTrash } from '@/lib/pages/use-trash';
import { useShelf } from '@/lib/pages/shelf';

/** The library page (issue #4): the same list with room, a detail pane, bulk actions and the files of issue #5. */
export function App() {
  const shelf = useShelf();
  const { shown, papers, complete, filtered, actions, lookingUp } = shelf;
  const trash = useTrash();
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [exportOptions, setExportOptions] = useState<ExportOptions>({ flavour: 'bibtex', asciiOnly: false });
  const notes = useRef<HTMLTextAreaElement>(null);
  // A counter, not a flag: asking twice for the same paper's notes must focus them twice.
  const [notesFocusRequests, setNotesFocusRequests] = useState(0);

  const byId = useMemo(() => new Map((papers ?? []).map((paper) => [paper.id, paper])), [papers]);
  const current = (currentId && byId.get(currentId)) || undefined;
  // Removed papers leave the selection; the rest stays selected whatever the filters show.
  const selectedIds = useMemo(() => [...selected].filter((id) => byId.has(id)), [selected, byId]);
  const selectedPapers = useMemo(() => selectedIds.map((id) => byId.get(id)!), [selectedIds, byId]);
  const allShownSelected = useMemo(() => !!shown && shown.length > 0 && shown.every((paper) => selected.has(paper.id)), [shown, selected]);

  const select = useCallback((paper: Paper, isSelected: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (isSelected) next.add(paper.id);
      else next.delete(paper.id);
      return next;
    });
  }, []);
  const selection = useMemo(() => ({ selected, onSelect: select }), [selected, select]);

  // Focusing a row shows it in the detail pane, which is not opening it: moving through a list filtered
  // to new code would clear every mark on the way. Opening a link (the row's or the pane's) clears it.
  const showInDetail = useCallback((paper: Paper) => setCurrentId(paper.id), []);
  const openNotes = useCallback((paper: Paper) => {
    setCurrentId(paper.id);
    setNotesFocusRequests((count) => count + 1);
  }, []);
  useEffect(() => {
    if (notesFocusRequests > 0) notes.current?.focus();
  }, [notesFocusRequests]);

  const exportBibtex = (scope: ExportScope) => {
    const ids = scope === 'all' ? undefined : scope === 'selected' ? selectedIds : filtered ? shown?.map((paper) => paper.id) : undefined;
    actions.exportBibtex(ids, exportOptions);
  };

  const libraryEmpty = shelf.emptyState === 'empty';

  return (
    <div className="library">
      <header className="page-header library-header">
        <PageTitle papers={papers} complete={complete} summary={shelf.summary} unread={shelf.unread} />
        <span className="spacer" />
        <SettingsControls settings={shelf.settings} onChange={shelf.setSettings} zotero />
      </header>
      <div className="library-body">
        <section className="library-list" aria-label="Papers">
          {shelf.viewControls && <ViewControls {...shelf.viewControls} autoFocusSearch />}
          {!libraryEmpty && (
            <BulkActions
              selectedCount={selectedIds.length}
              shownCount={shown?.length ?? 0}
              allShownSelected={allShownSelected}
              onSelectAllShown={(all) => setSelected(all ? new Set([...selected, ...(shown ?? []).map((paper) => paper.id)]) : new Set())}
              onMarkRead={() => actions.updateMany(selectedIds, { status: 'read' }, 'Marked read')}
              onMarkUnread={() => actions.updateMany(selectedIds, { status: 'unread' }, 'Marked unread')}
              onAddTag={(tag) => actions.updateMany(selectedIds, { addTags: [tag] }, `Tagged “${tag}”`)}
              onRemove={() => {
                actions.removeMany(selectedPapers);
                setSelected(new Set());
              }}
              onExport={() => exportBibtex('selected')}
              onSendToZotero={() => actions.sendToZotero(selectedPapers)}
            />
          )}
          <NoticeBar notice={shelf.notice} onDismiss={shelf.dismissNotice} />
          <PaperList
            papers={shown ?? []}
            label="Saved papers"
            actions={actions}
            lookingUp={lookingUp}
            zotero={shelf.zotero}
            knownTags={shelf.knownTags}
            estimatedRowHeight={104}
            onOpenNotes={openNotes}
            selection={selection}
            currentId={current?.id ?? null}
            onCurrentChange={showInDetail}
            empty={<ListEmptyState state={shelf.emptyState} onClear={shelf.clearFilters} />}
          />
        </section>
        <section className="library-detail" aria-label="Paper details">
          {current ? (
            <PaperDetail
              paper={current}
              actions={actions}
              knownTags={shelf.knownTags}
              notesRef={notes}
              lookup={lookupState(lookingUp, current.id)}
              zotero={shelf.zotero.get(current.id)}
            />
          ) : (
            <p className="detail-placeholder">Choose a paper to see its abstract, notes and citation key.</p>
          )}
        </section>
        <aside className="library-files-pane" aria-label="Import and export">
          <LibraryFiles
            shownCount={shown?.length ?? 0}
            selectedCount={selectedIds.length}
            filtered={filtered}
            exportOptions={exportOptions}
            onExportOptionsChange={setExportOptions}
            onExportBibtex={exportBibtex}
            onBackUp={actions.backUp}
            onRestoreBackup={actions.restoreBackup}
            onImportBibtex={actions.importBibtex}
          />
          <ZoteroStatusTags settings={shelf.settings} onChange={shelf.setSettings} />
          <TrashSection trash={trash} keptDays={TRASH_DAYS} onRestore={actions.restoreFromTrash} onDelete={actions.deleteForever} />
        </aside>
      </div>
    </div>
  );
}
