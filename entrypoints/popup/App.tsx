import { useRef } from 'react';
import { SettingsControls } from '@/components/SettingsControls';
import { ListEmptyState } from '@/components/EmptyStates';
import { NoticeBar } from '@/components/Notice';
import { PageTitle } from '@/components/PageTitle';
import { PaperList, type PaperListHandle } from '@/components/PaperList';
import { ViewControls } from '@/components/ViewControls';
import { useShelf } from '@/lib/pages/shelf';

/** The toolbar popup (issue #4): the saved papers, searchable and editable in place. */
export function App({ initialQuery }: { initialQuery?: string }) {
  const shelf = useShelf({ initialQuery });
  const list = useRef<PaperListHandle>(null);
  const { shown, papers, complete, filtered, actions } = shelf;

  return (
    <main className="popup">
      <header className="page-header">
        <PageTitle papers={papers} complete={complete} summary={shelf.summary} unread={shelf.unread} />
        <span className="spacer" />
        <button
          type="button"
          className="header-action"
          disabled={!shown || shown.length === 0}
          onClick={() => actions.exportBibtex(filtered ? shown?.map((paper) => paper.id) : undefined)}
          title={filtered ? 'Download the papers shown as a .bib file' : 'Download every saved paper as a .bib file'}
        >
          Export BibTeX
        </button>
        <a className="header-action" href="/library.html" target="_blank" rel="noreferrer">
          Library
        </a>
      </header>
      {shelf.viewControls && (
        <ViewControls {...shelf.viewControls} autoFocusSearch onSearchArrowDown={() => list.current?.focusFirstRow()} />
      )}
      <NoticeBar notice={shelf.notice} onDismiss={shelf.dismissNotice} />
      <PaperList
        listRef={list}
        papers={shown ?? []}
        label="Saved papers"
        actions={actions}
        lookingUp={shelf.lookingUp}
        zotero={shelf.zotero}
        knownTags={shelf.knownTags}
        empty={<ListEmptyState state={shelf.emptyState} onClear={shelf.clearFilters} />}
      />
      <footer className="page-footer">
        <SettingsControls settings={shelf.settings} onChange={shelf.setSettings} />
        <span className="keys-hint" aria-hidden="true">
          ↑↓ Enter · C code · N notes · R read
        </span>
      </footer>
    </main>
  );
}
